import type { Issue, Severity } from '../issue.js';
import type { Report } from '../report.js';
import { checksWithIssues, type CheckFormatOptions } from './checkInfo.js';

/** SARIF 2.1.0 result levels per dangan severity. */
const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * Renders a report as SARIF 2.1.0 (OASIS) for code-scanning tools. Every
 * check is a rule (`id` = the stable check id, with its title, 四性 aspect
 * and DA/T 70 item in `properties`); every issue is a result with the rule,
 * a level (`error`/`warning`/`note`), the package-relative path as a
 * percent-encoded URI relative to `%SRCROOT%`, and a 1-based region when the
 * issue has a line and column. Manual checks become results of kind `review`.
 *
 * @param report - The report.
 * @param options - Check resolver and descriptions (from the validator) and tool version.
 * @returns The SARIF log as pretty-printed JSON with a trailing newline.
 * @example
 * JSON.parse(formatSarif(report)).version //=> '2.1.0'
 */
export function formatSarif(report: Report, options: CheckFormatOptions = {}): string {
  const checks = checksWithIssues(report, options.checkOf);
  const index = new Map(checks.map((c, i) => [c.id, i]));
  const rules = checks.map(({ id, status }) => {
    const d = options.describe?.(id);
    return {
      id,
      ...(d?.title ? { shortDescription: { text: d.title } } : {}),
      ...(d?.severity ? { defaultConfiguration: { level: LEVEL[d.severity] } } : {}),
      properties: {
        ...(d?.aspect ? { aspect: d.aspect } : {}),
        ...(d?.dat70 ? { dat70: d.dat70 } : {}),
        ...(d?.yj ? { yj: d.yj } : {}),
        ...(d?.confidence ? { confidence: d.confidence } : {}),
        status,
      },
    };
  });
  const results = [
    ...checks.flatMap(({ id, issueList }) => issueList.map((issue) => toResult(issue, id, index.get(id)!))),
    ...checks
      .filter((c) => c.status === 'manual')
      .map((c) => ({
        ruleId: c.id,
        ruleIndex: index.get(c.id)!,
        kind: 'review',
        level: 'none',
        message: { text: 'Manual check: a person must do it.' },
      })),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dangan',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            informationUri: 'https://www.npmjs.com/package/dangan',
            rules,
          },
        },
        invocations: [{ executionSuccessful: true }],
        results,
        properties: { profile: report.profile, valid: report.valid, summary: report.summary },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toResult(issue: Issue, ruleId: string, ruleIndex: number) {
  const region = issue.location ? { region: { startLine: issue.location.line, startColumn: issue.location.column } } : {};
  return {
    ruleId,
    ruleIndex,
    level: LEVEL[issue.severity],
    message: { text: issue.message },
    ...(issue.path !== undefined
      ? { locations: [{ physicalLocation: { artifactLocation: { uri: toUri(issue.path), uriBaseId: '%SRCROOT%' }, ...region } }] }
      : {}),
    properties: {
      code: issue.code,
      aspect: issue.aspect,
      ...(issue.check ? { dat70: issue.check } : {}),
      ...(issue.expected !== undefined ? { expected: issue.expected } : {}),
      ...(issue.received !== undefined ? { received: issue.received } : {}),
    },
  };
}

/** A package-relative path as a relative URI reference (RFC 3986), segment by segment. */
function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
