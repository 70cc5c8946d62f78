import fc from 'fast-check';
import type { CatalogueEntry } from '../../src/model/catalogueEntry.js';
import { findUnrepresentableXmlChar } from '../../src/export/xml/escapeXml.js';

/** Characters that stress writers: XML specials, CSV specials, line ends, CJK, astral, look-alike spaces. */
const tricky = fc.constantFrom('<', '>', '&', '"', "'", '\r', '\n', '\r\n', '\t', ',', ' ', '档', '號', '·', '𠀀', '😀', '\u00A0', '\u3000', '&amp;');

/** Any text XML 1.0 can carry, biased towards characters that need escaping; no square brackets. */
export const xmlText = fc
  .string({ unit: fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 24 })
  .map((s) => s.replace(/[[\]［］]/g, ''))
  .filter((s) => findUnrepresentableXmlChar(s) === -1);

/** Text with a non-space character (the model's required fields). */
export const someText = xmlText.filter((s) => /\S/.test(s));

/** A title; a third are wholly and a third partly supplied by the archivist in `[ ]` (DA/T 22-2015 §5.5). */
export const title = fc.oneof(
  someText,
  someText.map((s) => `[${s}]`),
  fc.tuple(someText, someText).map(([a, b]) => `[${a}]${b}`),
);

/** A valid 日期: 8 digits, sometimes with unknown month/day, sometimes researched. */
export const archivalDate = fc
  .record({ year: fc.integer({ min: 1900, max: 2099 }), month: fc.integer({ min: 0, max: 12 }), day: fc.integer({ min: 0, max: 28 }), researched: fc.boolean() })
  .map(({ year, month, day, researched }) => {
    const body = `${year}${String(month).padStart(2, '0')}${String(month === 0 ? 0 : day).padStart(2, '0')}`;
    return researched ? `[${body}]` : body;
  });

/** A catalogue entry the model accepts, with every optional field sometimes absent. */
export function catalogueEntry(options: { retention?: boolean; electronicName?: boolean } = {}): fc.Arbitrary<CatalogueEntry> {
  return fc.record(
    {
      sequenceNumber: fc.integer({ min: 1, max: 1_000_000 }),
      archivalCode: someText,
      documentNumber: someText,
      author: someText,
      title,
      date: archivalDate,
      securityClassification: fc.constantFrom('绝密' as const, '机密' as const, '秘密' as const),
      pageCount: fc.integer({ min: 1, max: 9999 }),
      remarks: someText,
      ...(options.retention ? { retentionPeriod: fc.constantFrom('Y', 'D30', 'D10', '永久', '定期30年', '长期', '短期', 'D5') } : {}),
      ...(options.electronicName ? { electronicFileName: someText } : {}),
    },
    { requiredKeys: ['sequenceNumber', 'archivalCode', 'author', 'title', 'date', 'pageCount'] },
  );
}
