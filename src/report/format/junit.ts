import type { Issue } from '../issue.js';
import type { Report } from '../report.js';
import { checksWithIssues, type CheckFormatOptions } from './checkInfo.js';

/**
 * Renders a report as JUnit XML for CI dashboards: one `<testcase>` per check
 * (named by the stable check id, classname `dangan.<profile>.<aspect>`). A
 * check with error-level issues fails and its `<failure>` lists every issue
 * (code, path:line:column, message, expected/received); warnings and infos go
 * to `<system-out>` so the test passes, as the exit code does. Skipped and
 * manual checks are `<skipped>` with a message. The testcases are the
 * report's checks as {@link checksWithIssues} derives them: a testcase fails
 * exactly when the JSON report's check is `failed`.
 *
 * @param report - The report.
 * @param options - Check resolver and descriptions (from the validator) and tool version.
 * @returns The XML document, UTF-8, ending with a newline.
 * @example
 * formatJunit(report, { describe: (id) => ({ aspect: 'integrity' }) })
 */
export function formatJunit(report: Report, options: CheckFormatOptions = {}): string {
  const checks = checksWithIssues(report, options.checkOf);
  const cases: string[] = [];
  let failures = 0;
  let skipped = 0;
  for (const { id, status, issueList: issues } of checks) {
    const description = options.describe?.(id);
    const aspect = description?.aspect ?? issues[0]?.aspect ?? 'general';
    const name = description?.title ? `${id} ${description.title}` : id;
    const open = `    <testcase classname="${attr(`dangan.${report.profile}.${aspect}`)}" name="${attr(name)}" time="0"`;
    const errors = issues.filter((i) => i.severity === 'error');
    const others = issues.filter((i) => i.severity !== 'error');
    const body: string[] = [];
    if (status === 'failed' && errors.length > 0) {
      failures++;
      body.push(
        `      <failure message="${attr(errors[0]!.message)}" type="${attr(errors[0]!.code)}">${text(errors.map(describeIssue).join('\n'))}</failure>`,
      );
    } else if (status === 'skipped' || status === 'manual') {
      skipped++;
      body.push(`      <skipped message="${status === 'manual' ? 'manual check: a person must do it' : 'not run'}"/>`);
    }
    if (others.length > 0) body.push(`      <system-out>${text(others.map(describeIssue).join('\n'))}</system-out>`);
    cases.push(body.length === 0 ? `${open}/>` : `${open}>\n${body.join('\n')}\n    </testcase>`);
  }
  const counts = `tests="${checks.length}" failures="${failures}" errors="0" skipped="${skipped}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dangan" ${counts}>`,
    `  <testsuite name="${attr(`dangan.${report.profile}`)}" ${counts}>`,
    `    <properties>`,
    `      <property name="valid" value="${report.valid}"/>`,
    ...(options.toolVersion ? [`      <property name="dangan.version" value="${attr(options.toolVersion)}"/>`] : []),
    `    </properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function describeIssue(issue: Issue): string {
  const where = [issue.path, issue.location && `${issue.location.line}:${issue.location.column}`].filter(Boolean).join(':');
  const detail =
    issue.expected !== undefined || issue.received !== undefined
      ? ` (expected ${JSON.stringify(issue.expected)}, received ${JSON.stringify(issue.received)})`
      : '';
  return `[${issue.severity}] ${issue.code}${issue.check ? ` ${issue.check}` : ''}${where ? ` ${where}` : ''}: ${issue.message}${detail}`;
}

// XML 1.0 §2.2: strip characters XML cannot carry, then escape markup. DEL, C1 controls and
// bidi controls are legal XML but written as character references (the same text once parsed),
// so a CI log that prints the raw file shows no control or reordering character (issue 23).
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const REFERENCED = /[\r\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
function text(value: string): string {
  return value
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(REFERENCED, (ch) => `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`);
}
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
