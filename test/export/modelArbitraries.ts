import fc from 'fast-check';
import {
  accessMethods,
  activityStatuses,
  agentTypes,
  archivalCategories,
  dat46SecurityLevels,
  securityClassifications,
  type ModelName,
} from '../../src/model/index.js';
import { catalogueEntry } from './arbitraries.js';

/**
 * fast-check arbitraries for every model of `modelSchemas` (src/model), for
 * JSON round trips. Each yields values its schema accepts unchanged, every
 * optional field sometimes absent (never `undefined`), and text that stresses
 * JSON: quotes, backslashes, control characters, line ends, CJK, astral
 * characters and lone surrogates.
 */

/** Characters JSON writers must escape or keep intact. */
const tricky = fc.constantFrom('"', '\\', '/', '\u0000', '\u001f', '\b', '\f', '\n', '\r', '\t', '\u2028', '\u2029', '档', '號', '·', '𠀀', '😀', '\uD800', '\uDFFF', '\u00A0', '\u3000', '[', ']', '［', '］');
/** Any string, biased towards characters that need escaping. */
const anyText = fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 20 });
/** Text with a non-space character (the model's non-blank fields). */
const nonBlank = anyText.filter((s) => /\S/.test(s));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops absent optional fields, so a value equals what a reader builds. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
/** A record whose `optional` keys are sometimes absent. */
function record<T extends Record<string, fc.Arbitrary<unknown>>>(required: T, optional: Record<string, fc.Arbitrary<unknown>> = {}) {
  const optionals = Object.fromEntries(Object.entries(optional).map(([k, a]) => [k, opt(a)]));
  return fc.record({ ...required, ...optionals }).map(compact);
}

const fondsCode = fc.stringMatching(/^[A-Z0-9]{1,6}$/);
const orgCode = fc.stringMatching(/^[A-Z0-9\u3400-\u4dbf\u4e00-\u9fff]{1,6}$/);
const year = fc.integer({ min: 1000, max: 9999 });
const positive = fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.constant(Number.MAX_SAFE_INTEGER));
/** A title whose square brackets (ASCII or full-width) pair up (DA/T 22-2015 §5.5). */
const title = fc
  .tuple(nonBlank.map((s) => s.replace(/[[\]［］]/g, '')).filter((s) => /\S/.test(s)), fc.constantFrom('', '[]', '［］', '[]x'))
  .map(([text, form]) => (form === '' ? text : form === '[]x' ? `[${text}]附件` : `${form[0]}${text}${form[1]}`));

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** A fully known day: year, month, day (day ≤ 28, so every month has it). */
const day = fc.record({ y: fc.integer({ min: 1000, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
/** A complete 日期 (整理日期, 利用日期 …): `YYYYMMDD` or `YYYY-MM-DD`. */
const calendarDate = fc.tuple(day, fc.boolean()).map(([{ y, m, d }, extended]) => (extended ? `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` : `${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}`));
/** A 日期 as written: month/day may be `00`, researched dates in `[ ]` or `［ ］`, surrounding spaces. */
const archivalDate = fc
  .record({ y: fc.integer({ min: 1000, max: 9999 }), m: fc.integer({ min: 0, max: 12 }), d: fc.integer({ min: 0, max: 28 }), brackets: fc.constantFrom('', '[]', '［］'), space: fc.constantFrom('', ' ') })
  .map(({ y, m, d, brackets, space }) => {
    const body = `${pad(y, 4)}${pad(m, 2)}${pad(m === 0 ? 0 : d, 2)}`;
    return `${space}${brackets ? `${brackets[0]}${body}${brackets[1]}` : body}${space}`;
  });
/** Events a counted period can start from (会计档案管理办法 2015 附表1 and the 民生 rules). */
const event = fc.constantFrom('固定资产报废清理', '停保', '家庭退出保障', '合同终止');
const years = fc.integer({ min: 1, max: 9999 });
/** A 保管期限 as written, in every form the model reads. */
const retentionText = fc.oneof(
  fc.constantFrom('Y', '永久', '长期', '短期', ' D30 '),
  years.map((n) => `D${n}`),
  years.map((n) => `定期${n}年`),
  years.map((n) => `${n}年`),
  fc.tuple(event, years, fc.boolean()).map(([e, n, kept]) => `${e}后${kept ? '保管' : ''}${n}年`),
);
const securityClassification = fc.constantFrom(...securityClassifications);
const categoryCode = fc.constantFrom(...archivalCategories.map((c) => c.code));
const classCode = fc.array(fc.stringMatching(/^[A-Z0-9]{1,4}$/), { minLength: 1, maxLength: 4 }).map((levels) => levels.join('·'));

const retentionPeriod = fc.oneof(
  fc.constant({ kind: 'permanent' as const }),
  years.map((n) => ({ kind: 'fixed' as const, years: n })),
  fc.constantFrom('long' as const, 'short' as const).map((term) => ({ kind: 'legacy' as const, term })),
  fc.tuple(event, years).map(([e, n]) => ({ kind: 'event' as const, years: n, event: e })),
);

const fonds = record({ fondsName: nonBlank, creatingUnit: nonBlank }, { fondsCode, archiveName: nonBlank, archiveCode: nonBlank });

const item = record(
  { fondsCode, year, retentionPeriod: retentionText, itemNumber: positive, pageCount: positive, title, author: nonBlank, date: archivalDate },
  { archivalCode: nonBlank, categoryCode, orgCode, documentNumber: nonBlank, securityClassification, remarks: anyText },
);

/** Two dates in order (start not after end), either possibly absent. */
const dateSpan = fc.tuple(day, day, fc.boolean(), fc.boolean()).map(([a, b, hasStart, hasEnd]) => {
  const [start, end] = [a, b].map(({ y, m, d }) => `${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}`).sort();
  return compact({ startDate: hasStart ? start : undefined, endDate: hasEnd ? end : undefined });
});
const volume = fc
  .tuple(
    record(
      { fondsCode, volumeNumber: positive, title, retentionPeriod: retentionText },
      { archivalCode: nonBlank, catalogueNumber: fc.stringMatching(/^[A-Z0-9]{1,4}$/), classCode, year, orgCode, itemCount: positive, pageCount: positive, securityClassification, remarks: anyText },
    ),
    dateSpan,
  )
  .map(([fields, span]) => ({ ...fields, ...span }));

const itemRange = fc.tuple(positive, positive).map(([a, b]) => ({ first: Math.min(a, b), last: Math.max(a, b) }));
const recordSheet = record({ arrangedBy: nonBlank, arrangedDate: calendarDate, checkedBy: nonBlank, checkedDate: calendarDate }, { description: anyText });
const box = record({ fondsCode, year, retentionPeriod: retentionText, boxNumber: positive, itemRange }, { fondsName: nonBlank, orgCode, recordSheet });

/** A catalogue row; 文号, 密级 and 备注 may also be the empty cell. */
const catalogue = fc
  .tuple(catalogueEntry({ retention: true, electronicName: true }), fc.boolean())
  .map(([entry, emptyCells]) => (emptyCells ? { ...entry, documentNumber: '', securityClassification: '' as const, remarks: '' } : { ...entry }));

const agent = record({ agentName: nonBlank }, { agentId: nonBlank, agentType: fc.constantFrom(...agentTypes), organizationCode: nonBlank, position: nonBlank });

/** An ISO 8601 date-time (M82 行为时间): seconds and fraction optional, zone optional. */
const dateTime = fc
  .tuple(day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('', '.5', '.123'), fc.constantFrom('', 'Z', '+08:00', '-05:30'))
  .map(([{ y, m, d }, h, min, s, fraction, zone]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(min, 2)}:${pad(s, 2)}${fraction}${zone}`);
const activity = record(
  { status: fc.constantFrom(...activityStatuses), action: nonBlank, time: dateTime },
  { activityId: nonBlank, agentId: nonBlank, recordId: nonBlank, basis: nonBlank, description: nonBlank },
);

const accessMethod = fc.constantFrom(...accessMethods.map((m) => m.code));
/** A 利用登记 row; only a loan has a 归还日期, never before the 利用日期. */
const accessRecord = fc
  .tuple(
    record(
      { userName: nonBlank, idType: nonBlank, idNumber: nonBlank, purpose: nonBlank, archivalCodes: fc.array(nonBlank, { minLength: 1, maxLength: 3 }), methods: fc.uniqueArray(accessMethod, { minLength: 1, maxLength: 4 }) },
      { userUnit: nonBlank, approver: nonBlank, remarks: anyText },
    ),
    day,
    fc.integer({ min: 0, max: 400 }),
    fc.boolean(),
  )
  .map(([fields, { y, m, d }, later, returned]) => {
    const date = `${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}`;
    const back = new Date(Date.UTC(y, m - 1, d + later));
    const returnDate = `${pad(back.getUTCFullYear(), 4)}${pad(back.getUTCMonth() + 1, 2)}${pad(back.getUTCDate(), 2)}`;
    const loan = (fields.methods as readonly string[]).includes('loan') && returned && back.getUTCFullYear() <= 9999;
    return { ...fields, date, ...(loan ? { returnDate } : {}) };
  });

/** A row of a category table: 1–4 levels, `parent` the path one level up (absent or `''` at the top). */
const archivalCategory = fc
  .tuple(classCode, fc.boolean(), record({ name: nonBlank, nameEn: anyText }), record({ standard: nonBlank, confidence: fc.constantFrom('verified' as const, 'single-source' as const, 'inferred' as const) }, { clause: anyText }))
  .map(([code, emptyParent, names, source]) => {
    const cut = code.lastIndexOf('·');
    const parent = cut < 0 ? (emptyParent ? '' : undefined) : code.slice(0, cut);
    return { code, ...names, ...(parent === undefined ? {} : { parent }), source };
  });

/** 密级★保密期限: years or months (never both) or neither. */
const secrecyMarking = fc
  .tuple(securityClassification, fc.constantFrom('none', 'years', 'months'), years, fc.integer({ min: 1, max: 11 }))
  .map(([classification, unit, y, m]) => ({ classification, ...(unit === 'years' ? { years: y } : unit === 'months' ? { months: m } : {}) }));

/** A 开放审核 record (档案法实施条例 2024 第三十条). */
const openingReview = record(
  { reviewer: nonBlank, date: calendarDate, result: fc.constantFrom('open' as const, 'deferred' as const) },
  { grounds: fc.array(nonBlank, { maxLength: 3 }), jointlyWith: nonBlank, deferredUntil: calendarDate, approval: nonBlank, remarks: anyText },
);

/** One arbitrary per model name of `modelSchemas`. */
export const modelArbitraries: Record<ModelName, fc.Arbitrary<unknown>> = {
  fonds,
  'archival-category': archivalCategory,
  'category-code': categoryCode,
  item,
  volume,
  box,
  'catalogue-entry': catalogue,
  agent,
  activity,
  'access-record': accessRecord,
  'access-method': accessMethod,
  'archival-date': archivalDate,
  'retention-period': retentionPeriod,
  'retention-period-text': retentionText,
  'security-classification': securityClassification,
  'dat46-security-level': fc.constantFrom(...dat46SecurityLevels),
  'secrecy-marking': secrecyMarking,
  'access-status': fc.constantFrom('open' as const, 'controlled' as const, 'unreviewed' as const),
  'opening-review': openingReview,
};
