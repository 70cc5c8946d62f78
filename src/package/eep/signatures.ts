import { decodeBase64 } from '../../formats/eep/base64.js';
import type { EepNode } from '../../formats/eep/eepTree.js';
import { child, children } from '../../formats/eep/eepTree.js';
import { signedBytes } from '../../formats/eep/layers.js';
import type { CheckStatus } from '../../report/report.js';
import type { EepContext } from './context.js';
import type { SignatureVerdict } from './verifySignature.js';

/**
 * 签名算法标识 values DA/T 46-2009 M64 lists but whose hash no longer resists
 * collisions: md5RSA (`1.2.840.113549.1.1.4`), sha1RSA (`.5`) and dsa-sha1
 * (`1.2.840.10040.4.3`). A signature that verifies under them is reported as
 * `eep.signature.weak-algorithm` (error; relax with the severity override
 * `{ 'eep.signature.weak-algorithm': 'warning' }`, `--allow-weak-signatures`).
 */
export const WEAK_SIGNATURE_ALGORITHMS: ReadonlySet<string> = new Set(['1.2.840.113549.1.1.4', '1.2.840.113549.1.1.5', '1.2.840.10040.4.3']);

/** Outcomes of the signatures of one or more layers. */
export interface SignatureTally {
  valid: number;
  invalid: number;
  manual: number;
}

/**
 * Checks the signatures of one package layer (standards-electronic.md §2.6
 * rules 6–7): 电子签名块 and 锁定签名 come as a pair at the top level
 * (`eep.signature.lock-missing`); each 电子签名 is verified over the
 * serialized 被签名对象 and the 锁定签名 over the 电子签名 it locks, with the
 * injected verifier. A failure is `eep.signature.invalid`; no verifier or an
 * unsupported algorithm is `eep.signature.unverified` (manual).
 *
 * @param ctx - The validation context.
 * @param holder - The element holding 被签名对象 and the signatures (root or 原封装包).
 * @param signedObject - The 被签名对象 the signatures cover.
 * @param tally - Counts to update.
 * @returns Resolves when every signature of the layer has been checked.
 * @example
 * await checkSignatures(ctx, tree.root, child(tree.root, '被签名对象')!, tally)
 */
export async function checkSignatures(ctx: EepContext, holder: EepNode, signedObject: EepNode, tally: SignatureTally): Promise<void> {
  const block = child(holder, '电子签名块');
  const lock = child(holder, '锁定签名');
  if (holder.name === '电子文件封装包' && (block === undefined) !== (lock === undefined)) {
    ctx.add('eep.signature.lock-missing', holder, { params: { element: block ? '锁定签名' : '电子签名块' } });
  }
  const signatures = block ? children(block, '电子签名') : [];
  for (const signature of signatures) {
    await verifyOne(ctx, signature, '签名标识符', signedCandidates(ctx, signedObject), tally);
  }
  if (lock) {
    const lockedId = child(lock, '被锁定签名标识符')?.text.trim();
    const locked = signatures.find((s) => child(s, '签名标识符')?.text.trim() === lockedId);
    // A lock naming no 电子签名 is reported as eep.idref.dangling by the identifier check.
    if (locked) await verifyOne(ctx, lock, '被锁定签名标识符', signedCandidates(ctx, locked), tally);
  }
}

// The element's bytes in the document's encoding; for a GB 18030 document also its UTF-8
// bytes, which implementations that sign the serialized string as UTF-8 produce.
function signedCandidates(ctx: EepContext, node: EepNode): Uint8Array[] {
  const own = signedBytes(ctx.text, node, ctx.encoding);
  return ctx.encoding === 'UTF-8' ? [own] : [own, signedBytes(ctx.text, node, 'UTF-8')];
}

async function verifyOne(ctx: EepContext, node: EepNode, idElement: string, candidates: readonly Uint8Array[], tally: SignatureTally): Promise<void> {
  const id = child(node, idElement)?.text.trim() ?? '';
  const algorithm = child(node, '签名算法标识')?.text.trim() ?? '';
  const value = decodeBase64(child(node, '签名结果')?.text ?? '');
  const certificates = children(node, '证书块')
    .flatMap((b) => children(b, '证书'))
    .map((c) => decodeBase64(c.text))
    .flatMap((c) => (c.ok ? [c.bytes] : []));
  const verifier = ctx.options.verifySignature;
  let verdict: SignatureVerdict;
  if (!value.ok) verdict = { status: 'invalid' };
  else if (!verifier) verdict = { status: 'unsupported', reason: 'no signature verifier (use dangan/node)' };
  else {
    verdict = { status: 'invalid' };
    for (const data of candidates) {
      try {
        verdict = await verifier({ algorithm, data, signature: value.bytes, certificates });
      } catch (error) {
        verdict = { status: 'unsupported', reason: error instanceof Error ? error.message : String(error) };
      }
      if (verdict.status !== 'invalid') break;
    }
  }
  if (verdict.status === 'valid') {
    tally.valid += 1;
    if (WEAK_SIGNATURE_ALGORITHMS.has(algorithm)) ctx.add('eep.signature.weak-algorithm', node, { params: { id, algorithm }, received: algorithm });
  } else if (verdict.status === 'invalid') {
    tally.invalid += 1;
    ctx.add('eep.signature.invalid', node, { params: { id } });
  } else if (verdict.status === 'refused') {
    // Fail closed: an algorithm or certificate the verifier cannot use is what a
    // downgrade looks like (content changed, certificate or OID replaced).
    tally.invalid += 1;
    const code = verdict.cause === 'algorithm' ? 'eep.signature.algorithm-unknown' : 'eep.signature.certificate-unreadable';
    ctx.add(code, node, { params: { id, algorithm, reason: verdict.reason }, received: algorithm });
  } else {
    tally.manual += 1;
    ctx.add('eep.signature.unverified', node, { params: { id, algorithm, reason: verdict.reason } });
  }
}

/**
 * Notes an EEP that carries no signature pair (`eep.unsigned`, info): DA/T
 * 48-2009 附录A makes 电子签名块 and 锁定签名 optional as a unit, and without
 * them nothing in the EEP covers the decoded 编码数据. A changed Base64
 * character that keeps the length and the Base64 form decodes to other bytes
 * of the declared 计算机文件大小, which no other rule can see; only a
 * signature over 被签名对象, or a package digest (`options.packageFixity`),
 * can. Looks at the outer layer: an outer 修改型 layer without signatures
 * leaves its own 修改封装内容 uncovered even when the 原封装包 is signed. A
 * lone half of the pair is `eep.signature.lock-missing` instead.
 *
 * @param ctx - The validation context.
 * @param root - The document element (电子文件封装包).
 * @example
 * checkUnsigned(ctx, tree.root); // unsigned, standalone → one eep.unsigned (info)
 */
export function checkUnsigned(ctx: EepContext, root: EepNode): void {
  if (ctx.options.packageFixity) return;
  if (child(root, '电子签名块') || child(root, '锁定签名')) return;
  ctx.add('eep.unsigned', root);
}

/**
 * The status of the `eep.signature` check from a tally.
 *
 * @param tally - Signature outcomes.
 * @param failed - True when another signature issue (e.g. a missing lock) was an error.
 * @returns `failed`, `manual`, `passed`, or `skipped` when there are no signatures.
 * @example
 * signatureStatus({ valid: 1, invalid: 0, manual: 0 }, false) //=> 'passed'
 */
export function signatureStatus(tally: SignatureTally, failed: boolean): CheckStatus {
  if (failed || tally.invalid > 0) return 'failed';
  if (tally.manual > 0) return 'manual';
  return tally.valid > 0 ? 'passed' : 'skipped';
}
