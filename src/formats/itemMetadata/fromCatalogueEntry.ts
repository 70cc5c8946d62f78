import type { ArchivalCodeComponents } from '../../filing/components.js';
import type { CatalogueEntry } from '../../model/catalogueEntry.js';
import type { Fonds } from '../../model/fonds.js';
import { formatRetentionPeriod, parseRetentionPeriod } from '../../model/retentionPeriod.js';
import type { Dat46ItemMetadata, MetadataDocument, MetadataFile } from './typedView.js';

/**
 * The 密级 written for a catalogue row whose 密级 cell is empty. DA/T 22-2015
 * §5.5 leaves the cell empty when nothing is classified; DA/T 46-2009 M38 must
 * not be empty, so the metadata says `无` (none), which the 密级 value domain
 * reads as unclassified. Not `公开`: that is an access value (开放) the
 * catalogue did not state, and an unclassified record may still be closed.
 *
 * @example
 * UNCLASSIFIED //=> '无'
 */
export const UNCLASSIFIED = '无';

/** What {@link metadataFromCatalogueEntry} needs besides the entry. */
export interface MetadataSource {
  /** The fonds: 立档单位名称 (M6), 全宗名称 (M5), 档案馆 (M3, M4). */
  fonds: Fonds;
  /** The 档号's components (from `parseArchivalCode`), for 年度, 保管期限, 机构, 件号. */
  components?: ArchivalCodeComponents;
  /** 脱机载体编号 (M67, required by DA/T 46). Default `在线` (online transfer). */
  offlineMediumId?: string;
}

/**
 * The DA/T 46-2009 metadata of an item built from its catalogue row: 题名,
 * 责任者, 日期, 文号, 页数 and 密级 from the entry (an empty 密级 cell is written
 * `无`, see `UNCLASSIFIED`; never `公开`); 年度, 保管期限 (written in
 * Chinese, `永久`/`定期30年`, DA/T 46-2009 M12), 机构或问题 and 室编件号 from
 * the 档号; 来源 from the fonds; one 文档 per file, the first 主文档.
 *
 * @param entry - The catalogue row.
 * @param files - The item's computer files, in order.
 * @param source - Fonds, 档号 components and carrier.
 * @returns The metadata.
 * @example
 * metadataFromCatalogueEntry(entry, [{ fileName: '正文.pdf', fileSize: 1234 }], { fonds, components })
 */
export function metadataFromCatalogueEntry(
  entry: CatalogueEntry,
  files: readonly [MetadataFile, ...MetadataFile[]],
  source: MetadataSource,
): Dat46ItemMetadata {
  const { fonds, components: c = {} } = source;
  const retentionText = entry.retentionPeriod ?? c.retentionPeriod ?? '';
  const retention = parseRetentionPeriod(retentionText);
  const itemNumber = c.itemNumber !== undefined && /^\d+$/.test(c.itemNumber) ? Number(c.itemNumber) : undefined;
  const year = c.year ?? /\d{4}/.exec(entry.date)?.[0] ?? '';
  return {
    provenance: {
      ...(fonds.archiveName === undefined ? {} : { archiveName: fonds.archiveName }),
      ...(fonds.archiveCode === undefined ? {} : { archiveCode: fonds.archiveCode }),
      fondsName: fonds.fondsName,
      creatingUnit: fonds.creatingUnit,
    },
    electronicRecordCode: entry.archivalCode,
    archivalCode: {
      code: entry.archivalCode,
      ...((c.fondsCode ?? fonds.fondsCode) === undefined ? {} : { fondsCode: c.fondsCode ?? fonds.fondsCode }),
      year,
      retentionPeriod: retention ? formatRetentionPeriod(retention, 'zh') : retentionText,
      ...(c.orgCode === undefined ? {} : { organization: c.orgCode }),
      ...(itemNumber === undefined || itemNumber < 1 ? {} : { agencyItemNumber: itemNumber }),
    },
    description: {
      title: entry.title,
      ...(entry.documentNumber ? { documentNumber: entry.documentNumber } : {}),
      author: entry.author,
      date: entry.date,
      securityClassification: entry.securityClassification || UNCLASSIFIED,
    },
    formalCharacteristics: { aggregationType: files.length > 1 ? '组合文件' : '单件', pageCount: entry.pageCount },
    storage: { offlineMediumIds: [source.offlineMediumId ?? '在线'] },
    rights: {},
    ...(entry.remarks ? { annotations: [entry.remarks] } : {}),
    documents: documentsFromFiles(files),
  };
}

/**
 * 文件数据 for a list of files: one 文档 per file, the first `主文档`, the
 * others `附属文档` (DA/T 48-2009 附录A 文档主从声明).
 *
 * @param files - The item's computer files, main document first.
 * @returns The documents.
 * @example
 * documentsFromFiles([{ fileName: '正文.pdf', fileSize: 3 }])[0].role //=> '主文档'
 */
export function documentsFromFiles(files: readonly [MetadataFile, ...MetadataFile[]]): Dat46ItemMetadata['documents'] {
  return files.map((file, i): MetadataDocument => ({ role: i === 0 ? '主文档' : '附属文档', data: [{ encodings: [file] }] })) as Dat46ItemMetadata['documents'];
}
