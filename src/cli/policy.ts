import { readFile } from 'node:fs/promises';
import type { ArchivalCodeProfileDefinition } from '../filing/profile.js';
import type { Issue } from '../report/issue.js';
import { buildReport, type Report } from '../report/report.js';
import { applySeverityPolicy, type SeverityOverrides } from '../report/severityPolicy.js';
import { UsageError } from './io.js';

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** The `--severity` and `--strict` options, as `parseArgs` declares them (shared by `validate`, `bag --validate` and `catalogue check`). */
export const SEVERITY_OPTIONS = {
  strict: { type: 'boolean' },
  severity: { type: 'string', multiple: true },
} as const;

/**
 * Parses `--severity CODE=error|warning|info|off[,…]` (repeatable).
 *
 * @param values - The raw option values.
 * @returns Severity per issue code.
 * @throws UsageError for a pair that is not `CODE=LEVEL`.
 * @example
 * parseSeverityOverrides(['fixity.mismatch=warning,eep.signature=off']) //=> { 'fixity.mismatch': 'warning', 'eep.signature': 'off' }
 */
export function parseSeverityOverrides(values: readonly string[] | undefined): SeverityOverrides {
  const overrides: Record<string, SeverityOverrides[string]> = {};
  for (const pair of (values ?? []).flatMap((v) => v.split(','))) {
    const [code, level, ...rest] = pair.split('=').map((s) => s.trim());
    if (!code || !level || rest.length > 0 || !SEVERITIES.has(level)) throw new UsageError(`--severity expects CODE=error|warning|info|off, not "${pair}"`);
    overrides[code] = level as SeverityOverrides[string];
  }
  return overrides;
}

/**
 * Applies a caller's severity policy to a finished report: per-code overrides
 * (`off` drops the issue), `strict` turns warnings into errors. Checks keep
 * `skipped` and `manual`; an automatic check is `failed` while one of its issues
 * is a warning or an error, else `passed`. The verdict and summary follow.
 *
 * @param report - The report as validated.
 * @param overrides - Severity per issue code.
 * @param strict - Treat warnings as errors.
 * @param checkOf - The check an issue belongs to.
 * @returns The adjusted report (the same object when there is nothing to change).
 * @example
 * applyReportPolicy(report, { 'fixity.mismatch': 'warning' }, false, (i) => i.check).valid
 */
export function applyReportPolicy(report: Report, overrides: SeverityOverrides, strict: boolean, checkOf: (issue: Issue) => string | undefined): Report {
  if (!strict && Object.keys(overrides).length === 0) return report;
  const issues = applySeverityPolicy(report.issues, overrides, strict);
  const failing = new Set(issues.filter((i) => i.severity !== 'info').map(checkOf));
  const checks = report.checks.map((c) =>
    c.status === 'passed' || c.status === 'failed' ? { ...c, status: failing.has(c.id) ? ('failed' as const) : ('passed' as const) } : c,
  );
  return buildReport({ profile: report.profile, issues, checks, files: report.summary.files, bytes: report.summary.bytes });
}

/** The `--code-profiles FILE.json` option (`code`, `classify`, `build`, `validate`). */
export const CODE_PROFILE_OPTIONS = { 'code-profiles': { type: 'string' } } as const;

/**
 * Registers the custom 档号 profiles of a JSON file: one profile definition
 * (`{ "id", "template", … }`, as `registerProfile` takes) or an array of them.
 * They then work with `--profile ID` and are tried first by auto-detection.
 *
 * @param file - The JSON file, or `undefined` for none.
 * @returns The ids registered.
 * @throws UsageError when the file cannot be read, is not JSON, or holds an invalid definition.
 * @example
 * await loadCodeProfiles('city-archive.json') //=> ['city-archive']
 */
export async function loadCodeProfiles(file: string | undefined): Promise<string[]> {
  if (file === undefined) return [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--code-profiles: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`--code-profiles: ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const definitions = Array.isArray(value) ? value : [value];
  // Loaded here, not at start-up: checking a definition needs zod, which most runs never use.
  const { registerProfile } = await import('../filing/profileDefinition.js');
  return definitions.map((definition, index) => {
    try {
      return registerProfile(definition as ArchivalCodeProfileDefinition, { replace: true }).id;
    } catch (error) {
      throw new UsageError(`--code-profiles: ${file}${Array.isArray(value) ? ` [${index}]` : ''}: ${(error as Error).message}`);
    }
  });
}
