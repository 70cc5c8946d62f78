
import type { Issue, Locale } from '../../report/issue.js';
import type { XmlElement } from '../../xml/element.js';
import type { XmlLimits } from '../../xml/limits.js';
import { localName } from '../../xml/localName.js';
import { readXml } from '../../xml/parse.js';
import { parseFixityAlgorithm } from '../fixity/fixityRecord.js';
import type { ItemEncoding } from './itemMetadataModel.js';
import { ITEM_METADATA_ROOT, readItemMetadata } from './readItemMetadata.js';
import { defined, recordEntityView, type Dat46ItemMetadata, type ElementAt, type FileDataView, type MetadataFile, type TypedViewIssues } from './typedView.js';
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
 * every item through it and so does {@link readItemMetadataXml}; both then
 * walk the root with the one walker `readItemMetadata`. Never throws.
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
 * column and XPath. The XML is read by `readItemMetadataDocument` and walked
 * by `readItemMetadata` (values exact), as the validator reads and walks it;
 * the typed view is derived by `recordEntityView`. Never throws.
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
  const report = new ExportIssues(issues, options);
  const reading = readItemMetadata(root, (value) => value, 'exact');
  const metadata = recordEntityView(reading, { name: root.name, location: root.location }, report, (data) => data && typeDocuments(report, data));
  return report.failed ? { issues } : { metadata, issues };
}

/** Reports what the typed view cannot type as `export.*` issues, and remembers that the metadata failed. */
class ExportIssues implements TypedViewIssues {
  failed = false;
  constructor(
    private readonly issues: Issue[],
    private readonly options: Options,
  ) {}

  missing(parent: ElementAt, element: string): void {
    this.failed = true;
    this.issues.push(createIssueFrom(exportIssues, 'export.xml.element-missing', { ...this.options, location: parent.location, params: { parent: parent.name, element } }));
  }

  integer(value: string, element: ElementAt): number | undefined {
    if (/^\s*\d+\s*$/.test(value)) return Number(value);
    this.invalid(element, value, 'integer expected');
    return undefined;
  }

  invalid(element: ElementAt, value: string, reason: string): void {
    this.failed = true;
    this.issues.push(createIssueFrom(exportIssues, 'export.value.invalid', { ...this.options, location: element.location, received: value, params: { field: element.name, value, reason } }));
  }
}

// 文件数据 of the item metadata XML: one or more 文档, each one or more 文档数据 of one or more 编码 (DA/T 48-2009 附录A).
function typeDocuments(report: ExportIssues, view: FileDataView): Dat46ItemMetadata['documents'] {
  return atLeastOne(report, view.fileData, view.written, '文档', (doc, d) => {
    const key = `documents[${d}]`;
    return defined({
      sequence: doc.sequence,
      role: doc.role,
      title: doc.title,
      data: atLeastOne(report, view.at(key, '文档'), doc.data, '文档数据', (data, n) => ({
        encodings: atLeastOne(report, view.at(`${key}/data[${n}]`, '文档数据'), data.encodings, '编码', (encoding, e) =>
          typeFile(report, view, encoding, `${key}/data[${n}]/encodings[${e}]`),
        ),
      })),
    });
  });
}

function atLeastOne<T, R>(report: ExportIssues, parent: ElementAt, found: readonly T[], name: string, type: (value: T, index: number) => R): [R, ...R[]] {
  if (found.length === 0) report.missing(parent, name);
  return found.map(type) as [R, ...R[]];
}

// One 编码 typed: its 电子属性 (M46–M50) with the first 数字摘要, and 数字化属性 (M52).
function typeFile(report: ExportIssues, view: FileDataView, encoding: ItemEncoding, key: string): MetadataFile {
  const encodingAt = view.at(key, '编码');
  const file = view.file(encoding.file);
  if (!file) report.missing(encodingAt, '电子属性');
  const e = file ? view.at(`files[${encoding.file}]`, '电子属性') : encodingAt;
  const digest = file?.digests[0];
  const algorithm = digest ? parseFixityAlgorithm(digest.algorithm) : undefined;
  if (digest && !algorithm) report.invalid(view.at(`files[${encoding.file}]/数字摘要[0]`, '数字摘要'), digest.algorithm, '算法 must be SM3, SHA256, SHA1 or MD5');
  const size = file?.fileSize;
  return defined({
    formatInformation: file?.formatInfo,
    fileName: view.text(e, file?.fileName, '计算机文件名'),
    fileSize: (size === undefined ? (report.missing(e, '计算机文件大小'), undefined) : report.integer(size, view.at(`files[${encoding.file}]/计算机文件大小`, '计算机文件大小'))) ?? 0,
    creatingApplication: file?.creatingApplication,
    digest: digest && algorithm ? { algorithm, value: digest.value } : undefined,
    digitization: view.digitization(encoding.digitization, view.at(`${key}/数字化属性`, '数字化属性')),
  });
}
