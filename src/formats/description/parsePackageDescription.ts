import type { IssueLocation } from '../../report/issue.js';

/** One `key: value` line of 说明文件.TXT. */
export interface PackageDescriptionField {
  /** The key, trimmed. */
  key: string;
  /** The value, trimmed. */
  value: string;
  /** 1-based line and column of the key. */
  location: IssueLocation;
}

/** 说明文件.TXT read into fields. */
export interface ParsedPackageDescription {
  /** Fields in file order; a repeated key keeps every occurrence. */
  fields: PackageDescriptionField[];
  /** Values by key (first occurrence wins). */
  values: Readonly<Record<string, string>>;
  /** Non-blank lines that hold no separator. */
  malformedLines: IssueLocation[];
  /** Every repeat of a key already seen: its location, the first value and the repeated one. */
  duplicates: PackageDescriptionDuplicate[];
}

/** A key written again in 说明文件.TXT: the first value is the one used. */
export interface PackageDescriptionDuplicate {
  /** The repeated key. */
  key: string;
  /** The value of the first occurrence (the one in `values`). */
  first: string;
  /** The value of this repeat. */
  value: string;
  /** 1-based line and column of the repeat. */
  location: IssueLocation;
}

// DA/T 93-2022 附录B 说明文件: "键：值" lines; ':' '：' and '=' are all seen in practice.
const SEPARATOR = /[:：=]/;

/**
 * Parses the text of 说明文件.TXT (DA/T 93-2022 附录B): `key: value` lines
 * with `:`, `：` or `=` as separator, CRLF or LF line ends. Blank lines are
 * skipped; lines without a separator are returned as malformed. A repeated
 * key keeps its first value and is listed in `duplicates`.
 *
 * @param text - The decoded text.
 * @returns The fields, a key→value map, the malformed lines and the repeated keys.
 * @example
 * parsePackageDescription('移交单位：某局\r\n档案数量=2\r\n').values
 * //=> { 移交单位: '某局', 档案数量: '2' }
 */
export function parsePackageDescription(text: string): ParsedPackageDescription {
  const fields: PackageDescriptionField[] = [];
  const malformedLines: IssueLocation[] = [];
  const duplicates: PackageDescriptionDuplicate[] = [];
  const values: Record<string, string> = {};
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    if (line.trim() === '') return;
    const match = SEPARATOR.exec(line);
    const key = match ? line.slice(0, match.index).trim() : '';
    const column = line.length - line.trimStart().length + 1;
    if (!match || key === '') {
      malformedLines.push({ line: index + 1, column });
      return;
    }
    const value = line.slice(match.index + 1).trim();
    fields.push({ key, value, location: { line: index + 1, column } });
    if (!Object.hasOwn(values, key)) values[key] = value;
    else duplicates.push({ key, first: values[key] ?? '', value, location: { line: index + 1, column } });
  });
  return { fields, values, malformedLines, duplicates };
}
