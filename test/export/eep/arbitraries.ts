import fc from 'fast-check';
import type { EepActivity, EepAgent, EepDocument, EepEncoding, EepItem, EepRecord } from '../../../src/index.js';
import { findUnrepresentableXmlChar } from '../../../src/xml/escapeXml.js';

// Characters that need escaping or are easy to lose: markup, quotes, CR, brackets, astral and full-width.
const SPECIALS = ['<', '>', '&', '"', "'", '[', ']', '\r', '\n', '\t', ' ', '&amp;', '&#13;', ']]>', '档', '〔', '＜', '😀'];

/** Any text XML 1.0 can carry (escaping needed or not), possibly empty or blank. */
export const xmlText = fc
  .array(fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((s) => findUnrepresentableXmlChar(s) === -1);

/** Text with something visible in it: required DA/T 46 items must not be blank (GD-2-4). */
export const requiredText = xmlText.filter((s) => s.trim() !== '');

const nonEmpty = <T>(arb: fc.Arbitrary<T>, max = 3) => fc.array(arb, { minLength: 1, maxLength: max }) as fc.Arbitrary<[T, ...T[]]>;

const date = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
const dateTime = date.map((d) => d.toISOString().slice(0, 19));
const yyyymmdd = date.map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
const fileName = fc
  .tuple(requiredText.filter((s) => !s.includes('.')), fc.constantFrom('pdf', 'ofd', 'JPG', 'tif', 'xml', 'docx', ''))
  .map(([base, ext]) => (ext === '' ? base : `${base}.${ext}`));

const encoding: fc.Arbitrary<EepEncoding> = fc.record(
  {
    fileName,
    content: fc.uint8Array({ maxLength: 300 }),
    formatInformation: xmlText,
    creatingApplication: xmlText,
    digitization: fc.record(
      {
        physicalCharacteristics: xmlText,
        scanningResolution: requiredText,
        scanningColorModel: fc.constantFrom('黑白二值', '灰度', '彩色'),
        imageCompressionScheme: xmlText,
      },
      { requiredKeys: ['scanningResolution', 'scanningColorModel'] },
    ),
  },
  { requiredKeys: ['fileName', 'content'] },
);

const document: fc.Arbitrary<EepDocument> = fc.record(
  {
    sequence: xmlText,
    role: fc.constantFrom('主文档', '附属文档'),
    title: xmlText,
    data: nonEmpty(fc.record({ encodings: nonEmpty(encoding, 2) }), 2),
  },
  { requiredKeys: ['data'] },
);

const record: fc.Arbitrary<EepRecord> = fc.record(
  {
    provenance: fc.record(
      { archiveName: xmlText, archiveCode: xmlText, fondsName: xmlText, creatingUnit: requiredText },
      { requiredKeys: ['creatingUnit'] },
    ),
    electronicRecordCode: requiredText,
    archivalCode: fc
      .record(
        {
          // 档号's own text is mixed content: written and read trimmed.
          code: requiredText.map((s) => s.trim()),
          fondsCode: xmlText,
          catalogueNumber: xmlText,
          year: fc.constant('0000'), // replaced by the year of 日期 below
          retentionPeriod: fc.constantFrom('永久', '定期30年', '定期10年', 'D30', '长期', '30年'),
          organization: xmlText,
          classCode: xmlText,
          agencyVolumeNumber: xmlText,
          archivesVolumeNumber: xmlText,
          agencyItemNumber: fc.integer({ min: 1, max: 1_000_000 }),
          archivesItemNumber: fc.integer({ min: 1, max: 1_000_000 }),
          pageNumber: xmlText,
        },
        { requiredKeys: ['year', 'retentionPeriod', 'agencyItemNumber'] },
      ),
    description: fc.record(
      {
        title: requiredText,
        parallelTitle: xmlText,
        alternativeTitle: xmlText,
        otherTitleInformation: xmlText,
        descriptors: fc.array(fc.record({ value: xmlText, thesaurus: xmlText }, { requiredKeys: ['value'] }), { minLength: 1, maxLength: 2 }),
        keyword: xmlText,
        personalName: xmlText,
        abstract: xmlText,
        classNumber: xmlText,
        documentNumber: xmlText,
        author: requiredText,
        date: yyyymmdd,
        documentType: fc.constantFrom('通知', '请示', '函'),
        precedence: fc.constantFrom('特急', '加急'),
        principalReceiver: xmlText,
        otherReceivers: xmlText,
        securityClassification: fc.constantFrom('公开', '限制', '秘密', '机密', '绝密'),
        secrecyPeriod: xmlText,
      },
      { requiredKeys: ['title', 'author', 'date', 'securityClassification'] },
    ),
    formalCharacteristics: fc.record(
      {
        aggregationType: fc.constantFrom('单件', '组合文件'),
        pageCount: fc.integer({ min: 1, max: 100_000 }),
        language: xmlText,
        manuscriptType: fc.constantFrom('正本', '定稿'),
      },
      { requiredKeys: ['aggregationType'] },
    ),
    storage: fc.record(
      {
        currentLocation: xmlText,
        offlineMediumIds: nonEmpty(requiredText),
        offlineMediumLocations: fc.array(xmlText, { minLength: 1, maxLength: 2 }),
        microformId: xmlText,
      },
      { requiredKeys: ['offlineMediumIds'] },
    ),
    rights: fc.record(
      {
        intellectualPropertyStatement: xmlText,
        authorizations: fc.array(fc.record({ agent: requiredText, permission: fc.constantFrom('浏览', '复制') }), { minLength: 1, maxLength: 2 }),
        controlIdentifier: fc.constantFrom('开放', '控制'),
      },
      { requiredKeys: [] },
    ),
    informationSystems: fc.array(xmlText, { minLength: 1, maxLength: 2 }),
    annotations: fc.array(xmlText, { minLength: 1, maxLength: 2 }),
    documents: nonEmpty(document, 2),
  },
  { requiredKeys: ['provenance', 'electronicRecordCode', 'archivalCode', 'description', 'formalCharacteristics', 'storage', 'rights', 'documents'] },
);

const agent = (id: string): fc.Arbitrary<EepAgent> =>
  fc.record(
    { agentId: fc.constant(id), agentType: fc.constantFrom('单位', '内设机构', '个人'), agentName: requiredText, organizationCode: xmlText, position: xmlText },
    { requiredKeys: ['agentId', 'agentName'] },
  );

const activity = (id: string, agentIds: readonly string[]): fc.Arbitrary<EepActivity> =>
  fc.record(
    {
      activityId: fc.constant(id),
      agentId: fc.constantFrom(...agentIds),
      recordId: requiredText,
      status: fc.constantFrom('历史行为', '计划任务'),
      action: requiredText,
      time: dateTime,
      basis: xmlText,
      description: xmlText,
    },
    { requiredKeys: ['activityId', 'agentId', 'recordId', 'status', 'action', 'time'] },
  );

/** A valid 原始型 item: free text anywhere, values in their domains where DA/T 46 has one. */
export const eepItem: fc.Arbitrary<EepItem> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([agents, activities]) => {
    const agentIds = Array.from({ length: agents }, (_, i) => `A${i + 1}`);
    return fc.record({
      createdAt: dateTime,
      creator: requiredText,
      content: fc.record({
        // 年度 agrees with 日期 (DA/T 70-2018 GD-1-5).
        record: record.map((r) => ({ ...r, archivalCode: { ...r.archivalCode, year: r.description.date.slice(0, 4) } })),
        activities: fc.tuple(...Array.from({ length: activities }, (_, i) => activity(`B${i + 1}`, agentIds))) as unknown as fc.Arbitrary<[EepActivity, ...EepActivity[]]>,
        agents: fc.tuple(...agentIds.map(agent)) as unknown as fc.Arbitrary<[EepAgent, ...EepAgent[]]>,
      }),
    });
  });
