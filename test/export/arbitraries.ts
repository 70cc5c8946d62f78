import fc from 'fast-check';
import type { CatalogueEntry } from '../../src/model/catalogueEntry.js';
import { findUnrepresentableXmlChar } from '../../src/xml/escapeXml.js';

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

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops undefined properties so generated objects equal what readers build. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const metadataFile = fc
  .record({
    formatInformation: opt(xmlText),
    fileName: someText,
    fileSize: fc.integer({ min: 0, max: 2 ** 40 }),
    creatingApplication: opt(xmlText),
    digest: opt(fc.record({ algorithm: fc.constantFrom('sm3' as const, 'sha256' as const, 'sha1' as const, 'md5' as const), value: fc.stringMatching(/^[0-9a-f]{64}$/) })),
    digitization: opt(
      fc.record({ physicalCharacteristics: opt(xmlText), scanningResolution: xmlText, scanningColorModel: xmlText, imageCompressionScheme: opt(xmlText) }).map(compact),
    ),
  })
  .map(compact);

/** DA/T 46 item metadata with every optional part sometimes absent and text that needs escaping. */
export const itemMetadata = fc
  .record({
    provenance: fc.record({ archiveName: opt(xmlText), archiveCode: opt(xmlText), fondsName: opt(xmlText), creatingUnit: someText }).map(compact),
    electronicRecordCode: xmlText,
    archivalCode: fc
      .record({
        code: opt(someText.map((s) => s.trim()).filter((s) => s !== '')),
        fondsCode: opt(xmlText),
        catalogueNumber: opt(xmlText),
        year: fc.integer({ min: 1900, max: 2099 }).map(String),
        retentionPeriod: someText,
        organization: opt(xmlText),
        classCode: opt(xmlText),
        agencyVolumeNumber: opt(xmlText),
        archivesVolumeNumber: opt(xmlText),
        agencyItemNumber: opt(fc.integer({ min: 1, max: 99999 })),
        archivesItemNumber: opt(fc.integer({ min: 1, max: 99999 })),
        pageNumber: opt(xmlText),
      })
      .map(compact),
    description: fc
      .record({
        title,
        parallelTitle: opt(xmlText),
        alternativeTitle: opt(xmlText),
        otherTitleInformation: opt(xmlText),
        descriptors: opt(fc.array(fc.record({ value: xmlText, thesaurus: opt(xmlText) }).map(compact), { minLength: 1, maxLength: 3 })),
        keyword: opt(xmlText),
        personalName: opt(xmlText),
        abstract: opt(xmlText),
        classNumber: opt(xmlText),
        documentNumber: opt(xmlText),
        author: xmlText,
        date: archivalDate,
        documentType: opt(xmlText),
        precedence: opt(xmlText),
        principalReceiver: opt(xmlText),
        otherReceivers: opt(xmlText),
        securityClassification: fc.constantFrom('公开', '限制', '秘密', '机密', '绝密'),
        secrecyPeriod: opt(xmlText),
      })
      .map(compact),
    formalCharacteristics: fc
      .record({ aggregationType: fc.constantFrom('单件', '组合文件'), pageCount: opt(fc.integer({ min: 1, max: 9999 })), language: opt(xmlText), manuscriptType: opt(xmlText) })
      .map(compact),
    storage: fc
      .record({
        currentLocation: opt(xmlText),
        offlineMediumIds: fc.array(xmlText, { minLength: 1, maxLength: 3 }),
        offlineMediumLocations: opt(fc.array(xmlText, { minLength: 1, maxLength: 2 })),
        microformId: opt(xmlText),
      })
      .map(compact),
    rights: fc
      .record({
        intellectualPropertyStatement: opt(xmlText),
        authorizations: opt(fc.array(fc.record({ agent: xmlText, permission: xmlText }), { minLength: 1, maxLength: 2 })),
        controlIdentifier: opt(xmlText),
      })
      .map(compact),
    informationSystems: opt(fc.array(xmlText, { minLength: 1, maxLength: 2 })),
    annotations: opt(fc.array(xmlText, { minLength: 1, maxLength: 2 })),
    documents: fc.array(
      fc
        .record({
          sequence: opt(xmlText),
          role: opt(fc.constantFrom('主文档', '附属文档')),
          title: opt(xmlText),
          data: fc.array(fc.record({ encodings: fc.array(metadataFile, { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 2 }),
        })
        .map(compact),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(compact) as unknown as fc.Arbitrary<import('../../src/formats/itemMetadata/typedView.js').Dat46ItemMetadata>;
