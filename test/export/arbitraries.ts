import fc from 'fast-check';
import type { CatalogueRecord } from '../../src/export/catalogue/catalogueRecord.js';
import { findUnrepresentableXmlChar } from '../../src/export/xml/escapeXml.js';

/** Characters that stress writers: XML specials, CSV specials, brackets, line ends, CJK, astral. */
const tricky = fc.constantFrom('<', '>', '&', '"', "'", '[', ']', '\r', '\n', '\r\n', '\t', ',', ' ', '档', '號', '·', '𠀀', '😀', '\u00A0', '\u3000');

/** Any text XML 1.0 can carry, biased towards characters that need escaping. */
export const xmlText = fc
  .string({ unit: fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 24 })
  .filter((s) => findUnrepresentableXmlChar(s) === -1);

/** Non-empty XML-safe text. */
export const someText = xmlText.filter((s) => s !== '');

/** A title, half the time supplied by the archivist in `[ ]` (DA/T 22-2015 §5.5). */
export const title = fc.oneof(someText, someText.map((s) => `[${s}]`));

/** A catalogue record with every optional field sometimes absent. */
export function catalogueRecord(options: { retention?: boolean; electronicName?: boolean } = {}): fc.Arbitrary<CatalogueRecord> {
  return fc.record(
    {
      sequenceNumber: fc.integer({ min: 1, max: 1_000_000 }),
      archivalCode: someText,
      documentNumber: someText,
      author: xmlText,
      title,
      date: fc.oneof(fc.constantFrom('20110301', '[20150300]', '20150000'), xmlText),
      securityClassification: someText,
      pageCount: fc.integer({ min: 1, max: 9999 }),
      remarks: someText,
      ...(options.retention ? { retentionPeriod: someText } : {}),
      ...(options.electronicName ? { electronicRecordName: someText } : {}),
    },
    { requiredKeys: ['sequenceNumber', 'archivalCode', 'author', 'title', 'date'] },
  ) as fc.Arbitrary<CatalogueRecord>;
}
