import { createIssue } from '../../report/createIssue.js';
import type { Issue, Locale } from '../../report/issue.js';
import { decodeBase64 } from './base64.js';
import type { EepPackageType } from './constants.js';
import { child, children, parseEepTree, type EepNode } from './eepTree.js';
import type {
  EepActivity,
  EepAgent,
  EepArchivalCode,
  EepContent,
  EepDocument,
  EepDocumentData,
  EepEncoding,
  EepItem,
  EepRecord,
  EepSignature,
} from './model.js';

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
 * @param options - `locale` for issue messages, `path` for issues.
 * @returns The package, or issues when the XML cannot be read or a required
 *   element or Base64 content is missing or unreadable.
 * @example
 * const r = readEep(writeEep(item));
 * r.ok && r.value.type === '原始型' && r.value.item.content.record.description.title
 */
export function readEep(bytes: Uint8Array, options: { locale?: Locale; path?: string } = {}): ReadEepResult {
  const parsed = parseEepTree(bytes, options);
  if (!parsed.ok) return parsed;
  const issues: Issue[] = [];
  const reader = new Reader(issues, options);
  const signedObject = reader.required(parsed.tree.root, '被签名对象');
  const value = signedObject && reader.layer(signedObject, parsed.tree.root);
  return value && issues.length === 0 ? { ok: true, value } : { ok: false, issues };
}

class Reader {
  constructor(
    private readonly issues: Issue[],
    private readonly options: { locale?: Locale; path?: string },
  ) {}

  required(parent: EepNode, name: string): EepNode | undefined {
    const node = child(parent, name);
    if (!node) {
      this.issues.push(
        createIssue('eep.element.missing', {
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
    const p = this.required(node, '来源');
    const d = this.required(node, '内容描述');
    const f = this.required(node, '形式特征');
    const s = this.required(node, '存储位置');
    const r = this.required(node, '权限管理');
    const archivalCode = this.archivalCode(node);
    const data = this.required(node, '文件数据');
    const documents = children(data ?? node, '文档').map((doc) => this.document(doc));
    const offlineMediumIds = children(s ?? node, '脱机载体编号').map((n) => n.text);
    if (!p || !d || !f || !s || !r || !archivalCode || !isNonEmpty(offlineMediumIds)) return undefined;
    if (!isDefinedNonEmpty(documents)) return undefined;
    const descriptors = children(d, '主题词').map((n) =>
      dropUndefined({ value: n.text, thesaurus: n.attributes['主题词表名称'] }),
    );
    const authorizations = children(r, '授权').map((g) => ({ agent: this.text(g, '授权对象'), permission: this.text(g, '授权行为') }));
    return dropUndefined({
      provenance: dropUndefined({
        archiveName: optional(p, '档案馆名称'),
        archiveCode: optional(p, '档案馆代码'),
        fondsName: optional(p, '全宗名称'),
        creatingUnit: this.text(p, '立档单位名称'),
      }),
      electronicRecordCode: this.text(node, '电子文件号'),
      archivalCode,
      description: dropUndefined({
        title: this.text(d, '题名'),
        parallelTitle: optional(d, '并列题名'),
        alternativeTitle: optional(d, '副题名'),
        otherTitleInformation: optional(d, '说明题名文字'),
        descriptors: descriptors.length > 0 ? descriptors : undefined,
        keyword: optional(d, '关键词'),
        personalName: optional(d, '人名'),
        abstract: optional(d, '摘要'),
        classNumber: optional(d, '分类号'),
        documentNumber: optional(d, '文件编号'),
        author: this.text(d, '责任者'),
        date: this.text(d, '日期'),
        documentType: optional(d, '文种'),
        precedence: optional(d, '紧急程度'),
        principalReceiver: optional(d, '主送'),
        otherReceivers: optional(d, '抄送'),
        securityClassification: this.text(d, '密级'),
        secrecyPeriod: optional(d, '保密期限'),
      }),
      formalCharacteristics: dropUndefined({
        aggregationType: this.text(f, '文件组合类型'),
        pageCount: optionalNumber(f, '页数'),
        language: optional(f, '语种'),
        manuscriptType: optional(f, '稿本'),
      }),
      storage: dropUndefined({
        currentLocation: optional(s, '当前位置'),
        offlineMediumIds,
        offlineMediumLocations: nonEmptyOrUndefined(children(s, '脱机载体存址').map((n) => n.text)),
        microformId: optional(s, '缩微号'),
      }),
      rights: dropUndefined({
        intellectualPropertyStatement: optional(r, '知识产权说明'),
        authorizations: authorizations.length > 0 ? authorizations : undefined,
        controlIdentifier: optional(r, '控制标识'),
      }),
      informationSystems: nonEmptyOrUndefined(children(node, '信息系统描述').map((n) => n.text)),
      annotations: nonEmptyOrUndefined(children(node, '附注').map((n) => n.text)),
      documents,
    });
  }

  archivalCode(record: EepNode): EepArchivalCode | undefined {
    const a = this.required(record, '档号');
    if (!a) return undefined;
    const code = a.text.trim();
    return dropUndefined({
      code: code === '' ? undefined : code,
      fondsCode: optional(a, '全宗号'),
      catalogueNumber: optional(a, '目录号'),
      year: this.text(a, '年度'),
      retentionPeriod: this.text(a, '保管期限'),
      organization: optional(a, '机构或问题'),
      classCode: optional(a, '类别号'),
      agencyVolumeNumber: optional(a, '室编案卷号'),
      archivesVolumeNumber: optional(a, '馆编案卷号'),
      agencyItemNumber: optionalNumber(a, '室编件号'),
      archivesItemNumber: optionalNumber(a, '馆编件号'),
      pageNumber: optional(a, '页号'),
    });
  }

  document(node: EepNode): EepDocument | undefined {
    const data = children(node, '文档数据').map((n) => this.documentData(n));
    if (!isDefinedNonEmpty(data)) return undefined;
    return dropUndefined({
      sequence: optional(node, '文档序号'),
      role: optional(node, '文档主从声明'),
      title: optional(node, '题名'),
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
        createIssue('eep.content.base64-invalid', {
          ...this.options,
          location: dataNode.location,
          params: { file: fileName, offset: decoded.index + 1 },
        }),
      );
      return undefined;
    }
    const g = child(node, '数字化属性');
    return dropUndefined({
      fileName,
      content: decoded.bytes,
      formatInformation: optional(e, '格式信息'),
      creatingApplication: optional(e, '文档创建程序'),
      digitization:
        g &&
        dropUndefined({
          physicalCharacteristics: optional(g, '数字化对象形态'),
          scanningResolution: this.text(g, '扫描分辨率'),
          scanningColorModel: this.text(g, '扫描色彩模式'),
          imageCompressionScheme: optional(g, '图像压缩方案'),
        }),
    });
  }

  activity(node: EepNode): EepActivity {
    return dropUndefined({
      activityId: this.text(node, '业务标识符'),
      agentId: this.text(node, '机构人员标识符'),
      recordId: this.text(node, '文件标识符'),
      // Read as written; validateEep reports a value outside the domain.
      status: this.text(node, '业务状态') as EepActivity['status'],
      action: this.text(node, '业务行为'),
      time: this.text(node, '行为时间'),
      basis: optional(node, '行为依据'),
      description: optional(node, '行为描述'),
    });
  }

  agent(node: EepNode): EepAgent {
    return dropUndefined({
      agentId: this.text(node, '机构人员标识符'),
      agentType: optional(node, '机构人员类型') as EepAgent['agentType'],
      agentName: this.text(node, '机构人员名称'),
      organizationCode: optional(node, '组织机构代码'),
      position: optional(node, '个人职位'),
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
      .map((b) => optional(b, '证书引证'))
      .find((r) => r !== undefined);
    const certs = certificates.flatMap((c) => (c.ok ? [c.bytes] : []));
    if (!value.ok || !isNonEmpty(certs)) return undefined;
    return dropUndefined({
      id: this.text(node, idElement),
      rule: this.text(node, '签名规则'),
      time: optional(node, '签名时间'),
      signer: optional(node, '签名人'),
      value: value.bytes,
      certificates: certs,
      certificateReference: reference,
      algorithm: this.text(node, '签名算法标识').trim(),
    });
  }
}

function optional(parent: EepNode, name: string): string | undefined {
  return child(parent, name)?.text;
}

function optionalNumber(parent: EepNode, name: string): number | undefined {
  const text = optional(parent, name);
  return text === undefined ? undefined : Number(text.trim());
}

function nonEmptyOrUndefined<T>(values: T[]): T[] | undefined {
  return values.length > 0 ? values : undefined;
}

function isNonEmpty<T>(values: T[]): values is [T, ...T[]] {
  return values.length > 0;
}

function isDefinedNonEmpty<T>(values: (T | undefined)[]): values is [T, ...T[]] {
  return values.length > 0 && values.every((v) => v !== undefined);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
