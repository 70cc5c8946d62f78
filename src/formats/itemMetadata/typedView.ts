import type { IssueLocation } from '../../report/issue.js';
import type { EepArchivalCode, EepDigitization, EepDocument, EepEncoding, EepRecord } from '../eep/model.js';
import type { FixityAlgorithm } from '../fixity/fixityRecord.js';
import type { ComputerFile, ItemDigitization, ItemDocument, ItemMetadataReading } from './itemMetadataModel.js';

/**
 * The typed view of DA/T 46-2009 item metadata: what the writer takes and
 * `readItemMetadataXml` gives back. It is the 文件实体 of the EEP model
 * (`EepRecord`, DA/T 48-2009 附录A, M1–M75) with 文件数据 describing each
 * computer file instead of embedding its bytes — a view derived from the one
 * model {@link ItemMetadata} by `recordEntityView`, not a second model.
 */
export type Dat46ItemMetadata = Omit<EepRecord, 'documents'> & {
  /** 文件数据: the documents and the files they consist of. */
  documents: [MetadataDocument, ...MetadataDocument[]];
};

/** One 文档 of 文件数据 without bytes (typed view). */
export type MetadataDocument = Omit<EepDocument, 'data'> & {
  /** 文档数据: one per 稿本 (or 处理单), each one or more files. */
  data: [{ encodings: [MetadataFile, ...MetadataFile[]] }, ...{ encodings: [MetadataFile, ...MetadataFile[]] }[]];
};

/** One computer file (编码) described by its 电子属性 (M46–M50), typed view. */
export type MetadataFile = Omit<EepEncoding, 'content'> & {
  /** 计算机文件大小 (M49), in bytes. */
  fileSize: number;
  /** 数字摘要 of the file (固化信息, GB/T 18894-2016): written in 电子属性 with an 算法 attribute. */
  digest?: { algorithm: FixityAlgorithm; value: string };
  /** 数字化属性 (M52). */
  digitization?: EepDigitization;
};

/** An element of the model as the typed view reports it: its name and where it stood. */
export interface ElementAt {
  /** Element name. */
  name: string;
  /** Its start tag, when read. */
  location?: IssueLocation;
}

/** How a typed view reports what it cannot type (each format has its own issue codes). */
export interface TypedViewIssues {
  /** A required element is missing from `parent`. */
  missing(parent: ElementAt, element: string): void;
  /** The integer written in `element`, or `undefined` (after an issue, when the format reports one). */
  integer(value: string, element: ElementAt): number | undefined;
}

/** What a format's `readDocuments` gets: the 文件数据 of the model, with the helpers of the view. */
export interface FileDataView {
  /** The 文档 elements, as written. */
  written: readonly ItemDocument[];
  /** 文件数据 itself. */
  fileData: ElementAt;
  /** The element at a location key of {@link ItemMetadataReading.locations}, named `name`. */
  at(key: string, name: string): ElementAt;
  /** The 电子属性 an 编码 points at (`ItemEncoding.file`). */
  file(index: number | undefined): ComputerFile | undefined;
  /** A required value: itself, or `''` after reporting it missing from `parent`. */
  text(parent: ElementAt, value: string | undefined, element: string): string;
  /** 数字化属性 (M52) typed: 扫描分辨率 and 扫描色彩模式 are required. */
  digitization(g: ItemDigitization | undefined, at: ElementAt): EepDigitization | undefined;
}

/**
 * Derives the typed 文件实体 (DA/T 48-2009 附录A, M1–M75) of the writer and
 * EEP from the one model read by `readItemMetadata` (values read `exact`):
 * missing required elements are reported through `issues` and typed as `''`,
 * integers through `issues.integer`; a missing container (来源, 档号, 内容描述,
 * 形式特征, 存储位置, 权限管理) makes the result `undefined`. `readDocuments`
 * types 文件数据, the one part in which the item metadata XML and EEP differ.
 * Issues come in document order, fields first, then 文件数据.
 *
 * @param reading - The model and its locations.
 * @param root - The 文件实体 element's name and location.
 * @param issues - Reports missing elements and bad integers.
 * @param readDocuments - Types 文件数据 (given `undefined` when it is missing).
 * @returns The typed record, or `undefined` when a container or the documents could not be typed.
 * @example
 * recordEntityView(readItemMetadata(root, (v) => v, 'exact'), { name: root.name, location: root.location }, issues, (data) => data && typeDocuments(data))
 */
export function recordEntityView<D>(
  reading: ItemMetadataReading,
  root: ElementAt,
  issues: TypedViewIssues,
  readDocuments: (fileData: FileDataView | undefined) => D | undefined,
): (Omit<EepRecord, 'documents'> & { documents: D }) | undefined {
  const { metadata: m, locations } = reading;
  const at = (key: string, name: string): ElementAt => ({ name, location: locations.get(key) });
  const text = (parent: ElementAt, value: string | undefined, element: string): string => {
    if (value !== undefined) return value;
    issues.missing(parent, element);
    return '';
  };
  const integer = (value: string | undefined, key: string): number | undefined => {
    const name = key.slice(key.lastIndexOf('/') + 1);
    return value === undefined ? undefined : issues.integer(value, at(key, name));
  };
  const container = (name: string): ElementAt | undefined => {
    if (locations.has(name)) return at(name, name);
    issues.missing(root, name);
    return undefined;
  };
  const p = container('来源');
  const a = container('档号');
  const d = container('内容描述');
  const f = container('形式特征');
  const s = container('存储位置');
  const r = container('权限管理');
  const { provenance, description: c, form, storage, rights } = m;
  // Fields first, then 文件数据: issues come in document order.
  const fields = p && a && d && f && s && r ? {
    provenance: defined({
      archiveName: provenance.archiveName,
      archiveCode: provenance.archiveCode,
      fondsName: provenance.fondsName,
      creatingUnit: text(p, provenance.creatingUnit, '立档单位名称'),
    }),
    electronicRecordCode: text(root, m.recordId, '电子文件号'),
    archivalCode: archivalCode(reading, a, text, integer),
    description: defined({
      title: text(d, c.title, '题名'),
      parallelTitle: c.parallelTitle,
      alternativeTitle: c.alternativeTitle,
      otherTitleInformation: c.otherTitleInformation,
      descriptors: nonEmpty(c.descriptors.map((value, i) => defined({ value, thesaurus: c.descriptorThesauri?.[i] }))),
      keyword: c.keyword,
      personalName: c.personalName,
      abstract: c.abstract,
      classNumber: c.classNumber,
      documentNumber: c.documentNumber,
      author: text(d, c.author, '责任者'),
      date: text(d, c.date, '日期'),
      documentType: c.documentType,
      precedence: c.precedence,
      principalReceiver: c.principalReceiver,
      otherReceivers: c.otherReceivers,
      securityClassification: text(d, c.securityClassification, '密级'),
      secrecyPeriod: c.secrecyPeriod,
    }),
    formalCharacteristics: defined({
      aggregationType: text(f, form.aggregationType, '文件组合类型'),
      pageCount: integer(form.pageCount, '形式特征/页数'),
      language: form.language,
      manuscriptType: form.manuscriptType,
    }),
    storage: defined({
      currentLocation: storage.currentLocation,
      offlineMediumLocations: nonEmpty(storage.offlineMediumLocations),
      offlineMediumIds: [text(s, storage.offlineMediumIds[0], '脱机载体编号'), ...storage.offlineMediumIds.slice(1)] as [string, ...string[]],
      microformId: storage.microformId,
    }),
    rights: defined({
      intellectualPropertyStatement: rights.intellectualPropertyStatement,
      authorizations: nonEmpty(
        rights.authorizations.map((g, i) => {
          const grant = at(`权限管理/授权[${i}]`, '授权');
          return { agent: text(grant, g.agent, '授权对象'), permission: text(grant, g.permission, '授权行为') };
        }),
      ),
      controlIdentifier: rights.controlIdentifier,
    }),
    informationSystems: nonEmpty(m.informationSystems),
    annotations: nonEmpty(m.notes),
  } : undefined;
  const fileData: FileDataView | undefined = locations.has('文件数据')
    ? {
        written: m.documents,
        fileData: at('文件数据', '文件数据'),
        at,
        file: (index) => (index === undefined ? undefined : m.files[index]),
        text,
        digitization: (g, where) =>
          g &&
          defined({
            physicalCharacteristics: g.physicalCharacteristics,
            scanningResolution: text(where, g.scanningResolution, '扫描分辨率'),
            scanningColorModel: text(where, g.scanningColorModel, '扫描色彩模式'),
            imageCompressionScheme: g.imageCompressionScheme,
          }),
      }
    : (issues.missing(root, '文件数据'), undefined);
  const documents = readDocuments(fileData);
  return fields && documents !== undefined ? defined({ ...fields, documents }) : undefined;
}

// 档号 (M8) is mixed content: the full code as text, then its parts M9–M20.
function archivalCode(
  { metadata: { archivalCode: a } }: ItemMetadataReading,
  parent: ElementAt,
  text: (parent: ElementAt, value: string | undefined, element: string) => string,
  integer: (value: string | undefined, key: string) => number | undefined,
): EepArchivalCode {
  return defined({
    code: a.text?.trim(),
    fondsCode: a.fondsCode,
    catalogueNumber: a.catalogueNumber,
    year: text(parent, a.year, '年度'),
    retentionPeriod: text(parent, a.retentionPeriod, '保管期限'),
    organization: a.orgCode,
    classCode: a.classCode,
    agencyVolumeNumber: a.volumeNumber,
    archivesVolumeNumber: a.archivesVolumeNumber,
    agencyItemNumber: integer(a.itemNumber, '档号/室编件号'),
    archivesItemNumber: integer(a.archivesItemNumber, '档号/馆编件号'),
    pageNumber: a.pageNumber,
  });
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
