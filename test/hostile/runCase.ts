// Feeds one hostile case to the public reader it targets and returns what came back.
// Used by the corpus test and, bundled with esbuild, by measure.mjs (one child process per case).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCatalogueCsv } from '../../src/formats/catalogue/csv/readCatalogueCsv.js';
import { validateCatalogue } from '../../src/formats/catalogue/validateCatalogue.js';
import { validateEep } from '../../src/package/eep/validateEep.js';
import { validatePath } from '../../src/node/validatePath.js';
import type { Issue } from '../../src/report/issue.js';
import type { HostileCase } from '../fixtures/hostile/corpus.js';

/** What a reader returned for a case. */
export interface CaseOutcome {
  /** Issue codes, in report order, without repeats. */
  codes: string[];
  /** True when no issue is an error. */
  valid: boolean;
  /** The serialised issues, to look for leaked content (built on demand: a report can be large). */
  json(): string;
}

/**
 * Runs one case from the corpus directory `root`. Never catches: a throw is a failure of the reader.
 *
 * @param c - The case.
 * @param root - Folder the corpus was written to.
 * @returns Codes, validity and the issues as JSON.
 */
export async function runHostileCase(c: HostileCase, root: string): Promise<CaseOutcome> {
  const path = join(root, c.file);
  const issues = await issuesOf(c, path);
  return {
    codes: [...new Set(issues.map((i) => i.code))],
    valid: issues.every((i) => i.severity !== 'error'),
    json: () => JSON.stringify(issues),
  };
}

async function issuesOf(c: HostileCase, path: string): Promise<readonly Issue[]> {
  switch (c.reader) {
    case 'catalogue':
      return validateCatalogue(new Uint8Array(readFileSync(path)), { path: c.file, ...(c.limits ? { limits: c.limits } : {}) }).issues;
    case 'eep':
      return (await validateEep(new Uint8Array(readFileSync(path)), { path: c.file })).issues;
    case 'csv':
      return readCatalogueCsv(new Uint8Array(readFileSync(path)), { path: c.file }).issues;
    case 'package':
      return (await validatePath(path, c.limits ? { limits: c.limits } : {})).issues;
  }
}

/** Whether an outcome is what the case must produce. */
export function meetsExpectation(c: HostileCase, outcome: CaseOutcome): boolean {
  return c.expect === 'valid' ? outcome.valid : outcome.codes.includes(c.expect);
}
