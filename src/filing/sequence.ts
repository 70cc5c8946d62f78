import { createIssueFrom } from '../report/createIssue.js';
import { filingIssues } from '../report/messages/filing.js';
import type { Issue, Severity } from '../report/issue.js';
import { buildReport, type CheckResult, type Report } from '../report/report.js';
import type { ComponentName } from './components.js';
import { compareParsed } from './compareArchivalCodes.js';
import { normalizeArchivalCode } from './normalize.js';
import type { ParseArchivalCodeOptions } from './options.js';
import { parseArchivalCode, type ArchivalCodeParseResult } from './parseArchivalCode.js';
import type { ArchivalCodeProfile } from './profile.js';
import { findProfile } from './registry.js';
import { CONFORMITY_CHECK, fieldLabel } from './validateComponents.js';

/** DA/T 70-2018 GD-2-6 连续性元数据项检测. */
export const CONTINUITY_CHECK = 'GD-2-6';
/** DA/T 70-2018 GD-1-8 元数据项数据重复性检测 (档号 must not repeat). */
export const UNIQUENESS_CHECK = 'GD-1-8';

// The sequence number is the code's final number; everything before its
// separator is the lowest-level class (DA/T 22-2015 §5.4: 件号 restarts in
// every lowest-level class).
const TAIL = /^(.*)([-·])(\d+)$/;

/** A code split into its lowest-level class and its sequence number. */
interface Sequenced {
  readonly parsed: ArchivalCodeParseResult;
  readonly classKey: string;
  readonly separator: string;
  readonly text: string;
  readonly number: number;
  readonly line: number;
}

function sequenced(parsed: ArchivalCodeParseResult, line: number): Sequenced | undefined {
  if (!parsed.components) return undefined;
  const m = TAIL.exec(parsed.normalized);
  if (!m) return undefined;
  const [, classKey = '', separator = '-', text = ''] = m;
  return { parsed, classKey, separator, text, number: Number(text), line };
}

function sequenceField(parsed: ArchivalCodeParseResult, profiles?: readonly ArchivalCodeProfile[]): ComponentName {
  const profile = findProfile(parsed.profile ?? '', profiles);
  const present = profile?.fields.filter((f) => parsed.components?.[f] !== undefined) ?? [];
  return present[present.length - 1] ?? 'itemNumber';
}

/** Options of {@link nextItemNumber}. */
export interface NextItemNumberOptions extends ParseArchivalCodeOptions {
  /** Digits of the new number; default the profile's width, else the widest existing number, else 4. */
  width?: number;
}

/** The number allocated by {@link nextItemNumber}. */
export interface NextItemNumber {
  /** True when the new code is a valid code. */
  readonly valid: boolean;
  /** The new code. */
  readonly code: string;
  /** The new sequence number. */
  readonly number: number;
  /** The number as written, zero-padded. */
  readonly text: string;
  /** Which component it is (`itemNumber`, `volumeNumber`, `pageNumber` …). */
  readonly field: ComponentName;
  /** The profile of the new code, when one fits. */
  readonly profile?: string;
  /** Issues of the new code (empty when valid and clean). */
  readonly issues: readonly Issue[];
}

/**
 * Allocates the next sequence number (件号, or 案卷号/页号 for the profiles
 * that end in one) in a lowest-level class: one more than the highest number
 * already used there. Gaps are not refilled — a gap is reported by
 * {@link checkSequence}, and reusing a withdrawn number would give two
 * records one code.
 *
 * @param existingCodes - Codes already allocated (any classes; others are ignored).
 * @param classKey - The code without its final number, e.g. `Z109-WS·2011-Y-BGS`.
 * @param options - Profile, width and parse options.
 * @returns The new code and number; `valid` is false (with issues) when the class key does not form a valid code.
 * @example
 * nextItemNumber(['Z109-WS·2011-Y-BGS-0001', 'Z109-WS·2011-Y-BGS-0002', 'Z109-WS·2011-Y-XZS-0007'], 'Z109-WS·2011-Y-BGS').code
 * //=> 'Z109-WS·2011-Y-BGS-0003'
 */
export function nextItemNumber(existingCodes: Iterable<string>, classKey: string, options: NextItemNumberOptions = {}): NextItemNumber {
  const key = normalizeArchivalCode(String(classKey)).code.replace(/[-·]+$/, '');
  let max = 0;
  let widest = 0;
  let profile: string | ArchivalCodeProfile | undefined = options.profile === 'auto' ? undefined : options.profile;
  let separator = '-';
  for (const code of existingCodes) {
    const s = sequenced(parseArchivalCode(code, options), 0);
    if (!s || s.classKey !== key) continue;
    if (s.number > max) max = s.number;
    if (s.text.length > widest) widest = s.text.length;
    profile ??= s.parsed.profile;
    separator = s.separator;
  }
  const resolved = typeof profile === 'string' ? findProfile(profile, options.profiles) : profile;
  const number = max + 1;
  const width = options.width ?? (resolved ? finalWidth(resolved) : undefined) ?? (widest || 4);
  const text = String(number).padStart(width, '0');
  const code = `${key}${separator}${text}`;
  const parsed = parseArchivalCode(code, { ...options, profile: profile ?? 'auto' });
  return {
    valid: parsed.valid,
    code,
    number,
    text,
    field: parsed.components ? sequenceField(parsed, options.profiles) : 'itemNumber',
    ...(parsed.profile !== undefined ? { profile: parsed.profile } : {}),
    issues: parsed.issues,
  };
}

function finalWidth(profile: ArchivalCodeProfile): number | undefined {
  return profile.widths[profile.fields[profile.fields.length - 1] as ComponentName];
}

/** Options of {@link checkSequence}. */
export interface CheckSequenceOptions extends ParseArchivalCodeOptions {
  /** The number every class starts at (DA/T 22-2015: 1). */
  start?: number;
  /** File the codes come from; put on every issue as `path`. */
  path?: string;
}

/**
 * Checks a list of 档号, one per record, as DA/T 70-2018 does on a transfer:
 * each code conforms (GD-1-7, the issues of {@link parseArchivalCode}), no
 * code repeats (GD-1-8), and within every lowest-level class the final
 * number runs from 1 without gaps (GD-2-6) — restarting in each class rather
 * than continuing the previous one (DA/T 22-2015 §5.4). Each issue carries
 * the 1-based line of the code in the list.
 *
 * Gaps are warnings (a list may be a partial batch), errors with `strict`;
 * numbering that continues the previous class instead of restarting is an error.
 *
 * @param codes - The codes, in any order.
 * @param options - Parse options, the start number and the file path.
 * @returns A report with checks GD-1-7, GD-1-8 and GD-2-6.
 * @example
 * checkSequence(['Z109-WS·2011-Y-BGS-0001', 'Z109-WS·2011-Y-BGS-0003']).issues[0].code
 * //=> 'archival-code.sequence-gap' (0002 missing)
 */
export function checkSequence(codes: readonly string[], options: CheckSequenceOptions = {}): Report {
  const issues: Issue[] = [];
  const at = (line: number) => ({ ...(options.path !== undefined ? { path: options.path } : {}), location: { line, column: 1 } });
  const groups = new Map<string, Sequenced[]>();
  codes.forEach((code, index) => {
    const parsed = parseArchivalCode(code, options);
    for (const i of parsed.issues) issues.push({ ...i, ...at(index + 1) });
    if (!parsed.valid) return;
    const s = sequenced(parsed, index + 1);
    if (!s) return;
    const groupKey = `${parsed.profile}\u0000${s.classKey}`;
    const group = groups.get(groupKey);
    if (group) group.push(s);
    else groups.set(groupKey, [s]);
  });
  const conformityFailed = issues.some((i) => i.severity === 'error');
  const sequenceIssues = checkGroups([...groups.values()], options, at);
  issues.push(...sequenceIssues);
  const status = (check: string, failed: boolean): CheckResult => ({ id: check, status: failed ? 'failed' : 'passed' });
  const failedCheck = (check: string) => sequenceIssues.some((i) => i.check === check && i.severity === 'error');
  return buildReport({
    profile: typeof options.profile === 'string' ? options.profile : (options.profile?.id ?? 'auto'),
    issues,
    checks: [
      status(CONFORMITY_CHECK, conformityFailed),
      status(UNIQUENESS_CHECK, failedCheck(UNIQUENESS_CHECK)),
      status(CONTINUITY_CHECK, failedCheck(CONTINUITY_CHECK)),
    ],
    // Sequence issues name their check; parse issues belong to conformity.
    checkOf: (i) => (i.check === UNIQUENESS_CHECK || i.check === CONTINUITY_CHECK ? i.check : CONFORMITY_CHECK),
  });
}

type At = (line: number) => { path?: string; location: { line: number; column: number } };

function checkGroups(groups: Sequenced[][], options: CheckSequenceOptions, at: At): Issue[] {
  const start = options.start ?? 1;
  const gapSeverity: Severity = options.strict ? 'error' : 'warning';
  const issues: Issue[] = [];
  const make = (code: keyof typeof filingIssues, check: string, line: number, params: Record<string, unknown>, extra: object) =>
    issues.push(createIssueFrom(filingIssues, code, { check, locale: options.locale, params, ...at(line), ...extra }));
  // Archival order of the classes, to find the class before each one.
  const ordered = groups
    .map((entries) => ({ entries, first: entries.reduce((a, b) => (a.number <= b.number ? a : b)) }))
    .sort((x, y) => compareParsed(x.first.parsed, y.first.parsed, options.profiles));
  let previous: { fonds?: string; profile?: string; classKey: string; max: number } | undefined;
  for (const { entries, first } of ordered) {
    const field = fieldLabel(sequenceField(first.parsed, options.profiles));
    const width = first.text.length;
    const pad = (n: number) => String(n).padStart(width, '0');
    const seen = new Map<number, Sequenced>();
    for (const entry of entries) {
      const earlier = seen.get(entry.number);
      if (earlier) {
        make('archival-code.duplicate', UNIQUENESS_CHECK, entry.line, { code: entry.parsed.normalized, firstLine: earlier.line }, {
          received: entry.parsed.normalized,
        });
      } else seen.set(entry.number, entry);
    }
    const numbers = [...seen.keys()].sort((a, b) => a - b);
    const fonds = first.parsed.components?.fondsCode;
    let expected = start;
    for (const n of numbers) {
      if (n > expected) {
        const line = (seen.get(n) as Sequenced).line;
        const continues =
          expected === start &&
          previous !== undefined &&
          previous.fonds === fonds &&
          previous.profile === first.parsed.profile &&
          n === previous.max + 1;
        if (continues && previous) {
          make('archival-code.sequence-not-restarted', CONTINUITY_CHECK, line,
            { classKey: first.classKey, field, first: pad(n), previous: previous.classKey },
            { expected: pad(start), received: pad(n) });
        } else {
          make('archival-code.sequence-gap', CONTINUITY_CHECK, line,
            { classKey: first.classKey, field, from: pad(expected), to: pad(n - 1) },
            { severity: gapSeverity, expected: pad(expected), received: pad(n) });
        }
      }
      expected = Math.max(expected, n + 1);
    }
    previous = { fonds, profile: first.parsed.profile, classKey: first.classKey, max: numbers[numbers.length - 1] ?? 0 };
  }
  return issues;
}
