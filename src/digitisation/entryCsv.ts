import { formatCsvTable } from '../formats/catalogue/csv/csvTable.js';
import type { DigitisationEntrySummary } from './checkDigitisation.js';

/** Column headings of the per-entry 验收 CSV. */
export const entryCsvColumns = ['档号', '页数', '图像文件数', '图像页数', '最低分辨率dpi', '最高分辨率dpi', '色彩模式', '已检', '合格', '问题'] as const;

/**
 * Formats the per-entry lines of a batch check as CSV for the 验收 form
 * (档号, 页数, images found, pages found, dpi min/max, colour modes, checked,
 * passed, problems as issue codes). A cell that starts like a spreadsheet
 * formula (`=`, `+`, `-`, `@`) is prefixed with `'` so that opening the file
 * runs nothing.
 *
 * @param entries - `checkDigitisation(...).entries`.
 * @returns CSV text with CRLF line ends and a UTF-8 BOM (Excel reads it as UTF-8).
 * @example
 * formatEntryCsv(result.entries).split('\r\n')[0] //=> '\uFEFF档号,页数,图像文件数,…'
 */
export function formatEntryCsv(entries: readonly DigitisationEntrySummary[]): string {
  const rows: string[][] = [[...entryCsvColumns]];
  for (const e of entries) {
    rows.push([
      e.archivalCode,
      String(e.pageCount),
      String(e.files),
      e.pages === undefined ? '' : String(e.pages),
      e.dpiMin === undefined ? '' : String(e.dpiMin),
      e.dpiMax === undefined ? '' : String(e.dpiMax),
      e.colourModes.join(';'),
      e.checked ? '是' : '否',
      e.checked ? (e.passed ? '是' : '否') : '',
      e.problems.join(';'),
    ].map(safeCell));
  }
  return `\uFEFF${formatCsvTable(rows)}`;
}

function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
