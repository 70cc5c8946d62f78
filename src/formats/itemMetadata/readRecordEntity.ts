import type { EepArchivalCode, EepRecord } from '../eep/model.js';

/** What the record reader needs of an element: both `XmlElement` and the EEP tree's `EepNode` have it. */
export interface ElementLike<N extends ElementLike<N>> {
  readonly name: string;
  readonly text: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly N[];
}

/** How a reader reports what it cannot read (each format has its own issue codes). */
export interface RecordEntityReader<N extends ElementLike<N>> {
  /** A required child element; reports it when missing. */
  required(parent: N, name: string): N | undefined;
  /** An optional integer child element; reports a value that is not one. */
  integer(parent: N, name: string): number | undefined;
}

/**
 * Reads the DA/T 46-2009 `文件实体` (M1–M75, DA/T 48-2009 附录A) that
 * {@link recordEntityNode} writes, for both the item metadata XML and EEP;
 * `readDocuments` reads the one part in which they differ, 文件数据. Missing
 * required elements are reported through `reader` and read as `''`; a missing
 * container (来源, 档号, 内容描述 …) makes the result `undefined`.
 *
 * @param node - The `文件实体` element.
 * @param reader - Reports missing elements and bad integers.
 * @param readDocuments - Reads 文件数据 (or `undefined` when it is missing).
 * @returns The record, or `undefined` when a container or the documents could not be read.
 * @example
 * readRecordEntity(root, reader, (data) => data && readDocuments(data))?.description.title
 */
export function readRecordEntity<N extends ElementLike<N>, D>(
  node: N,
  reader: RecordEntityReader<N>,
  readDocuments: (fileData: N | undefined) => D | undefined,
): (Omit<EepRecord, 'documents'> & { documents: D }) | undefined {
  const text = (parent: N, name: string) => reader.required(parent, name)?.text ?? '';
  const p = reader.required(node, '来源');
  const a = reader.required(node, '档号');
  const d = reader.required(node, '内容描述');
  const f = reader.required(node, '形式特征');
  const s = reader.required(node, '存储位置');
  const r = reader.required(node, '权限管理');
  // Fields first, then 文件数据: issues come in document order.
  const fields = p && a && d && f && s && r ? {
    provenance: defined({
      archiveName: optional(p, '档案馆名称'),
      archiveCode: optional(p, '档案馆代码'),
      fondsName: optional(p, '全宗名称'),
      creatingUnit: text(p, '立档单位名称'),
    }),
    electronicRecordCode: text(node, '电子文件号'),
    archivalCode: archivalCode(a, reader, text),
    description: defined({
      title: text(d, '题名'),
      parallelTitle: optional(d, '并列题名'),
      alternativeTitle: optional(d, '副题名'),
      otherTitleInformation: optional(d, '说明题名文字'),
      descriptors: nonEmpty(all(d, '主题词').map((t) => defined({ value: t.text, thesaurus: t.attributes['主题词表名称'] }))),
      keyword: optional(d, '关键词'),
      personalName: optional(d, '人名'),
      abstract: optional(d, '摘要'),
      classNumber: optional(d, '分类号'),
      documentNumber: optional(d, '文件编号'),
      author: text(d, '责任者'),
      date: text(d, '日期'),
      documentType: optional(d, '文种'),
      precedence: optional(d, '紧急程度'),
      principalReceiver: optional(d, '主送'),
      otherReceivers: optional(d, '抄送'),
      securityClassification: text(d, '密级'),
      secrecyPeriod: optional(d, '保密期限'),
    }),
    formalCharacteristics: defined({
      aggregationType: text(f, '文件组合类型'),
      pageCount: reader.integer(f, '页数'),
      language: optional(f, '语种'),
      manuscriptType: optional(f, '稿本'),
    }),
    storage: defined({
      currentLocation: optional(s, '当前位置'),
      offlineMediumLocations: nonEmpty(all(s, '脱机载体存址').map((e) => e.text)),
      offlineMediumIds: [text(s, '脱机载体编号'), ...all(s, '脱机载体编号').slice(1).map((e) => e.text)] as [string, ...string[]],
      microformId: optional(s, '缩微号'),
    }),
    rights: defined({
      intellectualPropertyStatement: optional(r, '知识产权说明'),
      authorizations: nonEmpty(all(r, '授权').map((g) => ({ agent: text(g, '授权对象'), permission: text(g, '授权行为') }))),
      controlIdentifier: optional(r, '控制标识'),
    }),
    informationSystems: nonEmpty(all(node, '信息系统描述').map((e) => e.text)),
    annotations: nonEmpty(all(node, '附注').map((e) => e.text)),
  } : undefined;
  const documents = readDocuments(reader.required(node, '文件数据'));
  return fields && documents !== undefined ? defined({ ...fields, documents }) : undefined;
}

// 档号 (M8) is mixed content: the full code as text, then its parts M9–M20.
function archivalCode<N extends ElementLike<N>>(a: N, reader: RecordEntityReader<N>, text: (parent: N, name: string) => string): EepArchivalCode {
  const code = a.text.trim();
  return defined({
    code: code === '' ? undefined : code,
    fondsCode: optional(a, '全宗号'),
    catalogueNumber: optional(a, '目录号'),
    year: text(a, '年度'),
    retentionPeriod: text(a, '保管期限'),
    organization: optional(a, '机构或问题'),
    classCode: optional(a, '类别号'),
    agencyVolumeNumber: optional(a, '室编案卷号'),
    archivesVolumeNumber: optional(a, '馆编案卷号'),
    agencyItemNumber: reader.integer(a, '室编件号'),
    archivesItemNumber: reader.integer(a, '馆编件号'),
    pageNumber: optional(a, '页号'),
  });
}

/**
 * The text of an optional child element.
 *
 * @param parent - The parent element.
 * @param name - The child's name.
 * @returns Its text, or `undefined` when absent.
 * @example
 * optionalText(来源, '全宗名称') //=> '某局'
 */
export function optionalText<N extends ElementLike<N>>(parent: N, name: string): string | undefined {
  return parent.children.find((c) => c.name === name)?.text;
}
const optional = optionalText;

function all<N extends ElementLike<N>>(parent: N, name: string): N[] {
  return parent.children.filter((c) => c.name === name);
}

function nonEmpty<T>(values: T[]): T[] | undefined {
  return values.length > 0 ? values : undefined;
}

/**
 * Keeps only defined properties, so absent optional fields stay absent.
 *
 * @param value - An object with possibly undefined properties.
 * @returns A copy without them.
 * @example
 * defined({ a: 1, b: undefined }) //=> { a: 1 }
 */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
