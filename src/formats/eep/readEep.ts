import type { XmlLimits } from '../../xml/limits.js';

import type { Issue, Locale } from '../../report/issue.js';
import { decodeBase64 } from './base64.js';
import type { EepPackageType } from './constants.js';
import { child, children, parseEepTree, type EepNode } from './eepTree.js';
import { readItemMetadata } from '../itemMetadata/readItemMetadata.js';
import { defined, recordEntityView, type ElementAt, type FileDataView, type TypedViewIssues } from '../itemMetadata/typedView.js';
import type { ItemDocument, ItemEncoding } from '../itemMetadata/itemMetadataModel.js';
import type {
  EepActivity,
  EepAgent,
  EepContent,
  EepDocument,
  EepDocumentData,
  EepEncoding,
  EepItem,
  EepRecord,
  EepSignature,
} from './model.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { eepIssues } from '../../report/messages/eep.js';

/** The signatures of a package layer (DA/T 48-2009 电子签名块 and 锁定签名). */
export interface EepSignatures {
  /** 电子签名块/电子签名, in order; empty when unsigned. */
  signatures: EepSignature[];
  /** 锁定签名 (its `id` is 被锁定签名标识符). */
  lockSignature?: EepSignature;
}

/** A 原始型 package read back. */
export interface EepOriginalPackage extends EepSignatures {
  type: '原始型';
  /** What {@link writeEep} was given. */
  item: EepItem;
}

/** A 修改型 package read back: the revision layer and the wrapped original. */
export interface EepModifiedPackage extends EepSignatures {
  type: '修改型';
  /** 修改标识符, e.g. `修改1`. */
  modificationId: string;
  /** 封装包创建时间/单位 of this layer and its 修订内容. */
  revision: EepItem;
  /** 原封装包: the wrapped package (its 锁定签名 is not kept by DA/T 48). */
  original: EepPackage;
}

/** A package read by {@link readEep}. */
export type EepPackage = EepOriginalPackage | EepModifiedPackage;

/** Result of {@link readEep}. */
export type ReadEepResult = { ok: true; value: EepPackage } | { ok: false; issues: Issue[] };

/**
 * Reads an EEP back into the item model {@link writeEep} writes from. It is
 * lenient about what the validator checks (it does not compare sizes or
 * verify signatures): use `validateEep` first for untrusted input.
 *
 * @param bytes - The `.eep` file.
 * @param options - `locale` for issue messages, `path` for issues, `limits` for the XML read:
 *   input over `limits.maxXmlBytes` (default 256 MiB) is not decoded (`xml.limit-bytes`).
 * @returns The package, or issues when the XML cannot be read or a required
 *   element or Base64 content is missing or unreadable.
 * @example
 * const r = readEep(writeEep(item));
 * r.ok && r.value.type === '原始型' && r.value.item.content.record.description.title
 */
export function readEep(bytes: Uint8Array, options: { locale?: Locale; path?: string; limits?: Partial<XmlLimits> & { maxXmlBytes?: number } } = {}): ReadEepResult {
  const parsed = parseEepTree(bytes, options);
  if (!parsed.ok) return parsed;
  const issues: Issue[] = [];
  const reader = new Reader(issues, options);
  const signedObject = reader.required(parsed.tree.root, '被签名对象');
  const value = signedObject && reader.layer(signedObject, parsed.tree.root);
  return value && issues.length === 0 ? { ok: true, value } : { ok: false, issues };
}

class Reader implements TypedViewIssues {
  constructor(
    private readonly issues: Issue[],
    private readonly options: { locale?: Locale; path?: string },
  ) {}

  required(parent: EepNode, name: string): EepNode | undefined {
    const node = child(parent, name);
    if (!node) {
      this.issues.push(
        createIssueFrom(eepIssues, 'eep.element.missing', {
          ...this.options,
          location: parent.location,
          params: { parent: parent.name, element: name },
        }),
      );
    }
    return node;
  }

  text(parent: EepNode, name: string): string {
    return this.required(parent, name)?.text ?? '';
  }

  layer(signedObject: EepNode, holder: EepNode): EepPackage | undefined {
    const type = this.text(signedObject, '封装包类型').trim() as EepPackageType;
    const createdAt = this.text(signedObject, '封装包创建时间');
    const creator = this.text(signedObject, '封装包创建单位');
    const signatures = this.signatures(holder);
    if (type === '修改型') {
      const modified = this.required(signedObject, '修改封装内容');
      if (!modified) return undefined;
      const originalHolder = this.required(modified, '原封装包');
      const originalObject = originalHolder && this.required(originalHolder, '被签名对象');
      const original = originalObject && this.layer(originalObject, originalHolder!);
      const revision = this.required(modified, '修订内容');
      const content = revision && this.content(revision);
      if (!original || !content) return undefined;
      return {
        type,
        modificationId: this.text(modified, '修改标识符'),
        revision: { createdAt, creator, content },
        original,
        ...signatures,
      };
    }
    const holderNode = this.required(signedObject, '封装内容');
    const content = holderNode && this.content(holderNode);
    return content && { type: '原始型', item: { createdAt, creator, content }, ...signatures };
  }

  content(node: EepNode): EepContent | undefined {
    const recordBlock = this.required(node, '文件实体块');
    const recordNode = recordBlock && this.required(recordBlock, '文件实体');
    const record = recordNode && this.record(recordNode);
    const activities = children(this.required(node, '业务实体块') ?? node, '业务实体').map((a) => this.activity(a));
    const agents = children(this.required(node, '机构人员实体块') ?? node, '机构人员实体').map((a) => this.agent(a));
    if (!record || !isNonEmpty(activities) || !isNonEmpty(agents)) return undefined;
    return { record, activities, agents };
  }

  // 文件实体 (DA/T 48-2009 附录A) through the one item metadata walker and its typed view.
  record(node: EepNode): EepRecord | undefined {
    const reading = readItemMetadata(node, (value) => value, 'exact');
    return recordEntityView(reading, { name: node.name, location: node.location }, this, (data) => {
      const documents = data ? data.written.map((doc, d) => this.document(data, doc, `documents[${d}]`)) : [];
      return isDefinedNonEmpty(documents) ? documents : undefined;
    });
  }

  missing(parent: ElementAt, element: string): void {
    this.issues.push(createIssueFrom(eepIssues, 'eep.element.missing', { ...this.options, location: parent.location, params: { parent: parent.name, element } }));
  }

  integer(value: string): number | undefined {
    return Number(value.trim());
  }

  document(view: FileDataView, doc: ItemDocument, key: string): EepDocument | undefined {
    const data = doc.data.map((d, n) => this.documentData(view, d.encodings, `${key}/data[${n}]`));
    if (!isDefinedNonEmpty(data)) return undefined;
    return defined({ sequence: doc.sequence, role: doc.role, title: doc.title, data });
  }

  documentData(view: FileDataView, encodings: readonly ItemEncoding[], key: string): EepDocumentData | undefined {
    const read = encodings.map((e, i) => this.encoding(view, e, `${key}/encodings[${i}]`));
    return isDefinedNonEmpty(read) ? { encodings: read } : undefined;
  }

  // 编码: 电子属性 (M46–M50), 编码数据 (Base64, DA/T 48-2009 §6.5) and 数字化属性 (M52).
  encoding(view: FileDataView, encoding: ItemEncoding, key: string): EepEncoding | undefined {
    const at = view.at(key, '编码');
    const file = view.file(encoding.file);
    if (!file) this.missing(at, '电子属性');
    if (encoding.content === undefined) this.missing(at, '编码数据');
    if (!file || encoding.content === undefined) return undefined;
    const fileName = view.text(view.at(`files[${encoding.file}]`, '电子属性'), file.fileName, '计算机文件名');
    const decoded = decodeBase64(encoding.content);
    if (!decoded.ok) {
      this.issues.push(
        createIssueFrom(eepIssues, 'eep.content.base64-invalid', {
          ...this.options,
          location: view.at(`${key}/编码数据`, '编码数据').location,
          params: { file: fileName, offset: decoded.index + 1 },
        }),
      );
      return undefined;
    }
    return defined({
      fileName,
      content: decoded.bytes,
      formatInformation: file.formatInfo,
      creatingApplication: file.creatingApplication,
      digitization: view.digitization(encoding.digitization, view.at(`${key}/数字化属性`, '数字化属性')),
    });
  }

  activity(node: EepNode): EepActivity {
    return defined({
      activityId: this.text(node, '业务标识符'),
      agentId: this.text(node, '机构人员标识符'),
      recordId: this.text(node, '文件标识符'),
      // Read as written; validateEep reports a value outside the domain.
      status: this.text(node, '业务状态') as EepActivity['status'],
      action: this.text(node, '业务行为'),
      time: this.text(node, '行为时间'),
      basis: optionalText(node, '行为依据'),
      description: optionalText(node, '行为描述'),
    });
  }

  agent(node: EepNode): EepAgent {
    return defined({
      agentId: this.text(node, '机构人员标识符'),
      agentType: optionalText(node, '机构人员类型') as EepAgent['agentType'],
      agentName: this.text(node, '机构人员名称'),
      organizationCode: optionalText(node, '组织机构代码'),
      position: optionalText(node, '个人职位'),
    });
  }

  signatures(holder: EepNode): EepSignatures {
    const block = child(holder, '电子签名块');
    const signatures = block ? children(block, '电子签名').map((n) => this.signature(n, '签名标识符')) : [];
    const lock = child(holder, '锁定签名');
    const result: EepSignatures = { signatures: signatures.filter((s): s is EepSignature => s !== undefined) };
    const lockSignature = lock && this.signature(lock, '被锁定签名标识符');
    if (lockSignature) result.lockSignature = lockSignature;
    return result;
  }

  signature(node: EepNode, idElement: string): EepSignature | undefined {
    const value = decodeBase64(this.text(node, '签名结果'));
    const certificates = children(node, '证书块')
      .flatMap((b) => children(b, '证书'))
      .map((c) => decodeBase64(c.text));
    const reference = children(node, '证书块')
      .map((b) => optionalText(b, '证书引证'))
      .find((r) => r !== undefined);
    const certs = certificates.flatMap((c) => (c.ok ? [c.bytes] : []));
    if (!value.ok || !isNonEmpty(certs)) return undefined;
    return defined({
      id: this.text(node, idElement),
      rule: this.text(node, '签名规则'),
      time: optionalText(node, '签名时间'),
      signer: optionalText(node, '签名人'),
      value: value.bytes,
      certificates: certs,
      certificateReference: reference,
      algorithm: this.text(node, '签名算法标识').trim(),
    });
  }
}

/** The text of an optional child element. */
function optionalText(parent: EepNode, name: string): string | undefined {
  return child(parent, name)?.text;
}

function isNonEmpty<T>(values: T[]): values is [T, ...T[]] {
  return values.length > 0;
}

function isDefinedNonEmpty<T>(values: (T | undefined)[]): values is [T, ...T[]] {
  return values.length > 0 && values.every((v) => v !== undefined);
}
