import { createIssue, type IssueDetails } from '../../report/createIssue.js';
import type { Issue, Locale } from '../../report/issue.js';
import type { IssueCode } from '../../report/messages/index.js';
import type { CheckResult } from '../../report/report.js';
import { adjustSeverity, type SeverityOverrides } from '../../report/severityPolicy.js';
import { stampIssue } from '../../report/check.js';
import { BAG_CHECKS, type BagCheckId } from '../../formats/bagit/checks.js';
import { issueCap } from '../../report/capIssues.js';
import { issueCatalogue } from '../../report/messages/index.js';

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
 * findings.checks().find((c) => c.id === 'bagit.oxum')?.status //=> 'passed'
 */
export class Findings {
  private readonly kept: Issue[] = [];
  private readonly cap: ReturnType<typeof issueCap>;
  private readonly failed = new Set<BagStage>();
  private readonly ran = new Set<BagStage>();
  private readonly suppressed: ReadonlySet<string>;

  /**
   * @param options - Locale, overrides and suppressed lint codes.
   * @throws TypeError when `suppress` names a code that is not a `bagit.lint.*` code.
   */
  /** Locale of the messages. */
  get locale(): FindingOptions['locale'] {
    return this.options.locale;
  }

  constructor(private readonly options: FindingOptions = {}) {
    for (const code of options.suppress ?? []) {
      if (!code.startsWith('bagit.lint.')) throw new TypeError(`[dangan] only bagit.lint.* codes can be suppressed, not ${code}`);
    }
    this.suppressed = new Set(options.suppress ?? []);
    this.cap = issueCap({ ...(options.maxIssuesPerCode ? { maxPerCode: options.maxIssuesPerCode } : {}), ...(options.locale ? { locale: options.locale } : {}) });
  }

  /** The issues kept, then one `limits.issues-truncated` per code over the cap. */
  get issues(): Issue[] {
    return [...this.kept, ...this.cap.summary((code) => this.kept.find((i) => i.code === code))];
  }

  /** Marks a stage as run (passed unless an error is added under it). */
  start(stage: BagStage): void {
    this.ran.add(stage);
  }

  /** Adds an issue under a stage, unless its code is suppressed. */
  add(stage: BagStage, code: IssueCode, details: IssueDetails = {}): void {
    if (this.suppressed.has(code)) return;
    this.ran.add(stage);
    const overrides = this.options.severityOverrides ?? {};
    const override = Object.hasOwn(overrides, code) ? overrides[code] : undefined;
    if (override === 'off') return;
    if ((override ?? details.severity ?? issueCatalogue[code].severity) === 'error') this.failed.add(stage);
    // Capped as found: past the cap an issue is counted, not even made (issue 23 class 8).
    if (!this.cap.admit(code)) return;
    const issue = adjustSeverity(createIssue(code, { ...details, locale: this.options.locale }), overrides);
    if (issue) this.kept.push(stampIssue(issue, stage));
  }

  /**
   * The check list of the report: every stage with passed, failed or skipped;
   * `bagit.profile` only when a BagIt Profile was checked.
   */
  checks(): CheckResult[] {
    const stages = BAG_CHECKS.map((c) => c.id).filter((id) => id !== 'bagit.profile' || this.ran.has(id));
    return stages.map((id) => ({ id, status: this.failed.has(id) ? 'failed' : this.ran.has(id) ? 'passed' : 'skipped' }));
  }
}
