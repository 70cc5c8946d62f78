import { child, parseEepTree, type EepNode } from '../../formats/eep/eepTree.js';
import type { Issue } from '../../report/issue.js';
import { buildReport, type CheckResult, type CheckStatus, type Report } from '../../report/report.js';
import type { Locale } from '../../report/issue.js';
import type { SeverityOverrides } from '../../report/severityPolicy.js';
import { EEP_CHECKS, eepCheckOfIssueCode, eepSeverityPolicy, type EepCheckDefinition } from './checks.js';
import { checkConsistency } from './consistency.js';
import { checkContent } from './content.js';
import { EepContext, type ValidateEepOptions } from './context.js';
import { checkIdentifiers } from './identifiers.js';
import { checkRoot, checkSignedObject } from './packageRules.js';
import { checkSignatures, checkUnsigned, signatureStatus, type SignatureTally } from './signatures.js';
import { checkStructure } from './structure.js';
import { checkValues } from './values.js';

/** Profile name of EEP reports. */
export const EEP_PROFILE = 'eep';

/**
 * Validates a DA/T 48-2009 电子文件封装包 (`.eep`) against every rule of
 * standards-electronic.md §2.6: the XML (encoding, no DOCTYPE,
 * well-formed), root and namespace, 版本 = `@eep版本` = 2009, 封装包类型 and
 * its description, the content model with DA/T 46 required metadata, value
 * types and domains, unique IDs and resolving IDREFs, 业务实体→机构人员实体
 * links, Base64 content decoding to exactly 计算机文件大小 bytes, 反编码关键字,
 * and signatures. A 修改型 package is validated layer by layer down through
 * every 原封装包. Signatures are verified only with `options.verifySignature`
 * (see `dangan/node`); otherwise they are `manual`, never `passed`. An EEP
 * without signatures gets one `eep.unsigned` (info): a same-length change to
 * its 编码数据 cannot be seen without them or package fixity
 * (`options.packageFixity`).
 *
 * @param bytes - The `.eep` file.
 * @param options - Locale, issue path, signature verifier, severity overrides, XML limits, package fixity.
 * @returns The report (profile `eep`). Never throws on bad input.
 * @example
 * const report = await validateEep(bytes, { locale: 'en' });
 * report.valid //=> true
 */
export async function validateEep(bytes: Uint8Array, options: ValidateEepOptions = {}): Promise<Report> {
  const parsed = parseEepTree(bytes, { path: options.path, locale: options.locale, limits: options.limits });
  const policy = eepSeverityPolicy(options.severity);
  const xmlIssues = parsed.issues.flatMap((issue) => policy(issue) ?? []);
  if (!parsed.ok) return finish(xmlIssues, { files: 0, bytes: bytes.length }, undefined, options.severity, options.locale);
  const ctx = new EepContext(parsed.tree.text, parsed.tree.encoding, options);
  for (const issue of parsed.issues) ctx.adopt(issue);
  const { root } = parsed.tree;
  if (!checkRoot(ctx, root)) return finish(ctx.issues, { files: 0, bytes: bytes.length }, undefined, options.severity, options.locale);
  checkStructure(ctx, root);
  checkValues(ctx, root);
  checkConsistency(ctx, root);
  const ids = checkIdentifiers(ctx, root);
  const content = checkContent(ctx, root, ids);
  const tally: SignatureTally = { valid: 0, invalid: 0, manual: 0 };
  await checkLayers(ctx, root, tally);
  checkUnsigned(ctx, root);
  return finish(ctx.issues, { files: content.files, bytes: bytes.length }, tally, options.severity, options.locale);
}

// §2.6 rule 3: recurse through 原封装包 layers, checking each 被签名对象 and its signatures.
async function checkLayers(ctx: EepContext, holder: EepNode, tally: SignatureTally): Promise<void> {
  for (let current: EepNode | undefined = holder; current; ) {
    const signedObject = child(current, '被签名对象');
    if (!signedObject) return;
    const original = checkSignedObject(ctx, signedObject);
    await checkSignatures(ctx, current, signedObject, tally);
    current = original;
  }
}

function finish(issues: readonly Issue[], counts: { files: number; bytes: number }, tally: SignatureTally | undefined, overrides: SeverityOverrides = {}, locale?: Locale): Report {
  const checks: CheckResult[] = EEP_CHECKS.map((check) => ({ id: check.id, status: statusOf(check, issues, tally, overrides) }));
  // The EepContext sink stamped its issues; an EEP that did not parse has only the reader's, stamped here.
  const stamped = issues.map((issue) => {
    const id = eepCheckOfIssueCode(issue.code);
    return id === undefined ? issue : { ...issue, checkId: id };
  });
  return buildReport({ profile: 'eep', issues: stamped, ...(locale ? { locale } : {}), checks, files: counts.files, bytes: counts.bytes });
}

// As dat93 does: manual checks are always `manual`, a check turned `off` is `skipped`;
// without a tree (tally undefined) only the XML check ran.
function statusOf(check: EepCheckDefinition, issues: readonly Issue[], tally: SignatureTally | undefined, overrides: SeverityOverrides): CheckStatus {
  if (check.mode === 'manual') return 'manual';
  if (overrides[check.id] === 'off') return 'skipped';
  const failed = issues.some((i) => i.severity === 'error' && eepCheckOfIssueCode(i.code) === check.id);
  if (tally === undefined) return failed ? 'failed' : check.id === 'eep.xml' ? 'passed' : 'skipped';
  if (check.id === 'eep.signature') return signatureStatus(tally, failed);
  return failed ? 'failed' : 'passed';
}
