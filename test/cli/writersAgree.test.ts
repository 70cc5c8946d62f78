import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { writeCatalogueCsv } from '../../src/formats/catalogue/csv/writeCatalogueCsv.js';
import type { CatalogueEntry } from '../../src/model/catalogueEntry.js';
import { memoryIo } from './memoryIo.js';
import { validateBag } from '../../src/package/bagit/validateBag.js';
import { openDirectorySource } from '../../src/node/directorySource.js';

const LOCAL_PROFILE = fileURLToPath(new URL('../fixtures/codeProfiles/z109-local.json', import.meta.url));

/**
 * Writers validate what they write (issue 15, must show): for every input of
 * `dangan build` and `dangan bag` — DA/T 13 档号, a local 档号 scheme with and
 * without --fonds-code, entries without files, tricky file names — the
 * writer's exit code is `validate`'s on what it wrote; a failed run leaves no
 * output (and no temporary sibling), and rerunning it gives the same answer.
 * A local 档号 scheme given as `--code-profiles` to both commands is read
 * alike by both: the package is written and validate passes it.
 */
async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  const m = memoryIo();
  const code = await run(args, m.io);
  return { code, stdout: m.stdout() };
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dangan-writers-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs a writer twice into `out` (removing a placed output in between) and checks both runs against validate. */
async function expectWriterAgrees(writer: (out: string) => string[], out: string, validateFlags: string[] = []): Promise<number> {
  const first = await cli(writer(out));
  const written = existsSync(out);
  const leftovers = () => readdirSync(dirname(out)).filter((name) => name.startsWith(`.${basename(out)}.dangan-`));
  expect(leftovers()).toEqual([]);
  if (!written) {
    // Nothing written: the run failed (exit 1) and a rerun is not refused as output-exists.
    expect(first.code, first.stdout).toBe(1);
    expect((await cli(writer(out))).code).toBe(1);
    expect(existsSync(out)).toBe(false);
    return first.code;
  }
  const verdict = await cli(['validate', out, '--format', 'json', ...validateFlags]);
  expect(first.code, `${first.stdout}\n${verdict.stdout}`).toBe(verdict.code);
  expect(first.code).toBe(0);
  return first.code;
}

describe('dangan build: exit code = validate on what it wrote', () => {
  const entry = (archivalCode: string, n: number, extra: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
    sequenceNumber: n,
    archivalCode,
    author: '某市人民政府办公室',
    title: `关于第${n}项工作的通知`,
    date: '20240302',
    pageCount: 2,
    ...extra,
  });
  const inputs: Record<string, { codes: string[]; flags: string[]; validateFlags?: string[]; extra?: Partial<CatalogueEntry>; missingFile?: boolean }> = {
    'DA/T 13 档号': { codes: ['Z109-WS·2024-Y-BGS-0001', 'Z109-WS·2024-Y-BGS-0002'], flags: [] },
    'local scheme with --fonds-code and --category': { codes: ['Z109-2024-BGS-Y-0001', 'Z109-2024-BGS-Y-0002'], flags: ['--fonds-code', 'Z109', '--category', 'WS'] },
    'local scheme with 保管期限 given': { codes: ['Z109-2024-BGS-Y-0001'], flags: ['--fonds-code', 'Z109', '--category', 'WS'], extra: { retentionPeriod: 'Y' } },
    'local scheme without --fonds-code': { codes: ['Z109-2024-BGS-Y-0001', 'Z109-2024-BGS-Y-0002'], flags: ['--category', 'WS'] },
    'local scheme with --code-profiles': {
      codes: ['Z109-2024-BGS-Y-0001', 'Z109-2024-BGS-Y-0002'],
      flags: ['--fonds-code', 'Z109', '--category', 'WS', '--code-profiles', LOCAL_PROFILE],
      validateFlags: ['--code-profiles', LOCAL_PROFILE],
    },
    'an entry without files': { codes: ['Z109-WS·2024-Y-BGS-0001', 'Z109-WS·2024-Y-BGS-0002'], flags: [], missingFile: true },
  };
  for (const [name, input] of Object.entries(inputs)) {
    for (const zip of [false, true]) {
      it(`${name}${zip ? ' (--zip)' : ''}`, async () => {
        const dir = mkdtempSync(join(tmp, 'build-'));
        const files = join(dir, 'files');
        mkdirSync(files);
        input.codes.forEach((code, i) => {
          if (!(input.missingFile && i === input.codes.length - 1)) writeFileSync(join(files, `${code}.pdf`), `%PDF-1.4\n${i}\n%%EOF\n`);
        });
        const csv = join(dir, '归档文件目录.csv');
        writeFileSync(csv, writeCatalogueCsv(input.codes.map((code, i) => entry(code, i + 1, input.extra))));
        const out = join(dir, zip ? '移交信息包.zip' : '移交信息包');
        const args = (o: string) => ['build', csv, files, '-o', o, '--fonds-name', '某市人民政府办公室', ...input.flags, ...(zip ? ['--zip'] : []), '--format', 'json'];
        const code = await expectWriterAgrees(args, out, input.validateFlags);
        if (name === 'DA/T 13 档号') expect(code).toBe(0);
        if (name === 'local scheme with --code-profiles') {
          expect(code).toBe(0);
          // The profiles are an option of that run, not left registered: without them validate rejects the codes.
          const without = JSON.parse((await cli(['validate', out, '--format', 'json'])).stdout) as { valid: boolean; issues: { code: string }[] };
          expect(without.valid).toBe(false);
          expect(without.issues.map((i) => i.code)).toContain('archival-code.malformed');
        }
        if (name === 'an entry without files' || name === 'local scheme without --fonds-code') expect(code).toBe(1);
      }, 60_000);
    }
  }
});

describe('dangan build: the fixture inputs (digitisation batches), every output option', () => {
  const digitisation = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/digitisation');
  const options: Record<string, string[]> = { default: [], '--zip': ['--zip'], 'sha256, gb18030, 2012 element set': ['--algorithm', 'sha256', '--encoding', 'gb18030', '--edition', '2012'] };
  for (const batch of ['valid', 'faults']) {
    for (const [name, flags] of Object.entries(options)) {
      it(`${batch}/catalogue.csv + batch/ (${name})`, async () => {
        const out = join(mkdtempSync(join(tmp, 'build-')), flags.includes('--zip') ? '移交信息包.zip' : '移交信息包');
        const args = (o: string) => ['build', join(digitisation, batch, 'catalogue.csv'), join(digitisation, batch, 'batch'), '-o', o, '--fonds-name', '某区档案馆', ...flags, '--format', 'json'];
        const code = await expectWriterAgrees(args, out);
        if (batch === 'valid') expect(code).toBe(0);
      }, 60_000);
    }
  }
});

describe('dangan bag --transfer-package: every transfer package of the corpus', () => {
  const cases = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/packages');
  const index = JSON.parse(readFileSync(join(cases, 'cases.json'), 'utf8')) as { profiles: { dat93: { passing: Record<string, string>; checks: Record<string, { pass: string; fail?: { package: string }[] }> } } };
  const { dat93 } = index.profiles;
  const packages = [...new Set([...Object.values(dat93.passing), ...Object.values(dat93.checks).flatMap((c) => [c.pass, ...(c.fail ?? []).map((f) => f.package)])])]
    .filter((rel) => statSync(join(cases, rel)).isDirectory())
    .sort();
  it('covers the dat93 packages of the corpus', () => {
    expect(packages.length).toBeGreaterThan(30);
  });
  it('wraps exactly the packages validate passes; the bag written passes validate, a refused one leaves nothing', async () => {
    const wrapped: string[] = [];
    for (const rel of packages) {
      const out = join(mkdtempSync(join(tmp, 'wrap-')), 'bag');
      const verdict = await cli(['validate', join(cases, rel), '--profile', 'dat93', '--format', 'json']);
      const bag = await cli(['bag', join(cases, rel), '--out', out, '--transfer-package', '--date', '2025-01-02']);
      expect(readdirSync(dirname(out)), rel).toEqual(existsSync(out) ? ['bag'] : []);
      if (verdict.code === 0) {
        expect({ rel, code: bag.code, written: existsSync(out) }).toEqual({ rel, code: 0, written: true });
        expect((await cli(['validate', out, '--format', 'json'])).code, rel).toBe(0);
        wrapped.push(rel);
      } else {
        // Refused: 1 with validate's verdict, or 2 for a payload no bag can carry (a link); nothing written either way.
        expect({ rel, written: existsSync(out), refused: bag.code !== 0 }).toEqual({ rel, written: false, refused: true });
        expect(bag.code === 1 || rel === 'cases/security.entries--link', `${rel}: exit ${bag.code}`).toBe(true);
      }
    }
    expect(wrapped).toContain('cases/valid');
  }, 240_000);
});

describe('dangan bag: exit code = validate on what it wrote', () => {
  // Names RFC 8493 allows (CR and LF percent-encoded in manifests) that Windows does not: at most warnings in a bag.
  const tricky = ['cr\rname.txt', 'lf\nname.txt', 'tab\tname.txt', 'star*.txt', 'what?.txt', 'ends-with-dot.', 'space .txt', 'per%cent.txt', '中文 名.txt', 'CON.txt', 'pipe|.txt', 'quote".txt', 'a<b>.txt'];
  for (const name of tricky) {
    it(`payload file ${JSON.stringify(name)}`, async () => {
      const dir = mkdtempSync(join(tmp, 'bag-'));
      const payload = join(dir, 'payload');
      mkdirSync(join(payload, 'sub'), { recursive: true });
      writeFileSync(join(payload, name), name);
      writeFileSync(join(payload, 'sub', name), `sub ${name}`);
      const out = join(dir, 'bag');
      const code = await expectWriterAgrees((o) => ['bag', payload, '--out', o, '--date', '2025-01-02'], out);
      expect(code).toBe(0);
      const report = JSON.parse((await cli(['validate', out, '--format', 'json'])).stdout) as { issues: { code: string; severity: string }[] };
      for (const issue of report.issues.filter((i) => i.code === 'limits.entry-name')) expect(issue.severity).toBe('warning');
      expect((await cli(['bag', '--validate', out])).code).toBe(0);
      // One rule set for bags (issue 15, build 4): the validateBag API gives the verdict the CLI gives.
      const api = await validateBag(await openDirectorySource(out));
      const errors = (issues: readonly { code: string; severity: string }[]) => issues.filter((i) => i.severity === 'error').map((i) => i.code);
      expect({ valid: api.valid, errors: errors(api.issues) }).toEqual({ valid: true, errors: errors(report.issues) });
    }, 60_000);
  }

  it('a transfer package validate rejects is not wrapped (nothing left behind)', async () => {
    const dir = mkdtempSync(join(tmp, 'bag-'));
    const pkg = join(dir, '移交信息包');
    mkdirSync(join(pkg, '文书'), { recursive: true });
    writeFileSync(join(pkg, '说明文件.TXT'), '说明');
    writeFileSync(join(pkg, '文书', '目录文件.XML'), '<a/>');
    const out = join(dir, 'bag');
    expect(await expectWriterAgrees((o) => ['bag', pkg, '--out', o, '--transfer-package'], out)).toBe(1);
  }, 60_000);
});
