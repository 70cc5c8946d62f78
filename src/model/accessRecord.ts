import * as z from 'zod';
import { compareArchivalDates } from './archivalDate.js';
import { calendarDateSchema } from './archivalDateSchema.js';
import type { Citation } from './citation.js';
import { addBilingualIssue } from './bilingualIssue.js';
import { nonBlankTextSchema } from './text.js';

/**
 * 利用方式: how records were used — `consultation` 查阅, `excerpt` 摘抄, `copy` 复制, `loan` 借出.
 *
 * @example
 * accessMethodSchema.safeParse('loan').success //=> true
 */
export const accessMethodSchema = z
  .enum(['consultation', 'excerpt', 'copy', 'loan'])
  .meta({ title: '利用方式 AccessMethod', description: 'consultation 查阅 / excerpt 摘抄 / copy 复制 / loan 借出.' });

/** A 利用方式. See {@link accessMethodSchema}. */
export type AccessMethod = z.infer<typeof accessMethodSchema>;

// No national standard fixes the 利用登记 fields; these follow institutional practice (standards-paper §3.5).
const PRACTICE: Citation = { standard: '利用登记 institutional practice', clause: 'standards-paper §3.5', confidence: 'inferred' };

/**
 * Each access method with its Chinese label and source.
 *
 * @example
 * accessMethods.map((m) => m.label) //=> ['查阅', '摘抄', '复制', '借出']
 */
export const accessMethods = [
  { code: 'consultation', label: '查阅', source: PRACTICE },
  { code: 'excerpt', label: '摘抄', source: PRACTICE },
  { code: 'copy', label: '复制', source: PRACTICE },
  { code: 'loan', label: '借出', source: PRACTICE },
] as const satisfies readonly { code: AccessMethod; label: string; source: Citation }[];

/**
 * Reads an access method written as its code or its Chinese label.
 *
 * @param text - e.g. `查阅` or `loan`.
 * @returns The method, or `undefined` when the text is none of them.
 * @example
 * parseAccessMethod('借出') //=> 'loan'
 */
export function parseAccessMethod(text: string): AccessMethod | undefined {
  const value = text.trim();
  return accessMethods.find((m) => m.code === value || m.label === value)?.code;
}

/**
 * 利用登记 (access record): one use of records. No national standard fixes the
 * register's fields; these are the ones institutional rules record
 * consistently: 利用日期, 利用者姓名, 单位, 证件类型/号码, 利用目的, the 档号 used,
 * 利用方式 (查阅/摘抄/复制/借出), 归还日期 and the approver. A 归还日期 is only
 * meaningful for a loan and cannot precede the 利用日期.
 *
 * @example
 * accessRecordSchema.parse({ date: '20240301', userName: '王五', idType: '居民身份证', idNumber: '110101199001011234', purpose: '婚姻状况证明', archivalCodes: ['Z109-WS·2011-Y-BGS-0001'], methods: ['consultation', 'copy'] })
 */
export const accessRecordSchema = z
  .object({
    date: calendarDateSchema,
    userName: nonBlankTextSchema,
    userUnit: nonBlankTextSchema.optional(),
    idType: nonBlankTextSchema,
    idNumber: nonBlankTextSchema,
    purpose: nonBlankTextSchema,
    archivalCodes: z.array(nonBlankTextSchema).min(1),
    methods: z
      .array(accessMethodSchema)
      .min(1)
      .refine((methods) => new Set(methods).size === methods.length, {
        message: 'an access method is listed twice',
        params: { 'zh-CN': '利用方式重复', en: 'an access method is listed twice' },
      }),
    returnDate: calendarDateSchema.optional(),
    approver: nonBlankTextSchema.optional(),
    remarks: z.string().optional(),
  })
  .superRefine((record, ctx) => {
    if (record.returnDate === undefined) return;
    if (!record.methods.includes('loan')) {
      addBilingualIssue(ctx, record.returnDate, { 'zh-CN': '只有借出才有归还日期', en: 'only a loan has a return date' }, ['returnDate']);
    } else if ((compareArchivalDates(record.returnDate, record.date) ?? 0) < 0) {
      addBilingualIssue(ctx, record.returnDate, {
        'zh-CN': `归还日期 ${record.returnDate} 早于利用日期 ${record.date}`,
        en: `return date ${record.returnDate} is before the access date ${record.date}`,
      }, ['returnDate']);
    }
  })
  .meta({ title: '利用登记 AccessRecord', description: 'Access register row (institutional practice; no national standard).' });

/** A 利用登记 row. See {@link accessRecordSchema}. */
export type AccessRecord = z.infer<typeof accessRecordSchema>;
