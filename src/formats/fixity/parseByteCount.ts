/**
 * Parses a declared byte count — a 字节数 of 固化验证信息.XML, either half of
 * a BagIt Payload-Oxum: decimal digits only, and at most
 * `Number.MAX_SAFE_INTEGER` (2^53 − 1 bytes, 8 PiB), so that comparing it with
 * a file's real size is exact. A larger count would be rounded by `Number` and
 * could match a size it does not state.
 *
 * @param text - The declared count, e.g. `"203218"`.
 * @returns The count, or `undefined` when it is not digits or is too large to compare exactly.
 * @example
 * parseByteCount('203218') //=> 203218
 * parseByteCount('9007199254740993') //=> undefined
 */
export function parseByteCount(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const count = Number(text);
  return Number.isSafeInteger(count) ? count : undefined;
}
