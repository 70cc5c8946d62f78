// XML 1.0 (5th ed.) §2.3 NameStartChar / NameChar; astral characters are accepted as surrogate pairs.
const START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\uD800-\\uDBFF';
const REST = `${START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040\\uDC00-\\uDFFF`;
const NAME = new RegExp(`^[${START}][${REST}]*$`);

/** Names that would pollute a JavaScript prototype if used as object keys. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Tells whether a string is an XML Name (XML 1.0 §2.3).
 *
 * @param name - Candidate element or attribute name.
 * @returns True for a valid name.
 * @example
 * isXmlName('文件目录') //=> true
 * isXmlName('1a') //=> false
 */
export function isXmlName(name: string): boolean {
  // Fast path for the common names (ASCII letters, digits, CJK): every unit accepted here is in START / REST.
  const n = name.length;
  if (n === 0) return false;
  let k = 0;
  for (; k < n; k++) {
    const c = name.charCodeAt(k);
    const start = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || (c >= 0x3001 && c <= 0xd7ff);
    if (!start && (k === 0 || !((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e))) break;
  }
  return k === n || NAME.test(name);
}

/**
 * Tells whether a name is refused because it could pollute prototypes
 * (`__proto__`, `constructor`, `prototype`).
 *
 * @param name - Element or attribute name.
 * @returns True when refused.
 * @example
 * isReservedName('__proto__') //=> true
 */
export function isReservedName(name: string): boolean {
  return name.length >= 9 && name.length <= 11 && RESERVED.has(name);
}
