import type { Citation } from '../model/citation.js';
import type { ArchivalCodeComponents, ArchivalCodeInput, ComponentName } from './components.js';

/**
 * Forms a 机构（问题）代码 may take. DA/T 22-2015 §5.4: 3 pinyin initials or
 * 3 digits; DA/T 13-2022 §5: uppercase pinyin letters, digits or Chinese.
 */
export type OrgCodeForm = 'letters3' | 'digits3' | 'letters' | 'digits' | 'chinese';

/**
 * A profile as data: a template plus the value rules the template cannot
 * express. Register your own with {@link registerProfile}.
 *
 * @example
 * const def: ArchivalCodeProfileDefinition = {
 *   id: 'my-archive',
 *   template: '{fondsCode}-{year}-{orgCode}-{retentionPeriod}-{itemNumber:4}',
 *   retentionPeriods: ['Y', 'D30', 'D10'],
 * };
 */
export interface ArchivalCodeProfileDefinition {
  /** Lowercase id, e.g. `dat22`, `my-archive`. */
  readonly id: string;
  /** The template, see `docs/archival-code.md`. */
  readonly template: string;
  /** Name in both locales. */
  readonly title?: { readonly 'zh-CN': string; readonly en: string };
  /** The standard and clause the form comes from. */
  readonly source?: Citation;
  /** Detection order: higher is tried first. Built-ins use 30–100; your own default to 150. */
  readonly priority?: number;
  /** Allowed 保管期限 codes; `D*` allows any `D<n>`. Default `['Y', 'D*']`. Legacy `C`/`D` are always tolerated with a warning. */
  readonly retentionPeriods?: readonly string[];
  /** Allowed 机构（问题）代码 forms; default any. */
  readonly orgCodeForms?: readonly OrgCodeForm[];
  /** Usual form of 全宗号 as a regular-expression source; a mismatch is only an `info` (inferred rule). */
  readonly fondsCodeForm?: string;
  /**
   * Read every formatted code back with the matcher and refuse it unless it
   * gives the same components (default true). This guards templates whose
   * optional parts could be read two ways; the built-in profiles set it to
   * false because property tests prove their round trip.
   */
  readonly readBack?: boolean;
}

/** One `-`-separated segment of one form of a template, for error messages. */
export interface ProfileSegment {
  /** Anchored pattern of the segment. */
  readonly pattern: RegExp;
  /** The segment as written in the template, with Chinese and English names, e.g. `门类代码·年度 ({categoryCode}·{year})`. */
  readonly label: string;
}

/**
 * A compiled profile: one template turned into a matcher and a formatter
 * that cannot disagree, plus the value rules. Obtain one with
 * {@link compileProfile} or {@link getProfile}.
 */
export interface ArchivalCodeProfile {
  /** Profile id, e.g. `dat22`. */
  readonly id: string;
  /** The template it was compiled from. */
  readonly template: string;
  /** Name in both locales. */
  readonly title: { readonly 'zh-CN': string; readonly en: string };
  /** The standard and clause the form comes from. */
  readonly source: Citation;
  /** Detection order: higher is tried first. */
  readonly priority: number;
  /** Components in template order, which is also archival order. */
  readonly fields: readonly ComponentName[];
  /** Zero-padded widths of number fields (`{itemNumber:4}`). */
  readonly widths: Readonly<Partial<Record<ComponentName, number>>>;
  /** Fixed values (`{categoryCode=KJ}`). */
  readonly fixedValues: Readonly<Partial<Record<ComponentName, readonly string[]>>>;
  /** Allowed 保管期限 codes (`D*`: any `D<n>`). */
  readonly retentionPeriods: readonly string[];
  /** Allowed 机构（问题）代码 forms. */
  readonly orgCodeForms: readonly OrgCodeForm[];
  /** Whether a 机构 code has one of `orgCodeForms`. */
  readonly acceptsOrgCode: (value: string) => boolean;
  /** Usual 全宗号 form (inferred; a mismatch is `info`). */
  readonly fondsCodeForm?: RegExp;
  /** The anchored regular expression compiled from the template. */
  readonly matcher: RegExp;
  /** Every `-`-segmented form of the template, for saying which segment is wrong. */
  readonly forms: readonly (readonly ProfileSegment[])[];
  /**
   * Reads a normalised code into components, or `undefined` when the
   * structure does not match. No value rules are applied here.
   */
  readonly match: (code: string) => ArchivalCodeComponents | undefined;
  /**
   * Writes components as a code, or returns what stops it. Value rules are
   * not applied beyond each field's pattern.
   */
  readonly write: (components: ArchivalCodeInput) => string | FormatProblem;
}

/** Why components could not be written under a profile. */
export interface FormatProblem {
  /** Missing component, value that does not fit, or component with no place in the profile. */
  readonly problem: 'format-missing' | 'format-invalid' | 'format-unused';
  /** The component concerned. */
  readonly field: ComponentName | string;
  /** The value given, when there was one. */
  readonly value?: unknown;
}
