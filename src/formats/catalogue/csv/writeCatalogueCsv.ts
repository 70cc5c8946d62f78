import type { CatalogueEntry } from '../../../model/catalogueEntry.js';
import { catalogueFields, catalogueFieldText } from '../catalogueRecord.js';
import { catalogueColumnNames } from './columns.js';
import { formatCsvTable } from './csvTable.js';

/**
 * The UTF-8 byte-order mark Excel needs to show Chinese in a CSV.
 *
 * @example
 * writeCatalogueCsv(entries).startsWith(UTF8_BOM) //=> true
 */
export const UTF8_BOM = '\uFEFF';

const byColumn = new Map(catalogueFields.flatMap((f) => (f.column === undefined ? [] : [[f.column, f] as const])));

/**
 * Writes a 归档文件目录 as CSV: a header row with the nine DA/T 22-2015 §5.5
 * columns (序号, 档号, 文号, 责任者, 题名, 日期, 密级, 页数, 备注), one row per
 * record, CRLF line ends, quoting by papaparse, and a UTF-8 BOM so Excel shows
 * Chinese. Empty optional fields give empty cells. 保管期限 and 电子档案名称 are
 * not catalogue columns and are not written.
 *
 * @param records - Catalogue entries, in catalogue order.
 * @param options - `bom: false` leaves out the BOM.
 * @returns The CSV text (encode it as UTF-8).
 * @example
 * writeCatalogueCsv([{ sequenceNumber: 1, archivalCode: 'Z109-WS·2011-Y-BGS-0001', author: '某局', title: '[关于某事的通知]', date: '20110301' }])
 * //=> '\uFEFF序号,档号,文号,责任者,题名,日期,密级,页数,备注\r\n1,Z109-WS·2011-Y-BGS-0001,,某局,[关于某事的通知],20110301,,,\r\n'
 */
export function writeCatalogueCsv(records: readonly CatalogueEntry[], options: { bom?: boolean } = {}): string {
  const rows = records.map((record) => catalogueColumnNames.map((column) => {
    const field = byColumn.get(column);
    return field ? catalogueFieldText(record, field) : '';
  }));
  return `${options.bom === false ? '' : UTF8_BOM}${formatCsvTable([catalogueColumnNames, ...rows])}`;
}
