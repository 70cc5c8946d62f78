
import type { Issue, Locale } from '../../report/issue.js';
import { serializeXmlElement, xmlElement as el, type XmlNode } from '../../xml/xmlNode.js';
import { encodeBase64 } from './base64.js';
import { child } from './eepTree.js';
import { signatureId } from './ids.js';
import { encodeEepText, packageLayer, readSignedObject, signedBytes } from './layers.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { eepIssues } from '../../report/messages/eep.js';

/**
 * A signing capability: the core cannot sign (no key handling in browsers
 * here), so the caller injects one. `dangan/node` provides RSA and SM2 signers.
 */
export interface EepSigner {
  /** 签名算法标识 (DA/T 46-2009 M64), an OID such as `1.2.840.113549.1.1.11`. */
  readonly algorithm: string;
  /** 证书 (M62): the signer's certificate(s), DER. */
  readonly certificates: readonly [Uint8Array, ...Uint8Array[]];
  /** Signs bytes and returns the raw signature (签名结果, M61). */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** Options of {@link signEep}. */
export interface SignEepOptions {
  /** 签名时间 (M59), `xs:dateTime`; omitted when undefined. */
  time?: string;
  /** 签名人 (M60). */
  signer?: string;
  /** 证书引证 (M63), a URI for checking the certificate. */
  certificateReference?: string;
  /** Message locale of the issues. */
  locale?: Locale;
}

/** Result of {@link signEep}. */
export type SignEepResult = { ok: true; bytes: Uint8Array } | { ok: false; issues: Issue[] };

/** 签名规则 (M58) texts written by dangan: what bytes were signed. */
export const SIGNATURE_RULES = {
  signedObject: '对“被签名对象”元素按文档中的原样序列化（UTF-8）签名',
  lock: '对被锁定的“电子签名”元素按文档中的原样序列化（UTF-8）签名',
} as const;

/**
 * Signs an EEP: signs the serialized 被签名对象 (DA/T 48-2009 附录A) — its
 * bytes as they stand in the document, in the document's encoding — adds
 * 电子签名块 with one 电子签名 (`修改<layer>-签名1`), then signs that 电子签名
 * element and adds the 锁定签名 that locks it. The two are one optional
 * sequence in the schema, so both are always written.
 *
 * @param bytes - An unsigned EEP (e.g. from `writeEep` or `wrapEep`).
 * @param signer - The signing capability (see `createEepSigner` in `dangan/node`).
 * @param options - 签名时间, 签名人, 证书引证, locale.
 * @returns The signed package in the input's encoding, or issues (`eep.sign.already-signed`,
 *   `eep.sign.unsigned-object`, or XML issues).
 * @example
 * const signed = await signEep(writeEep(item), createEepSigner({ privateKey, certificate }));
 */
export async function signEep(bytes: Uint8Array, signer: EepSigner, options: SignEepOptions = {}): Promise<SignEepResult> {
  const read = readSignedObject(bytes, options);
  if (!read.ok) return read;
  const { tree: { text, root, encoding }, signedObject } = read;
  if (child(root, '电子签名块') || child(root, '锁定签名')) {
    return { ok: false, issues: [createIssueFrom(eepIssues, 'eep.sign.already-signed', { locale: options.locale, location: root.location })] };
  }
  const id = signatureId(packageLayer(signedObject), 1);
  const value = await signer.sign(signedBytes(text, signedObject, encoding));
  // The 电子签名 as it will appear in the document (depth 2), which the lock signs.
  const signatureText = serializeXmlElement(signatureNode('电子签名', '签名标识符', id, SIGNATURE_RULES.signedObject, value, signer, options), 2).trimStart();
  const lockValue = await signer.sign(encodeEepText(signatureText, encoding));
  const lockText = serializeXmlElement(signatureNode('锁定签名', '被锁定签名标识符', id, SIGNATURE_RULES.lock, lockValue, signer, options), 1);
  const block = `  <电子签名块>\n    ${signatureText}\n  </电子签名块>\n${lockText}\n`;
  const closing = text.lastIndexOf('</', root.end);
  const lineStart = text.lastIndexOf('\n', closing) + 1;
  const insertAt = text.slice(lineStart, closing).trim() === '' ? lineStart : closing;
  const signed = `${text.slice(0, insertAt)}${insertAt === closing ? '\n' : ''}${block}${text.slice(insertAt)}`;
  return { ok: true, bytes: encodeEepText(signed, encoding) };
}

// DA/T 48-2009 附录A 电子签名 / 锁定签名 (DA/T 46-2009 M57–M64).
function signatureNode(
  name: '电子签名' | '锁定签名',
  idElement: string,
  id: string,
  rule: string,
  value: Uint8Array,
  signer: EepSigner,
  options: SignEepOptions,
): XmlNode {
  return el(name, [
    el(idElement, id),
    el('签名规则', rule),
    options.time === undefined ? undefined : el('签名时间', options.time),
    options.signer === undefined ? undefined : el('签名人', options.signer),
    el('签名结果', encodeBase64(value)),
    el('证书块', [
      ...signer.certificates.map((c) => el('证书', encodeBase64(c))),
      options.certificateReference === undefined ? undefined : el('证书引证', options.certificateReference),
    ]),
    el('签名算法标识', signer.algorithm),
  ]);
}
