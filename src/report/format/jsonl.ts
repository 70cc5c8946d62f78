import type { Report } from '../report.js';

/**
 * The report as JSON Lines (`--format jsonl`): one issue per line, each the
 * exact `Issue` object of the JSON format, then one last line
 * `{"type":"summary","valid":…,"profile":…,"summary":…,"checks":[…]}`.
 * A consumer reads issue by issue without holding the whole report, and the
 * CLI writes it line by line (no single string of the whole report). An
 * issue line is `{"type":"issue",…}` so the summary line is told apart by
 * its `type`.
 *
 * @param report - The report.
 * @returns The lines, each without its newline, issues first.
 * @example
 * [...formatJsonlLines(report)].at(-1) //=> '{"type":"summary","valid":true,…}'
 */
export function* formatJsonlLines(report: Report): Generator<string> {
  for (const issue of report.issues) yield JSON.stringify({ type: 'issue', ...issue });
  yield JSON.stringify({ type: 'summary', valid: report.valid, profile: report.profile, summary: report.summary, checks: report.checks });
}

/**
 * {@link formatJsonlLines} joined, each line ending with a newline.
 *
 * @param report - The report.
 * @returns The JSON Lines text.
 * @example
 * formatJsonl(report).split('\n').length //=> report.issues.length + 2
 */
export function formatJsonl(report: Report): string {
  let text = '';
  for (const line of formatJsonlLines(report)) text += `${line}\n`;
  return text;
}
