import { createIssue } from '../../report/createIssue.js';
import type { Issue, Locale } from '../../report/issue.js';
import { XmlElement } from '../../xml/element.js';
import { readRootElement } from '../xml/readRootElement.js';
import { parseFixityAlgorithm } from '../fixity/fixityRecord.js';
import type { Dat46ItemMetadata, MetadataDocument, MetadataFile } from './itemMetadata.js';
import { ITEM_METADATA_ROOT } from '../../package/metadata/readItemMetadata.js';

/** Result of {@link readItemMetadataXml}. */
export interface ReadItemMetadataResult {
  /** The metadata, absent when a required element is missing or malformed. */
  metadata?: Dat46ItemMetadata;
  issues: Issue[];
}

type Options = { path?: string; locale?: Locale };

/**
 * Reads a per-item DA/T 46-2009 metadata XML (root `文件实体`) back into
 * {@link Dat46ItemMetadata}: the inverse of {@link writeItemMetadataXml}. Missing
 * required elements (题名, 责任者, 日期, 密级, 年度, 保管期限, 立档单位名称,
 * 计算机文件名, 计算机文件大小 …) and non-numeric sizes are reported with line,
 * column and XPath. Never throws.
 *
 * @param input - The file's bytes (encoding from BOM/declaration) or text.
 * @param options - Path and locale for issues.
 * @returns The metadata and the issues.
 * @example
 * const { metadata, issues } = readItemMetadataXml(bytes, { path: 'Z109/WS/…/电子档案元数据.XML' });
 */
export function readItemMetadataXml(input: Uint8Array | string, options: Options = {}): ReadItemMetadataResult {
  const { root, issues } = readRootElement(input, options, { name: ITEM_METADATA_ROOT });
  if (!root) return { issues };
  const reader = new ElementReader(issues, options);
  const metadata = readRecord(reader, root);
  return reader.failed ? { issues } : { metadata, issues };
}

/** Reads children of an element, recording an issue for each missing required one. */
class ElementReader {
  failed = false;
  constructor(
    private readonly issues: Issue[],
    private readonly options: Options,
  ) {}

  child(parent: XmlElement, name: string): XmlElement {
    const found = parent.children.find((c) => c.name === name);
    if (found) return found;
    this.failed = true;
    this.issues.push(
      createIssue('export.xml.element-missing', { ...this.options, location: parent.location, params: { parent: parent.name, element: name } }),
    );
    return new XmlElement(name, {}, '', parent.line, parent.column, parent);
  }

  text(parent: XmlElement, name: string): string {
    return this.child(parent, name).text;
  }

  optional(parent: XmlElement, name: string): string | undefined {
    return parent.children.find((c) => c.name === name)?.text;
  }

  all(parent: XmlElement, name: string): XmlElement[] {
    return parent.children.filter((c) => c.name === name);
  }

  integer(element: XmlElement | undefined): number | undefined {
    if (element === undefined) return undefined;
    if (/^\s*\d+\s*$/.test(element.text)) return Number(element.text);
    this.invalid(element, element.text, 'integer expected');
    return undefined;
  }

  invalid(element: XmlElement, value: string, reason: string): void {
    this.failed = true;
    this.issues.push(
      createIssue('export.value.invalid', { ...this.options, location: element.location, received: value, params: { field: element.name, value, reason } }),
    );
  }
}

/** Keeps only defined properties, so absent optional fields stay absent. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function nonEmpty<T>(values: T[]): T[] | undefined {
  return values.length > 0 ? values : undefined;
}

function readRecord(r: ElementReader, root: XmlElement): Dat46ItemMetadata {
  const p = r.child(root, '来源');
  const a = r.child(root, '档号');
  const d = r.child(root, '内容描述');
  const f = r.child(root, '形式特征');
  const s = r.child(root, '存储位置');
  const g = r.child(root, '权限管理');
  const code = a.text.trim();
  return defined({
    provenance: defined({
      archiveName: r.optional(p, '档案馆名称'),
      archiveCode: r.optional(p, '档案馆代码'),
      fondsName: r.optional(p, '全宗名称'),
      creatingUnit: r.text(p, '立档单位名称'),
    }),
    electronicRecordCode: r.text(root, '电子文件号'),
    archivalCode: defined({
      code: code === '' ? undefined : code,
      fondsCode: r.optional(a, '全宗号'),
      catalogueNumber: r.optional(a, '目录号'),
      year: r.text(a, '年度'),
      retentionPeriod: r.text(a, '保管期限'),
      organization: r.optional(a, '机构或问题'),
      classCode: r.optional(a, '类别号'),
      agencyVolumeNumber: r.optional(a, '室编案卷号'),
      archivesVolumeNumber: r.optional(a, '馆编案卷号'),
      agencyItemNumber: r.integer(a.children.find((c) => c.name === '室编件号')),
      archivesItemNumber: r.integer(a.children.find((c) => c.name === '馆编件号')),
      pageNumber: r.optional(a, '页号'),
    }),
    description: defined({
      title: r.text(d, '题名'),
      parallelTitle: r.optional(d, '并列题名'),
      alternativeTitle: r.optional(d, '副题名'),
      otherTitleInformation: r.optional(d, '说明题名文字'),
      descriptors: nonEmpty(r.all(d, '主题词').map((t) => defined({ value: t.text, thesaurus: t.attributes['主题词表名称'] }))),
      keyword: r.optional(d, '关键词'),
      personalName: r.optional(d, '人名'),
      abstract: r.optional(d, '摘要'),
      classNumber: r.optional(d, '分类号'),
      documentNumber: r.optional(d, '文件编号'),
      author: r.text(d, '责任者'),
      date: r.text(d, '日期'),
      documentType: r.optional(d, '文种'),
      precedence: r.optional(d, '紧急程度'),
      principalReceiver: r.optional(d, '主送'),
      otherReceivers: r.optional(d, '抄送'),
      securityClassification: r.text(d, '密级'),
      secrecyPeriod: r.optional(d, '保密期限'),
    }),
    formalCharacteristics: defined({
      aggregationType: r.text(f, '文件组合类型'),
      pageCount: r.integer(f.children.find((c) => c.name === '页数')),
      language: r.optional(f, '语种'),
      manuscriptType: r.optional(f, '稿本'),
    }),
    storage: defined({
      currentLocation: r.optional(s, '当前位置'),
      offlineMediumIds: [r.text(s, '脱机载体编号'), ...r.all(s, '脱机载体编号').slice(1).map((e) => e.text)] as [string, ...string[]],
      offlineMediumLocations: nonEmpty(r.all(s, '脱机载体存址').map((e) => e.text)),
      microformId: r.optional(s, '缩微号'),
    }),
    rights: defined({
      intellectualPropertyStatement: r.optional(g, '知识产权说明'),
      authorizations: nonEmpty(r.all(g, '授权').map((e) => ({ agent: r.text(e, '授权对象'), permission: r.text(e, '授权行为') }))),
      controlIdentifier: r.optional(g, '控制标识'),
    }),
    informationSystems: nonEmpty(r.all(root, '信息系统描述').map((e) => e.text)),
    annotations: nonEmpty(r.all(root, '附注').map((e) => e.text)),
    documents: atLeastOne(r, r.child(root, '文件数据'), '文档', (doc) => readDocument(r, doc)),
  });
}

function atLeastOne<T>(r: ElementReader, parent: XmlElement, name: string, read: (e: XmlElement) => T): [T, ...T[]] {
  const found = r.all(parent, name);
  if (found.length === 0) r.child(parent, name); // records the missing element
  return found.map(read) as [T, ...T[]];
}

function readDocument(r: ElementReader, doc: XmlElement): MetadataDocument {
  return defined({
    sequence: r.optional(doc, '文档序号'),
    role: r.optional(doc, '文档主从声明'),
    title: r.optional(doc, '题名'),
    data: atLeastOne(r, doc, '文档数据', (data) => ({ encodings: atLeastOne(r, data, '编码', (enc) => readFile(r, enc)) })),
  });
}

function readFile(r: ElementReader, encoding: XmlElement): MetadataFile {
  const e = r.child(encoding, '电子属性');
  const digest = e.children.find((c) => c.name === '数字摘要');
  const algorithm = digest ? parseFixityAlgorithm(digest.attributes['算法'] ?? '') : undefined;
  if (digest && !algorithm) r.invalid(digest, digest.attributes['算法'] ?? '', '算法 must be SM3, SHA256, SHA1 or MD5');
  const g = encoding.children.find((c) => c.name === '数字化属性');
  return defined({
    formatInformation: r.optional(e, '格式信息'),
    fileName: r.text(e, '计算机文件名'),
    fileSize: r.integer(r.child(e, '计算机文件大小')) ?? 0,
    creatingApplication: r.optional(e, '文档创建程序'),
    digest: digest && algorithm ? { algorithm, value: digest.text } : undefined,
    digitization:
      g === undefined
        ? undefined
        : defined({
            physicalCharacteristics: r.optional(g, '数字化对象形态'),
            scanningResolution: r.text(g, '扫描分辨率'),
            scanningColorModel: r.text(g, '扫描色彩模式'),
            imageCompressionScheme: r.optional(g, '图像压缩方案'),
          }),
  });
}
