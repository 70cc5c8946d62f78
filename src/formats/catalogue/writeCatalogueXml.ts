import type { CatalogueEntry } from '../../model/catalogueEntry.js';
import { serializeXml, xmlElement, type XmlOutputEncoding } from '../../xml/xmlNode.js';
import { catalogueLevels, type CatalogueElementSet, type CatalogueLevel } from './elementSets.js';
import { catalogueFields, catalogueFieldText } from './catalogueRecord.js';

/** Options of {@link writeCatalogueXml}. */
export interface WriteCatalogueXmlOptions {
  /** Element set: `2022` (DA/T 93-2022, default) or `2012` (电子档案移交与接收办法). */
  edition?: CatalogueElementSet;
  /** `item` writes 文件目录/文件 (default); `volume` writes 案卷目录/案卷 (2012 办法 附件2). */
  level?: CatalogueLevel;
  /** Encoding named in the declaration; encode the text with {@link encodeXmlDocument}. Default UTF-8. */
  encoding?: XmlOutputEncoding;
}

/**
 * Writes 目录文件.XML (or 案卷目录.XML): one entry element per record, in the
 * order given, with the chosen edition's elements. Optional elements (文号,
 * 页数) are omitted when absent; required ones are written even when empty
 * (`<密级/>`, `<备注/>`). Text is escaped so {@link readCatalogueXml} returns
 * the same records.
 *
 * @param records - Catalogue entries.
 * @param options - Edition, level and declared encoding.
 * @returns The XML text.
 * @throws RangeError when a value holds a character XML 1.0 cannot carry
 *   (check each value with {@link findUnrepresentableXmlChar} first).
 * @example
 * writeCatalogueXml([{ sequenceNumber: 1, archivalCode: 'Z109-WS·2011-Y-BGS-0001', author: '某局',
 *   title: '关于…的通知', date: '20110301', retentionPeriod: 'Y' }])
 */
export function writeCatalogueXml(records: readonly CatalogueEntry[], options: WriteCatalogueXmlOptions = {}): string {
  const edition = options.edition ?? '2022';
  const names = catalogueLevels[options.level ?? 'item'];
  const fields = catalogueFields.filter((f) => f.editions.includes(edition));
  const entries = records.map((record) =>
    xmlElement(
      names.entry,
      fields.map((field) => {
        const present = record[field.field] !== undefined;
        return present || field.required[edition] ? xmlElement(field.element, catalogueFieldText(record, field)) : undefined;
      }),
    ),
  );
  return serializeXml(xmlElement(names.root, entries), options.encoding ?? 'UTF-8');
}
