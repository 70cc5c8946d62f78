import { escapeTerminalText } from '../report/format/escapeTerminal.js';

/**
 * A value from the input (a code, a 题名, a schedule's row name, an issue
 * message quoting input) made safe for one terminal or CI-log line: controls,
 * bidi marks and a leading `::` become visible escapes (issue 23 class 7).
 *
 * @param value - Any value printed in a text output.
 * @returns The escaped text; `undefined` and `null` print as ''.
 * @example
 * safeText('Z109\u001b[2J') //=> 'Z109\\x1b[2J'
 */
export function safeText(value: unknown): string {
  return escapeTerminalText(value === undefined || value === null ? '' : String(value));
}

/**
 * One tab-separated row of a text table, each cell escaped on its own so a
 * tab or line feed inside a cell cannot add a column or forge a line.
 *
 * @param cells - The row's cells.
 * @returns The row without a line end.
 * @example
 * tabRow(['1', 'a\tb']) //=> '1\ta\\tb'
 */
export function tabRow(cells: readonly unknown[]): string {
  return cells.map(safeText).join('\t');
}
