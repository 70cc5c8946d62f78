import type * as z from 'zod';
import { en as zodEn, zhCN as zodZhCN } from 'zod/locales';
import { createIssueFrom } from './createIssue.js';
import { generalIssues } from './messages/general.js';
import { fieldPathZh } from './fieldNames.js';
import type { Issue, Locale } from './issue.js';

// zod's own messages per locale (its zh-CN and en locales), applied per issue here: no global z.config.
const ZOD_LOCALES = { 'zh-CN': zodZhCN().localeError, en: zodEn().localeError } as const;

// zod's zh-CN locale leaves JavaScript type names in English ("实际接收 string"); ours are Chinese.
const TYPE_NAMES_ZH: Readonly<Record<string, string>> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  undefined: '空（未填写）',
  null: '空值',
  bigint: '大整数',
  symbol: '符号',
  function: '函数',
  date: '日期',
  file: '文件',
  set: '集合',
  map: '映射',
  promise: 'Promise',
  value: '值',
  nan: 'NaN',
  instanceof: '类型',
};
const TYPE_WORD = new RegExp(`(?<![A-Za-z])(${Object.keys(TYPE_NAMES_ZH).join('|')})(?![A-Za-z])`, 'g');

type AnyIssue = z.core.$ZodIssue & { input?: unknown; params?: Record<string, unknown> };

/** The allowed values a union's branches name (e.g. 密级: 绝密, 机密, 秘密 or empty). */
function unionValues(issue: AnyIssue): unknown[] | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const values = issue.errors.flat().flatMap((branch) => (branch.code === 'invalid_value' ? branch.values : []));
  return values.length > 0 && values.length === new Set(values).size ? values : undefined;
}

/**
 * The reason for one zod issue in a locale: a refinement's own bilingual
 * message (`params[locale]`, src/model/bilingualIssue.ts), else zod's message
 * from its locale (type names in Chinese for zh-CN). A union of literal
 * values is told as the list of values it allows.
 *
 * @param issue - A zod issue.
 * @param locale - `zh-CN` or `en`.
 * @returns The reason.
 * @example
 * zodReason({ code: 'invalid_type', expected: 'number', input: 'x', path: [], message: '' }, 'zh-CN') //=> '无效输入：期望 数字，实际接收 字符串'
 */
export function zodReason(issue: z.core.$ZodIssue, locale: Locale): string {
  const own = (issue as AnyIssue).params?.[locale];
  if (issue.code === 'custom' && typeof own === 'string') return own;
  const values = unionValues(issue as AnyIssue);
  const shown: AnyIssue = values ? { ...issue, code: 'invalid_value', values: values.map((v) => (v === '' ? '（空）' : v)) } as AnyIssue : (issue as AnyIssue);
  // Without the input (parsed without reportInput) zod would say "received undefined": leave the received type out.
  if (shown.code === 'invalid_type' && !('input' in shown)) {
    return locale === 'zh-CN' ? `无效输入：期望 ${TYPE_NAMES_ZH[shown.expected] ?? shown.expected}` : `Invalid input: expected ${shown.expected}`;
  }
  const result = ZOD_LOCALES[locale](shown as unknown as Parameters<(typeof ZOD_LOCALES)['en']>[0]);
  const text = typeof result === 'string' ? result : (result?.message ?? issue.message);
  return locale === 'zh-CN' ? text.replace(TYPE_WORD, (word: string) => TYPE_NAMES_ZH[word] ?? word) : text;
}

/**
 * Maps zod's issues to dangan {@link Issue}s with code `model.invalid`. This is
 * the one place zod's error model meets ours, so a zod upgrade cannot change
 * what report consumers see. The message names the field in the locale (its
 * Chinese name in zh-CN) and gives zod's reason through zod's own locale;
 * `params` keep both languages, so the issue can be re-localised.
 *
 * @param error - A zod error (from `safeParse`).
 * @param options - `prefix` is prepended to every field path; `locale` picks the message language.
 * @returns One issue per zod issue; `params.field` is the dotted English path, `fieldName` and `reason` hold both languages.
 * @example
 * const r = fondsSchema.safeParse({});
 * if (!r.success) issuesFromZod(r.error)[0].code //=> 'model.invalid'
 */
export function issuesFromZod(
  error: z.ZodError,
  options: { prefix?: string; locale?: Locale; path?: string } = {},
): Issue[] {
  return error.issues.map((zodIssue) => {
    const segments = [...(options.prefix ? options.prefix.split('.') : []), ...zodIssue.path.map((p) => (typeof p === 'number' ? p : String(p)))].filter((s) => s !== '');
    const field = segments.join('.');
    return createIssueFrom(generalIssues, 'model.invalid', {
      path: options.path,
      locale: options.locale,
      params: {
        field: field || '(root)',
        fieldName: { 'zh-CN': fieldPathZh(segments), en: field || '(root)' },
        reason: { 'zh-CN': zodReason(zodIssue, 'zh-CN'), en: zodReason(zodIssue, 'en') },
      },
      received: 'input' in zodIssue ? zodIssue.input : undefined,
    });
  });
}
