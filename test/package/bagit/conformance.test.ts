import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDirectorySource } from '../../../src/node/index.js';
import { validateBag } from '../../../src/package/bagit/index.js';

// The LoC BagIt conformance suite (CC0) is vendored in test/fixtures, byte-exact (.gitattributes: -text); a missing corpus fails the run.
const SUITE = fileURLToPath(new URL('../../fixtures/bagit-conformance-suite/', import.meta.url));

/**
 * The code each non-valid bag must produce. Folder category decides valid /
 * invalid / warning; this table pins the rule that decides it. Both
 * platform folders are invalid on every OS here (see docs/bagit.md): the path
 * rules reject them before any file-system access, whatever the host.
 */
const EXPECTED_CODE: Readonly<Record<string, string>> = {
  'v0.97/invalid/baginfo-missing-encoding': 'bagit.bagit-txt.encoding-missing',
  'v0.97/invalid/bom-in-bagit.txt': 'bagit.bagit-txt.bom',
  'v0.97/invalid/corrupt-data-file': 'bagit.fixity.mismatch',
  'v0.97/invalid/corrupt-tag-file': 'bagit.fixity.mismatch',
  'v0.97/invalid/extra-file-in-bag': 'bagit.payload.unlisted',
  'v0.97/invalid/invalid-version-number': 'bagit.bagit-txt.version-invalid',
  'v0.97/invalid/missing-baginfo': 'bagit.tag-file.missing',
  'v0.97/invalid/missing-bagit.txt': 'bagit.bagit-txt.missing',
  'v0.97/invalid/out-of-scope-file-paths-using-dot-notation': 'bagit.path.traversal',
  'v0.97/invalid/out-of-scope-file-paths-using-dot-notation-for-fetch': 'bagit.path.traversal',
  'v0.97/invalid/same-filename-listed-twice-with-different-hashes': 'bagit.manifest.duplicate-mismatch',
  'v0.97/linux-only/out-of-scope-file-paths-using-absolute-path': 'bagit.path.absolute',
  'v0.97/linux-only/out-of-scope-file-paths-using-absolute-path-for-fetch': 'bagit.path.absolute',
  'v0.97/linux-only/out-of-scope-file-paths-using-shortcut': 'bagit.path.home',
  'v0.97/linux-only/out-of-scope-file-paths-using-shortcut-for-fetch': 'bagit.path.home',
  'v0.97/linux-only/out-of-scope-file-paths-using-shortcut-username': 'bagit.path.home',
  'v0.97/linux-only/out-of-scope-file-paths-using-shortcut-username-for-fetch': 'bagit.path.home',
  'v0.97/windows-only/out-of-scope-file-paths-using-absolute-path': 'bagit.path.drive',
  'v0.97/windows-only/out-of-scope-file-paths-using-absolute-path-for-fetch': 'bagit.path.drive',
  'v0.97/windows-only/out-of-scope-file-paths-using-shortcut': 'bagit.path.variable',
  'v0.97/windows-only/out-of-scope-file-paths-using-shortcut-for-fetch': 'bagit.path.variable',
  'v0.97/windows-only/out-of-scope-file-paths-using-unc': 'bagit.path.unc',
  'v0.97/windows-only/out-of-scope-file-paths-using-unc-for-fetch': 'bagit.path.unc',
  'v0.97/warning/duplicate-file-with-different-case': 'bagit.lint.different-case',
  'v0.97/warning/made-with-md5sum-tools': 'bagit.lint.md5sum-marker',
  'v0.97/warning/relative-path': 'bagit.lint.leading-dot-slash',
  'v0.97/warning/same-filename-listed-twice-with-different-normalization': 'bagit.manifest.normalization-conflict',
  'v0.97/warning/same-filename-listed-twice-with-the-same-hash': 'bagit.manifest.duplicate',
  'v0.97/warning/special-system-files': 'bagit.lint.os-files',
  'v1.0/invalid/bagit-with-invalid-whitespace': 'bagit.bagit-txt.whitespace',
  'v1.0/invalid/notAllManifestsListAllFiles': 'bagit.payload.unlisted',
  'v1.0/invalid/same-filename-listed-twice-with-different-hashes': 'bagit.manifest.duplicate-mismatch',
  'v1.0/invalid/same-filename-listed-twice-with-the-same-hash': 'bagit.manifest.duplicate',
};

/** The warning-level codes every bag may carry for its age or algorithm; they do not make a warning bag pass. */
const AMBIENT = new Set(['bagit.lint.old-version', 'bagit.lint.weak-algorithm', 'bagit.lint.payload-oxum-missing']);

type Category = 'valid' | 'invalid' | 'warning' | 'linux-only' | 'windows-only';

function listBags(): { id: string; category: Category; dir: string }[] {
  const bags: { id: string; category: Category; dir: string }[] = [];
  for (const version of readdirSync(SUITE).filter((d) => /^v\d/.test(d)).sort()) {
    for (const category of readdirSync(join(SUITE, version)).sort() as Category[]) {
      for (const name of readdirSync(join(SUITE, version, category)).sort()) {
        bags.push({ id: `${version}/${category}/${name}`, category, dir: join(SUITE, version, category, name) });
      }
    }
  }
  return bags;
}

const outcomes: { id: string; ok: boolean }[] = [];

afterAll(() => {
  const passed = outcomes.filter((o) => o.ok).length;
  console.log(`BagIt conformance suite: ${passed}/${outcomes.length} bags as expected`);
});

describe('LoC bagit-conformance-suite', () => {
  const bags = listBags();

  it('holds the 60 bags of the pinned commit', () => {
    expect(bags).toHaveLength(60);
  });

  it.each(bags)('$id', async ({ id, category, dir }) => {
    const report = await validateBag(await openDirectorySource(dir));
    const codes = report.issues.map((i) => i.code);
    const warnings = report.issues.filter((i) => i.severity === 'warning' && !AMBIENT.has(i.code));
    let ok: boolean;
    if (category === 'valid') ok = report.valid;
    else if (category === 'warning') ok = report.valid && warnings.length > 0;
    else ok = !report.valid;
    const expectedCode = EXPECTED_CODE[id];
    if (expectedCode) ok &&= codes.includes(expectedCode);
    outcomes.push({ id, ok });
    expect({ id, valid: report.valid, codes }).toMatchObject({ id, valid: category === 'valid' || category === 'warning' });
    if (category === 'warning') expect(warnings.length).toBeGreaterThan(0);
    if (category !== 'valid') expect(codes).toContain(expectedCode);
    expect(ok).toBe(true);
    for (const issue of report.issues) expect(issue.message, issue.code).not.toMatch(/\{\w+\}/);
  });

  it('keys the duplicate-entry severity on the declared version (#48 warning, #59 error)', async () => {
    const old = await validateBag(await openDirectorySource(join(SUITE, 'v0.97/warning/same-filename-listed-twice-with-the-same-hash')));
    const v1 = await validateBag(await openDirectorySource(join(SUITE, 'v1.0/invalid/same-filename-listed-twice-with-the-same-hash')));
    expect(old.issues.find((i) => i.code === 'bagit.manifest.duplicate')?.severity).toBe('warning');
    expect(v1.issues.find((i) => i.code === 'bagit.manifest.duplicate')?.severity).toBe('error');
  });

  it('rejects unsafe paths before looking them up: nothing outside the bag is hashed', async () => {
    const dir = join(SUITE, 'v0.97/invalid/out-of-scope-file-paths-using-dot-notation');
    const source = await openDirectorySource(dir);
    const asked: string[] = [];
    const spy = { ...source, read: (p: string, o?: { maxBytes?: number }) => (asked.push(p), source.read(p, o)), digest: (r: Parameters<typeof source.digest>[0]) => (asked.push(...r.map((x) => x.path)), source.digest(r)) };
    const report = await validateBag(spy);
    expect(report.issues.filter((i) => i.code === 'bagit.path.traversal').map((i) => i.received)).toEqual(['../../../README.md', '\\.\\./\\.\\./\\.\\./README.md']);
    expect(asked.every((p) => !p.includes('..') && !p.includes('\\'))).toBe(true);
  });

  it('decodes UTF-16 and ISO-8859-1 tag files as declared', async () => {
    for (const name of ['UTF-16-encoded-tag-files', 'ISO-8859-1-encoded-tag-files']) {
      const report = await validateBag(await openDirectorySource(join(SUITE, 'v0.97/valid', name)));
      expect(report.valid).toBe(true);
      expect(report.issues.map((i) => i.code)).toContain('bagit.lint.tag-file-encoding');
      expect(report.checks.find((c) => c.id === 'bagit.fixity')?.status).toBe('passed');
    }
  });

  it('reports fixity expected/received in algorithm:hex form', async () => {
    const report = await validateBag(await openDirectorySource(join(SUITE, 'v0.97/invalid/corrupt-data-file')), { locale: 'en' });
    const mismatch = report.issues.find((i) => i.code === 'bagit.fixity.mismatch');
    expect(mismatch).toMatchObject({ path: 'data/bare-filename', aspect: 'authenticity', severity: 'error', expected: 'md5:751e32179ec8acd71081654527f2e771' });
    expect(String(mismatch?.received)).toMatch(/^md5:[0-9a-f]{32}$/);
    expect(report.issues.find((i) => i.code === 'bagit.oxum.mismatch')).toMatchObject({ expected: '58.2', received: '66.2' });
  });

  it('fast mode checks only Payload-Oxum; no-fixity mode checks completeness without hashing', async () => {
    const corrupt = join(SUITE, 'v0.97/invalid/corrupt-tag-file');
    const full = await validateBag(await openDirectorySource(corrupt));
    const completeness = await validateBag(await openDirectorySource(corrupt), { fixity: false });
    expect(full.valid).toBe(false);
    expect(completeness.valid).toBe(true);
    expect(completeness.checks.find((c) => c.id === 'bagit.fixity')?.status).toBe('skipped');
    const extra = await validateBag(await openDirectorySource(join(SUITE, 'v0.97/invalid/extra-file-in-bag')), { fast: true });
    expect(extra.issues.map((i) => i.code)).toContain('bagit.oxum.mismatch');
    expect(extra.checks.find((c) => c.id === 'bagit.completeness')?.status).toBe('skipped');
    const noOxum = await validateBag(await openDirectorySource(join(SUITE, 'v1.0/valid/basicBag')), { fast: true });
    expect(noOxum.issues.map((i) => i.code)).toContain('bagit.oxum.required');
  });
});
