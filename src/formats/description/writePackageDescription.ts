/**
 * The keys a 说明文件.TXT must hold (DA/T 93-2022 附录B; standards-electronic §4.2),
 * in the order they are written.
 *
 * @example
 * packageDescriptionKeys.map((k) => k.key) //=> ['移交单位', '内容描述', '起止档号', '档案数量', '软硬件环境']
 */
export const packageDescriptionKeys = [
  { key: '移交单位', source: 'DA/T 93-2022 附录B' },
  { key: '内容描述', source: 'DA/T 93-2022 附录B' },
  { key: '起止档号', source: 'DA/T 93-2022 附录B' },
  { key: '档案数量', source: 'DA/T 93-2022 附录B' },
  { key: '软硬件环境', source: 'DA/T 93-2022 附录B; 电子档案移交与接收办法 (2012) 附件2' },
] as const;

/** A required key of 说明文件.TXT. */
export type PackageDescriptionKey = (typeof packageDescriptionKeys)[number]['key'];

/** The content of 说明文件.TXT: the required keys plus any others (载体编号, 制作单位 …). */
export type PackageDescription = Readonly<Record<PackageDescriptionKey, string>> & Readonly<Record<string, string>>;

const FORBIDDEN_IN_KEY = /[:：=\r\n]/;
const FORBIDDEN_IN_VALUE = /[\r\n]/;

/**
 * Writes 说明文件.TXT as `键：值` lines with CRLF line ends (DA/T 93-2022
 * 附录B): the required keys first in their standard order, then the others
 * in insertion order.
 *
 * @param description - Values by key.
 * @returns The text.
 * @throws RangeError when a key contains `:`, `：`, `=` or a line break, or a
 *   value contains a line break: such a file could not be read back.
 * @example
 * writePackageDescription({ 移交单位: '某局', 内容描述: '2011年文书档案', 起止档号: 'A-0001至A-0002', 档案数量: '2', 软硬件环境: 'PDF阅读器' })
 * //=> '移交单位：某局\r\n内容描述：2011年文书档案\r\n…'
 */
export function writePackageDescription(description: PackageDescription): string {
  const required = packageDescriptionKeys.map((k) => k.key as string);
  const keys = [...required, ...Object.keys(description).filter((k) => !required.includes(k))];
  return keys
    .map((key) => {
      const value = description[key] ?? '';
      if (FORBIDDEN_IN_KEY.test(key) || key.trim() === '') throw new RangeError(`[dangan] 说明文件 key cannot be written: ${JSON.stringify(key)}`);
      if (FORBIDDEN_IN_VALUE.test(value)) throw new RangeError(`[dangan] 说明文件 value of ${key} has a line break`);
      return `${key}：${value}\r\n`;
    })
    .join('');
}
