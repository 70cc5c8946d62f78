import type { Locale } from '../../report/issue.js';
import { parseArchivalDate } from '../../model/archivalDate.js';
import type { MetadataValueType } from './dat46Elements.js';

/** Tests and names of each metadata value type (DA/T 46-2009 数据类型; XML Schema Part 2). */
export const metadataValueTypes: Readonly<
  Record<MetadataValueType, { test: (value: string) => boolean; name: Readonly<Record<Locale, string>>; source: string }>
> = {
  text: { test: () => true, name: { 'zh-CN': '文本', en: 'text' }, source: 'DA/T 46-2009 字符型' },
  gYear: { test: (v) => /^\d{4}$/.test(v), name: { 'zh-CN': '四位年度（YYYY）', en: 'a four-digit year (YYYY)' }, source: 'XML Schema xs:gYear; glossary 年度' },
  // DA/T 22-2015 §5.5: 8 digits; parseArchivalDate also reads YYYY-MM-DD, 00 for unknown parts and [考证日期].
  date: {
    test: (v) => parseArchivalDate(v).ok,
    name: { 'zh-CN': '有效的8位日期（YYYYMMDD）', en: 'a valid 8-digit date (YYYYMMDD)' },
    source: 'DA/T 46-2009 M33; DA/T 22-2015 §5.5',
  },
  // XML Schema §3.3.25: leading zeros are allowed (件号 0001).
  positiveInteger: { test: (v) => /^\+?0*[1-9]\d*$/.test(v), name: { 'zh-CN': '正整数', en: 'a positive integer' }, source: 'XML Schema xs:positiveInteger' },
  nonNegativeInteger: { test: (v) => /^\+?\d+$/.test(v), name: { 'zh-CN': '非负整数', en: 'a non-negative integer' }, source: 'XML Schema xs:nonNegativeInteger' },
};
