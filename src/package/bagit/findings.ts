import type { IssueDetails } from '../../report/createIssue.js';
import { createIssueSink, type IssueSink } from '../../report/issueSink.js';
import type { Issue, Locale } from '../../report/issue.js';
import type { IssueCode } from '../../report/messages/index.js';
import type { CheckResult } from '../../report/report.js';
import { adjustSeverity, type SeverityOverrides } from '../../report/severityPolicy.js';
import { BAG_CHECKS, type BagCheckId } from '../../formats/bagit/checks.js';

/** The stages of BagIt validation, in order; each is one check of the report ({@link BAG_CHECKS}). */
export type BagStage = BagCheckId;

/** Options that shape the issues a validation emits. */
export interface FindingOptions {
  locale?: Locale;
  /** Severity per issue code, replacing the catalogue default; `off` drops the issue. */
  severityOverrides?: SeverityOverrides;
  /** `bagit.lint.*` codes to leave out of the report. */
  suppress?: readonly string[];
  /** Most issues of one code kept; the rest are counted in one `limits.issues-truncated` (default 1,000). */
  maxIssuesPerCode?: number;
}

/**
 * Collects the issues of one validation, applying severity overrides,
 * suppression and locale in one place, and tracks which stages ran.
 *
 * @example
 * const findings = new Findings({ locale: 'en', suppress: ['bagit.lint.old-version'] });
 * findings.add('bagit.oxum', 'bagit.oxum.multiple', { params: { count: 2 } });
 * findings.issues[0].checkId //=> 'bagit.oxum'
 */
export class Findings {
  // The one issue sink (src/report/issueSink.ts): stamps each issue with its stage, applies the overrides, caps.
  private readonly sink: IssueSink<BagStage>;
  private readonly suppressed: ReadonlySet<string>;

  /**
   * @param options - Locale, overrides and suppressed lint codes.
   * @throws TypeError when `suppress` names a code that is not a `bagit.lint.*` code.
   */
  constructor(private readonly options: FindingOptions = {}) {
    for (const code of options.suppress ?? []) {
      if (!code.startsWith('bagit.lint.')) throw new TypeError(`[dangan] only bagit.lint.* codes can be suppressed, not ${code}`);
    }
    this.suppressed = new Set(options.suppress ?? []);
    const overrides = options.severityOverrides ?? {};
    this.sink = createIssueSink<BagStage>({
      checks: BAG_CHECKS,
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.maxIssuesPerCode ? { maxIssuesPerCode: options.maxIssuesPerCode } : {}),
      policy: (issue) => adjustSeverity(issue, overrides),
    });
  }

  /** Locale of the messages. */
  get locale(): FindingOptions['locale'] {
    return this.options.locale;
  }

  /** The issues kept, then one `limits.issues-truncated` per code over the cap. */
  get issues(): Issue[] {
    return this.sink.issues();
  }

  /** Marks a stage as run (passed unless an error is added under it). */
  start(stage: BagStage): void {
    this.sink.ran(stage);
  }

  /** Adds an issue under a stage, unless its code is suppressed. */
  add(stage: BagStage, code: IssueCode, details: IssueDetails = {}): void {
    if (this.suppressed.has(code)) return;
    this.sink.ran(stage);
    this.sink.report(code, details, stage);
  }

  /** The check list of the report: every stage, `passed` when it ran, else `skipped` (buildReport marks the failed). */
  checks(): CheckResult[] {
    return this.sink.checks();
  }
}
