import Papa from 'papaparse';

/** One parsed CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  /** Cell values as written (quotes removed). */
  cells: string[];
  /** 1-based line of the record's first character. */
  line: number;
}

/** A CSV syntax problem found by the parser. */
export interface CsvSyntaxError {
  /** 1-based line. */
  line: number;
  /** Parser's description, e.g. `Quoted field unterminated`. */
  reason: string;
}

/**
 * Splits CSV text into records with papaparse (RFC 4180 quoting: fields with
 * commas, quotes or line breaks are quoted, quotes doubled). Blank lines and
 * rows of empty cells are skipped. Never throws.
 *
 * @param text - CSV text without BOM.
 * @returns Records with their line numbers, and syntax errors.
 * @example
 * parseCsvTable('a,b\n"x,1",2\n').records[1] //=> { cells: ['x,1', '2'], line: 2 }
 */
export function parseCsvTable(text: string): { records: CsvRecord[]; errors: CsvSyntaxError[] } {
  const lineStarts = lineStartOffsets(text);
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: ',',
    skipEmptyLines: false,
    step: (result) => {
      const line = lineOf(lineStarts, start);
      start = result.meta.cursor;
      for (const error of result.errors) errors.push({ line, reason: error.message });
      const cells = result.data;
      // Spreadsheets pad with rows of empty cells (",,,,"); they carry nothing.
      if (cells.some((cell) => cell !== '')) records.push({ cells, line });
    },
  });
  return { records, errors };
}

/**
 * Formats rows as CSV text with CRLF line ends (RFC 4180, what Excel writes),
 * quoting only where needed.
 *
 * @param rows - Header row first, then data rows.
 * @returns The CSV text, ending with CRLF.
 * @example
 * formatCsvTable([['a', 'b'], ['x,1', '2']]) //=> 'a,b\r\n"x,1",2\r\n'
 */
export function formatCsvTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return `${Papa.unparse(rows as string[][], { newline: '\r\n', header: false })}\r\n`;
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
