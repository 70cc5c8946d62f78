import type { Aspect, Issue, Locale } from '../issue.js';
import type { Report } from '../report.js';
import { escapeTerminalText as safe } from './escapeTerminal.js';
import { formatBytes, severityLabel } from './units.js';

/** Options of {@link formatText}. */
export interface TextFormatOptions {
  /** Locale of the headings; messages keep the report's own locale. Default `zh-CN`. */
  locale?: Locale;
  /** Use ANSI colours (only on a TTY). Default false. */
  color?: boolean;
  /** Name of what was validated, shown in the heading. */
  subject?: string;
  /** The title of a check in the locale, for the list of manual checks (ids alone without it). */
  describeCheck?: (id: string) => string | undefined;
}

const ASPECTS: readonly Aspect[] = ['authenticity', 'integrity', 'usability', 'security'];

const LABELS = {
  'zh-CN': {
    aspect: { authenticity: '真实性', integrity: '完整性', usability: '可用性', security: '安全性' },
    valid: '通过',
    invalid: '不通过',
    summary: (r: Report) =>
      `${r.summary.errors} 个错误，${r.summary.warnings} 个警告，${r.summary.infos} 个提示；${r.summary.files} 个文件，${formatBytes(r.summary.bytes)}`,
    manual: '需人工检查：',
    detail: (parts: string[]) => `（${parts.join('，')}）`,
    expected: '期望 ',
    received: '实际 ',
    titled: (title: string, id: string) => `${title}（${id}）`,
    separator: '、',
  },
  en: {
    aspect: { authenticity: 'Authenticity', integrity: 'Integrity', usability: 'Usability', security: 'Security' },
    valid: 'VALID',
    invalid: 'INVALID',
    summary: (r: Report) =>
      `${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.infos} infos; ${r.summary.files} files, ${formatBytes(r.summary.bytes)}`,
    manual: 'manual checks: ',
    detail: (parts: string[]) => ` (${parts.join(', ')})`,
    expected: 'expected ',
    received: 'received ',
    titled: (title: string, id: string) => `${title} (${id})`,
    separator: ', ',
  },
} as const;

const ANSI = { red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', bold: '\u001b[1m', reset: '\u001b[0m' };

/**
 * Renders a report as readable text, grouped by 四性 aspect.
 *
 * @param report - The report.
 * @param options - Locale, colour and subject.
 * @returns The text, ending with a newline.
 * @example
 * formatText(report, { locale: 'en' })
 */
export function formatText(report: Report, options: TextFormatOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const labels = LABELS[locale];
  const paint = (colour: keyof typeof ANSI, s: string) => (options.color ? `${ANSI[colour]}${s}${ANSI.reset}` : s);
  const verdict = report.valid ? paint('bold', labels.valid) : paint('red', labels.invalid);
  // Every field from the package goes through escapeTerminalText: one line per issue, no escape sequences.
  const lines = [`${options.subject ? `${safe(options.subject)}: ` : ''}${verdict} [${safe(report.profile)}]`];
  for (const aspect of ASPECTS) {
    const issues = report.issues.filter((i) => i.aspect === aspect);
    if (issues.length === 0) continue;
    lines.push('', paint('bold', `${labels.aspect[aspect]} (${issues.length})`));
    for (const issue of issues) lines.push(`  ${formatIssueLine(issue, locale, paint)}`);
  }
  const manual = report.checks.filter((c) => c.status === 'manual').map((c) => {
    const title = options.describeCheck?.(c.id);
    return title ? labels.titled(title, c.id) : c.id;
  });
  if (manual.length > 0) lines.push('', `${labels.manual}${safe(manual.join(labels.separator))}`);
  lines.push('', labels.summary(report));
  return `${lines.join('\n')}\n`;
}

function formatIssueLine(
  issue: Issue,
  locale: Locale,
  paint: (colour: 'red' | 'yellow' | 'cyan', s: string) => string,
): string {
  const colour = issue.severity === 'error' ? 'red' : issue.severity === 'warning' ? 'yellow' : 'cyan';
  const where = safe([issue.path, issue.location && `${issue.location.line}:${issue.location.column}`].filter(Boolean).join(':'));
  const check = issue.check ? ` ${safe(issue.check)}` : '';
  const labels = LABELS[locale];
  const parts = [
    issue.expected !== undefined ? `${labels.expected}${show(issue.expected)}` : undefined,
    issue.received !== undefined ? `${labels.received}${show(issue.received)}` : undefined,
  ].filter((p) => p !== undefined);
  const detail = parts.length > 0 ? labels.detail(parts) : '';
  return `${paint(colour, severityLabel(issue.severity, locale))} ${safe(issue.code)}${check}${where ? ` ${where}` : ''} ${safe(issue.message)}${detail}`;
}

function show(value: unknown): string {
  return safe(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));
}
