import { readFile } from 'node:fs/promises';
import type { ArchivalCodeProfile, ArchivalCodeProfileDefinition } from '../filing/profile.js';
import { builtinProfileDefinitions } from '../filing/builtinProfiles.js';
import type { Issue } from '../report/issue.js';
import type { StreamedIssues } from '../report/issueSink.js';
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
 * @param streamed - Issues already written out (`--format jsonl`), counted with the policy applied: they
 *   count in the summary and fail their checks, but are not in `report.issues`.
 * @returns The adjusted report (the same object when there is nothing to change).
 * @example
 * applyReportPolicy(report, { 'fixity.mismatch': 'warning' }, false, (i) => i.check).valid
 */
export function applyReportPolicy(report: Report, overrides: SeverityOverrides, strict: boolean, checkOf: (issue: Issue) => string | undefined, streamed?: StreamedIssues): Report {
  if (!strict && Object.keys(overrides).length === 0) return report;
  const issues = applySeverityPolicy(report.issues, overrides, strict);
  const failing = new Set(issues.filter((i) => i.severity !== 'info').map(checkOf));
  const checks = report.checks.map((c) =>
    c.status === 'passed' || c.status === 'failed' ? { ...c, status: failing.has(c.id) ? ('failed' as const) : ('passed' as const) } : c,
  );
  return buildReport({ profile: report.profile, issues, checks, files: report.summary.files, bytes: report.summary.bytes, ...(report.shard ? { shard: report.shard } : {}), ...(streamed ? { streamed } : {}) });
}

/** The `--code-profiles FILE.json` option (`code`, `classify`, `build`, `validate`). */
export const CODE_PROFILE_OPTIONS = { 'code-profiles': { type: 'string' } } as const;

/**
 * Reads the custom 档号 profiles of a JSON file: one profile definition
 * (`{ "id", "template", … }`, as `registerProfile` takes) or an array of them,
 * compiled but not registered. `validate` and `build` pass them to the API
 * (`archivalCodeProfiles`), so both read a local 档号 scheme alike.
 *
 * @param file - The JSON file, or `undefined` for none.
 * @returns The compiled profiles.
 * @throws UsageError when the file cannot be read, is not JSON, holds an invalid definition or names a built-in profile.
 * @example
 * (await readCodeProfiles('city-archive.json')).map((p) => p.id) //=> ['city-archive']
 */
export async function readCodeProfiles(file: string | undefined): Promise<ArchivalCodeProfile[]> {
  const definitions = await readCodeProfileDefinitions(file);
  if (definitions.length === 0) return [];
  // Loaded here, not at start-up: checking a definition needs zod, which most runs never use.
  const { compileProfile } = await import('../filing/profileDefinition.js');
  return definitions.map(({ definition, at }) => {
    let profile: ArchivalCodeProfile;
    try {
      profile = compileProfile(definition);
    } catch (error) {
      throw new UsageError(`${at}: ${(error as Error).message}`);
    }
    if (builtinProfileDefinitions.some((d) => d.id === profile.id)) throw new UsageError(`${at}: "${profile.id}" is a built-in archival-code profile and cannot be replaced`);
    return profile;
  });
}

/** The definitions of a `--code-profiles` file, each with where it is for messages. */
async function readCodeProfileDefinitions(file: string | undefined): Promise<{ definition: ArchivalCodeProfileDefinition; at: string }[]> {
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
  return definitions.map((definition, index) => ({
    definition: definition as ArchivalCodeProfileDefinition,
    at: `--code-profiles: ${file}${Array.isArray(value) ? ` [${index}]` : ''}`,
  }));
}

/**
 * Registers the custom 档号 profiles of a JSON file (see {@link readCodeProfiles}):
 * they then work with `--profile ID` and are tried first by auto-detection (`code`, `classify`).
 *
 * @param file - The JSON file, or `undefined` for none.
 * @returns The ids registered.
 * @throws UsageError as {@link readCodeProfiles} does.
 * @example
 * await loadCodeProfiles('city-archive.json') //=> ['city-archive']
 */
export async function loadCodeProfiles(file: string | undefined): Promise<string[]> {
  const definitions = await readCodeProfileDefinitions(file);
  if (definitions.length === 0) return [];
  // Loaded here, not at start-up: checking a definition needs zod, which most runs never use.
  const { registerProfile } = await import('../filing/profileDefinition.js');
  return definitions.map(({ definition, at }) => {
    try {
      return registerProfile(definition, { replace: true }).id;
    } catch (error) {
      throw new UsageError(`${at}: ${(error as Error).message}`);
    }
  });
}
