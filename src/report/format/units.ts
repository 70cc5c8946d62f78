import type { Locale, Severity } from '../issue.js';

const SEVERITY_LABELS = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const satisfies Record<Locale, Record<Severity, string>>;

/**
 * The one word for a severity in a locale, used by every command's text output.
 *
 * @param severity - `error`, `warning` or `info`.
 * @param locale - `zh-CN` (default) or `en`.
 * @returns 错误 / 警告 / 提示, or error / warning / info.
 * @example
 * severityLabel('warning') //=> '警告'
 */
export function severityLabel(severity: Severity, locale: Locale = 'zh-CN'): string {
  return SEVERITY_LABELS[locale][severity];
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count in human units (powers of 1000, as disks and networks count):
 * one decimal below 100 of a unit, none above.
 *
 * @param bytes - A count of bytes.
 * @returns E.g. `0 B`, `512 B`, `8.3 KB`, `1.2 GB`, `131 MB`.
 * @example
 * formatBytes(131072000) //=> '131 MB'
 * formatBytes(1234567890) //=> '1.2 GB'
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  const text = value < 99.95 ? value.toFixed(1) : Math.round(value).toString();
  return `${text} ${UNITS[unit]}`;
}

/**
 * A duration in seconds as a short text: `45 秒` / `45s`, `3 分 05 秒` / `3m05s`, `2 时 07 分` / `2h07m`.
 *
 * @param seconds - Whole seconds (rounded up by the caller).
 * @param locale - `zh-CN` (default) or `en`.
 * @returns The text.
 * @example
 * formatDuration(185, 'en') //=> '3m05s'
 */
export function formatDuration(seconds: number, locale: Locale = 'zh-CN'): string {
  const s = Math.max(0, Math.round(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  const zh = locale === 'zh-CN';
  if (s < 60) return zh ? `${s} 秒` : `${s}s`;
  if (s < 3600) return zh ? `${Math.floor(s / 60)} 分 ${pad(s % 60)} 秒` : `${Math.floor(s / 60)}m${pad(s % 60)}s`;
  return zh ? `${Math.floor(s / 3600)} 时 ${pad(Math.floor(s / 60) % 60)} 分` : `${Math.floor(s / 3600)}h${pad(Math.floor(s / 60) % 60)}m`;
}
