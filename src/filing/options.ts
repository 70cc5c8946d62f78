import type { ArchivalCategory } from '../model/category.js';
import type { Locale } from '../report/issue.js';
import type { ArchivalCodeProfile } from './profile.js';

/** Options of {@link parseArchivalCode} and the functions built on it. */
export interface ParseArchivalCodeOptions {
  /**
   * A profile id, a compiled profile, or `auto` (default): detect the profile
   * (see {@link detectProfile}); when none fits, report against `dat22`.
   */
  profile?: string | ArchivalCodeProfile;
  /**
   * Custom profiles for this call only (an institution's local 档号 scheme,
   * compiled with {@link compileProfile}): found by id and tried by
   * auto-detection together with the registered ones (by priority; on a tie
   * before them), without touching the registry.
   */
  profiles?: readonly ArchivalCodeProfile[];
  /**
   * Turn tolerated deviations into errors: normalised look-alikes, unpadded or
   * over-wide numbers, legacy `C`/`D` retention letters, 机构 code forms and
   * unknown 门类 codes. Inferred rules (全宗号 form) become warnings, never errors.
   * Default false: accept what is plausible and warn.
   */
  strict?: boolean;
  /** Message locale, `zh-CN` by default. */
  locale?: Locale;
  /** The year against which 年度 is judged; a 年度 after next year is implausible. Default: this year. */
  currentYear?: number;
  /** Earliest plausible 年度. Default 1900. */
  minYear?: number;
  /** 门类 table to check `categoryCode` against; DA/T 13-2022's by default. */
  categories?: readonly ArchivalCategory[];
  /** Longest input accepted, in characters. Default 200. */
  maxLength?: number;
}
