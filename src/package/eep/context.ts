import type { EepEncodingName, EepNode } from '../../formats/eep/eepTree.js';
import type { XmlLimits } from '../../xml/limits.js';
import { createIssue, type IssueDetails } from '../../report/createIssue.js';
import type { Issue, Locale } from '../../report/issue.js';
import type { IssueCode } from '../../report/messages/index.js';
import type { SeverityOverrides } from '../../report/severityPolicy.js';
import { EEP_DAT70_ITEMS, EEP_FORMAT_CHECKS, eepCheckOfIssueCode, eepSeverityPolicy, type EepFormatCheckId } from '../../formats/eep/checks.js';
import { createIssueSink, type IssueSink } from '../../report/issueSink.js';
import type { VerifySignature } from './verifySignature.js';

/** Options of `validateEep`. */
export interface ValidateEepOptions {
  /** Message locale, `zh-CN` by default. */
  locale?: Locale;
  /** Path put on every issue (e.g. the `.eep` file's package-relative path). */
  path?: string;
  /** Signature verification; without it signatures are `manual`. */
  verifySignature?: VerifySignature;
  /**
   * Severity overrides keyed by issue code (`{ 'eep.value.domain': 'warning' }`)
   * or by check id (`{ 'eep.value-domain': 'warning' }`, every issue of the
   * check; `off` lists the check as `skipped`). A code's own override wins
   * over its check's; `off` drops the issue.
   */
  severity?: SeverityOverrides;
  /**
   * XML limits for reading the EEP, over the EEP's own (the defaults, with
   * `maxTextLength` raised to the document length for Base64 编码数据); a limit
   * that is hit is its `xml.limit-*` issue. A package validation passes its own.
   */
  limits?: Partial<XmlLimits>;
  /**
   * True when the EEP sits in a package whose fixity covers its bytes, as in a
   * dat93 item folder (DA/T 93-2022 其他/固化验证信息.XML): a change to
   * 编码数据 that keeps its length is caught there, so an EEP without
   * signatures gets no `eep.unsigned`.
   */
  packageFixity?: boolean;
  /**
   * Report a signature that verifies under md5RSA, sha1RSA or dsa-sha1 as a
   * warning instead of an error (`eep.signature.weak-algorithm`; DA/T 46-2009
   * M64 lists these algorithms, but their digests admit forged collisions).
   * A severity override of the code wins. Default false.
   */
  allowWeakSignatures?: boolean;
}

/** Collects issues for one validation run: path, location, DA/T 70 item, overrides (through the one issue sink, src/report/issueSink.ts). */
export class EepContext {
  private readonly sink: IssueSink<EepFormatCheckId>;

  constructor(
    /** The decoded document. */
    readonly text: string,
    /** The document's encoding, for the bytes signatures cover. */
    readonly encoding: EepEncodingName,
    readonly options: ValidateEepOptions,
  ) {
    const weak: SeverityOverrides = options.allowWeakSignatures ? { 'eep.signature.weak-algorithm': 'warning' } : {};
    const policy = eepSeverityPolicy({ ...weak, ...options.severity });
    this.sink = createIssueSink<EepFormatCheckId>({
      checks: EEP_FORMAT_CHECKS,
      checkOf: eepCheckOfIssueCode,
      ...(options.locale ? { locale: options.locale } : {}),
      policy,
      // The report is capped when the EEP's report is built (and again in a package's).
      maxIssuesPerCode: Infinity,
    });
  }

  /** The issues so far, in the order they were added. */
  get issues(): Issue[] {
    return this.sink.issues();
  }

  /**
   * Adds an issue at a node.
   *
   * @param code - Catalogued code.
   * @param node - Where (its line:column and XPath), if anywhere.
   * @param details - Params, expected/received, severity.
   */
  add(code: IssueCode, node: EepNode | undefined, details: IssueDetails = {}): void {
    this.sink.add(
      createIssue(code, {
        check: EEP_DAT70_ITEMS[code],
        path: this.options.path,
        location: node?.location,
        locale: this.options.locale,
        ...details,
      }),
    );
  }

  /**
   * Adds an issue made elsewhere (the XML reader's), under the same policy.
   *
   * @param issue - The issue.
   */
  adopt(issue: Issue): void {
    this.sink.add(issue);
  }
}
