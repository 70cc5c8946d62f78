import type { Report } from '../report.js';

/**
 * Serialises a report as the JSON of the public Report contract.
 *
 * @param report - The report.
 * @returns Pretty-printed JSON with a trailing newline.
 * @example
 * formatJson(buildReport({ profile: 'catalogue', issues: [] }))
 */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
