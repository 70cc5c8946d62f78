import * as z from 'zod';
import { parseArchivalDate } from './archivalDate.js';
import { addBilingualIssue } from './bilingualIssue.js';

/**
 * A 日期 field as written (DA/T 22-2015 §5.5): a string that
 * {@link parseArchivalDate} accepts. Calendar errors are reported with a
 * bilingual message in the issue's `params`.
 *
 * @example
 * archivalDateSchema.safeParse('20150231').success //=> false
 */
export const archivalDateSchema = z
  .string()
  .superRefine((value, ctx) => {
    const result = parseArchivalDate(value);
    if (result.ok) return;
    const messages =
      result.reason === 'calendar'
        ? { 'zh-CN': `“${value}”不是有效的日历日期`, en: `"${value}" is not a calendar date` }
        : { 'zh-CN': `“${value}”应为 YYYYMMDD 格式`, en: `"${value}" should be YYYYMMDD` };
    addBilingualIssue(ctx, value, messages);
  })
  .meta({
    title: '日期 ArchivalDate',
    description: 'DA/T 22-2015 §5.5: YYYYMMDD (or YYYY-MM-DD); 00 for an unknown month/day; [ ] for a researched date (考证日期).',
    // For JSON Schema users; the calendar check above cannot be expressed there.
    pattern: '^\\s*(?:\\d{8}|\\d{4}-\\d{2}-\\d{2}|[[［]\\s*(?:\\d{8}|\\d{4}-\\d{2}-\\d{2})\\s*[\\]］])\\s*$',
  });

/**
 * A fully known, non-researched 日期 (`YYYYMMDD` or `YYYY-MM-DD`), for dates
 * a person records at the time: 整理日期 and 检查日期 of a 备考表, 利用日期,
 * 归还日期.
 *
 * @example
 * calendarDateSchema.safeParse('20240115').success //=> true
 * calendarDateSchema.safeParse('20240100').success //=> false
 */
export const calendarDateSchema = archivalDateSchema
  .superRefine((value, ctx) => {
    const result = parseArchivalDate(value);
    if (!result.ok || (result.date.day !== null && !result.date.researched)) return;
    addBilingualIssue(ctx, value, {
      'zh-CN': `“${value}”应为完整的日期，不含 00 或方括号`,
      en: `"${value}" should be a complete date without 00 or brackets`,
    });
  })
  .meta({
    title: '日期 (complete)',
    description: 'YYYYMMDD or YYYY-MM-DD, a real calendar day; no 00, no [ ].',
    pattern: '^\\s*\\d{4}(?:(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])|-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01]))\\s*$',
  });
