import type { XmlLimits } from '../../xml/limits.js';

import type { Issue, Locale } from '../../report/issue.js';
import { decodeBase64 } from './base64.js';
import type { EepPackageType } from './constants.js';
import { child, children, parseEepTree, type EepNode } from './eepTree.js';
import { defined, optionalText, readRecordEntity, type RecordEntityReader } from '../itemMetadata/readRecordEntity.js';
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

class Reader implements RecordEntityReader<EepNode> {
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

  record(node: EepNode): EepRecord | undefined {
    return readRecordEntity(node, this, (data) => {
      const documents = children(data ?? node, '文档').map((doc) => this.document(doc));
      return isDefinedNonEmpty(documents) ? documents : undefined;
    });
  }

  integer(parent: EepNode, name: string): number | undefined {
    const text = optionalText(parent, name);
    return text === undefined ? undefined : Number(text.trim());
  }

  document(node: EepNode): EepDocument | undefined {
    const data = children(node, '文档数据').map((n) => this.documentData(n));
    if (!isDefinedNonEmpty(data)) return undefined;
    return defined({
      sequence: optionalText(node, '文档序号'),
      role: optionalText(node, '文档主从声明'),
      title: optionalText(node, '题名'),
      data,
    });
  }

  documentData(node: EepNode): EepDocumentData | undefined {
    const encodings = children(node, '编码').map((n) => this.encoding(n));
    return isDefinedNonEmpty(encodings) ? { encodings } : undefined;
  }

  encoding(node: EepNode): EepEncoding | undefined {
    const e = this.required(node, '电子属性');
    const dataNode = this.required(node, '编码数据');
    if (!e || !dataNode) return undefined;
    const fileName = this.text(e, '计算机文件名');
    const decoded = decodeBase64(dataNode.text);
    if (!decoded.ok) {
      this.issues.push(
        createIssueFrom(eepIssues, 'eep.content.base64-invalid', {
          ...this.options,
          location: dataNode.location,
          params: { file: fileName, offset: decoded.index + 1 },
        }),
      );
      return undefined;
    }
    const g = child(node, '数字化属性');
    return defined({
      fileName,
      content: decoded.bytes,
      formatInformation: optionalText(e, '格式信息'),
      creatingApplication: optionalText(e, '文档创建程序'),
      digitization:
        g &&
        defined({
          physicalCharacteristics: optionalText(g, '数字化对象形态'),
          scanningResolution: this.text(g, '扫描分辨率'),
          scanningColorModel: this.text(g, '扫描色彩模式'),
          imageCompressionScheme: optionalText(g, '图像压缩方案'),
        }),
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

function isNonEmpty<T>(values: T[]): values is [T, ...T[]] {
  return values.length > 0;
}

function isDefinedNonEmpty<T>(values: (T | undefined)[]): values is [T, ...T[]] {
  return values.length > 0 && values.every((v) => v !== undefined);
}
