
import type { Issue, Locale } from '../../report/issue.js';
import type { XmlElement } from '../../xml/element.js';
import type { XmlLimits } from '../../xml/limits.js';
import { localName } from '../../xml/localName.js';
import { readXml } from '../../xml/parse.js';
import { defined, optionalText, readRecordEntity, type RecordEntityReader } from './readRecordEntity.js';
import { parseFixityAlgorithm } from '../fixity/fixityRecord.js';
import type { Dat46ItemMetadata, MetadataDocument, MetadataFile } from './itemMetadata.js';
import { ITEM_METADATA_ROOT } from './readItemMetadata.js';
import { createIssueFrom } from '../../report/createIssue.js';
import { exportIssues } from '../../report/messages/export.js';

/** Result of {@link readItemMetadataXml}. */
export interface ReadItemMetadataResult {
  /** The metadata, absent when a required element is missing or malformed. */
  metadata?: Dat46ItemMetadata;
  issues: Issue[];
}

type Options = { path?: string; locale?: Locale };

/** What {@link readItemMetadataDocument} gives: the document element when it is a 文件实体, else the other root. */
export interface ItemMetadataDocument {
  /** The 文件实体 element (any namespace prefix); absent when the XML is unreadable or has another root. */
  root?: XmlElement;
  /** The document element when it is not 文件实体. */
  otherRoot?: XmlElement;
  /** The XML issues (`xml.*`), each with its path. */
  issues: Issue[];
}

/**
 * The one reader of a per-item metadata XML's bytes (docs/architecture.md, one
 * reader per format): parses it with the hardened XML reader and checks its
 * document element is 文件实体 (DA/T 48-2009 §2.2). The dat93 validator reads
 * every item through it (then `readItemMetadata` for the values as written,
 * with their locations) and so does {@link readItemMetadataXml} (for the typed
 * {@link Dat46ItemMetadata}). Never throws.
 *
 * @param input - The file's bytes (encoding from BOM/declaration) or text.
 * @param options - Path and locale for issues, XML limits.
 * @returns The root, or the other root, and the XML issues.
 * @example
 * readItemMetadataDocument(bytes, { path: 'Z109/WS/…/电子档案元数据.XML' }).root?.name //=> '文件实体'
 */
export function readItemMetadataDocument(input: Uint8Array | string, options: Options & { limits?: Partial<XmlLimits> } = {}): ItemMetadataDocument {
  const { root, issues } = readXml(input, options);
  if (!root) return { issues };
  return localName(root.name) === ITEM_METADATA_ROOT ? { root, issues } : { otherRoot: root, issues };
}

/**
 * Reads a per-item DA/T 46-2009 metadata XML (root `文件实体`) back into
 * {@link Dat46ItemMetadata}: the inverse of {@link writeItemMetadataXml}. Missing
 * required elements (题名, 责任者, 日期, 密级, 年度, 保管期限, 立档单位名称,
 * 计算机文件名, 计算机文件大小 …) and non-numeric sizes are reported with line,
 * column and XPath. The XML is read by `readItemMetadataDocument`, as the
 * validator reads it. Never throws.
 *
 * @param input - The file's bytes (encoding from BOM/declaration) or text.
 * @param options - Path and locale for issues.
 * @returns The metadata and the issues.
 * @example
 * const { metadata, issues } = readItemMetadataXml(bytes, { path: 'Z109/WS/…/电子档案元数据.XML' });
 */
export function readItemMetadataXml(input: Uint8Array | string, options: Options = {}): ReadItemMetadataResult {
  const { root, otherRoot, issues } = readItemMetadataDocument(input, options);
  if (otherRoot) {
    const params = { expected: ITEM_METADATA_ROOT, received: otherRoot.name };
    issues.push(createIssueFrom(exportIssues, 'export.xml.root-unexpected', { ...options, location: { line: otherRoot.line, column: otherRoot.column }, expected: ITEM_METADATA_ROOT, received: otherRoot.name, params }));
  }
  if (!root) return { issues };
  const reader = new ElementReader(issues, options);
  const metadata = readRecord(reader, root);
  return reader.failed ? { issues } : { metadata, issues };
}

/** Reads children of an element, recording an issue for each missing required one. */
class ElementReader implements RecordEntityReader<XmlElement> {
  failed = false;
  constructor(
    private readonly issues: Issue[],
    private readonly options: Options,
  ) {}

  required(parent: XmlElement, name: string): XmlElement | undefined {
    const found = parent.child(name);
    if (found) return found;
    this.failed = true;
    this.issues.push(
      createIssueFrom(exportIssues, 'export.xml.element-missing', { ...this.options, location: parent.location, params: { parent: parent.name, element: name } }),
    );
    return undefined;
  }

  text(parent: XmlElement, name: string): string {
    return this.required(parent, name)?.text ?? '';
  }

  integer(parent: XmlElement, name: string): number | undefined {
    const element = parent.child(name);
    if (element === undefined) return undefined;
    if (/^\s*\d+\s*$/.test(element.text)) return Number(element.text);
    this.invalid(element, element.text, 'integer expected');
    return undefined;
  }

  invalid(element: XmlElement, value: string, reason: string): void {
    this.failed = true;
    this.issues.push(
      createIssueFrom(exportIssues, 'export.value.invalid', { ...this.options, location: element.location, received: value, params: { field: element.name, value, reason } }),
    );
  }
}

function readRecord(r: ElementReader, root: XmlElement): Dat46ItemMetadata | undefined {
  return readRecordEntity(root, r, (data) => (data ? atLeastOne(r, data, '文档', (doc) => readDocument(r, doc)) : undefined));
}

function atLeastOne<T>(r: ElementReader, parent: XmlElement, name: string, read: (e: XmlElement) => T): [T, ...T[]] {
  const found = parent.childrenNamed(name);
  if (found.length === 0) r.required(parent, name); // records the missing element
  return found.map(read) as [T, ...T[]];
}

function readDocument(r: ElementReader, doc: XmlElement): MetadataDocument {
  return defined({
    sequence: optionalText(doc, '文档序号'),
    role: optionalText(doc, '文档主从声明'),
    title: optionalText(doc, '题名'),
    data: atLeastOne(r, doc, '文档数据', (data) => ({ encodings: atLeastOne(r, data, '编码', (enc) => readFile(r, enc)) })),
  });
}

function readFile(r: ElementReader, encoding: XmlElement): MetadataFile {
  const e = r.required(encoding, '电子属性') ?? encoding;
  const digest = e.children.find((c) => c.name === '数字摘要');
  const algorithm = digest ? parseFixityAlgorithm(digest.attributes['算法'] ?? '') : undefined;
  if (digest && !algorithm) r.invalid(digest, digest.attributes['算法'] ?? '', '算法 must be SM3, SHA256, SHA1 or MD5');
  const g = encoding.children.find((c) => c.name === '数字化属性');
  return defined({
    formatInformation: optionalText(e, '格式信息'),
    fileName: r.text(e, '计算机文件名'),
    fileSize: (r.required(e, '计算机文件大小') && r.integer(e, '计算机文件大小')) ?? 0,
    creatingApplication: optionalText(e, '文档创建程序'),
    digest: digest && algorithm ? { algorithm, value: digest.text } : undefined,
    digitization:
      g === undefined
        ? undefined
        : defined({
            physicalCharacteristics: optionalText(g, '数字化对象形态'),
            scanningResolution: r.text(g, '扫描分辨率'),
            scanningColorModel: r.text(g, '扫描色彩模式'),
            imageCompressionScheme: optionalText(g, '图像压缩方案'),
          }),
  });
}
