/**
 * The public issue model shared by every validator in dangan.
 *
 * An {@link Issue} is one finding: a stable dotted `code`, the 四性 aspect it
 * belongs to (DA/T 70-2018 §4: 真实性, 完整性, 可用性, 安全性), a severity and a
 * message already resolved in the caller's locale. The shape is a public
 * contract (see `docs/report.md`); fields are only ever added, never changed.
 *
 * @module
 */

/** How serious an issue is. `error` makes a report invalid; `warning` and `info` do not. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * The DA/T 70-2018 property an issue concerns: 真实性 (authenticity), 完整性
 * (integrity), 可用性 (usability) or 安全性 (security).
 */
export type Aspect = 'authenticity' | 'integrity' | 'usability' | 'security';

/** Message locales shipped with dangan. `zh-CN` is the default. */
export type Locale = 'zh-CN' | 'en';

/** A position inside an XML or text file: 1-based line and column, optional XPath. */
export interface IssueLocation {
  /** 1-based line number. */
  line: number;
  /** 1-based column number, counted in UTF-16 code units of the decoded text. */
  column: number;
  /** Path of the element the issue concerns, e.g. `/文件目录/文件[3]/日期`. */
  xpath?: string;
}

/** One finding of a validator. */
export interface Issue {
  /** Stable dotted identifier, e.g. `fixity.mismatch` or `archival-code.malformed`. */
  code: string;
  /** The DA/T 70-2018 check item where one applies, e.g. `GD-1-7`. */
  check?: string;
  /**
   * Id of the report check the issue belongs to, e.g. `fixity.digest` or
   * `bagit.declaration`: stamped by the issue sink of the validator (or by
   * {@link buildReport}), and always the id of a check the report lists.
   */
  checkId?: string;
  /** The 四性 aspect the issue belongs to. */
  aspect: Aspect;
  /** Severity; `error` makes the report invalid. */
  severity: Severity;
  /** Human-readable message in the requested locale (zh-CN by default). */
  message: string;
  /** Package-relative path, `/`-separated, NFC-normalised. */
  path?: string;
  /** Line and column (1-based) for XML and text files. */
  location?: IssueLocation;
  /** What the standard or the manifest expects, e.g. a digest or a count. */
  expected?: unknown;
  /** What was actually found. */
  received?: unknown;
  /** The values the message was built from; kept so a report can be re-localised. */
  params?: Readonly<Record<string, unknown>>;
}
