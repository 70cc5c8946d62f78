import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBag, wrapTransferPackage } from '../../src/node/createBag.js';
import { validatePath } from '../../src/node/validatePath.js';
import { packageCheckIds } from '../../src/package/checks/registry.js';

const cases = join(import.meta.dirname, '../fixtures/packages/cases');
const tmp = mkdtempSync(join(tmpdir(), 'dangan-bagged-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function bagOf(name: string): Promise<string> {
  const copy = join(tmp, `${name}-src`);
  cpSync(join(cases, name), copy, { recursive: true });
  const bag = join(tmp, `${name}-bag`);
  const result = await wrapTransferPackage(copy, bag, { algorithms: ['sha256'] });
  if (result.placed) return bag;
  // A faulty package is not wrapped into a new bag (the writer refuses what validate rejects);
  // bag the copy in place instead, which leaves the bag with validate's verdict.
  expect(result.report.valid).toBe(false);
  await createBag(copy, { algorithms: ['sha256'] });
  return copy;
}

describe('a bagged transfer package (wrapTransferPackage)', () => {
  it('validates as bagit and, inside, as dat93: both sets of checks in one report', async () => {
    const report = await validatePath(await bagOf('valid'));
    expect(report.profile).toBe('bagit');
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const ids = report.checks.map((c) => c.id);
    expect(ids.some((id) => id.startsWith('bagit.'))).toBe(true);
    for (const id of packageCheckIds) expect(ids).toContain(id);
    expect(report.checks.find((c) => c.id === 'fixity.digest')?.status).toBe('passed');
  });

  it('reports a planted dat93 fault with its path inside data/', async () => {
    const report = await validatePath(await bagOf('metadata.type--year'));
    const fault = report.issues.find((i) => i.code === 'metadata.type-invalid');
    expect(fault?.path).toBe('data/Z109/WS/Z109-WS·2024-Y-BGS-0001/电子档案元数据.XML');
    expect(report.valid).toBe(false);
  });
});

describe('validatePackage bagit modes (options.bagit)', () => {
  // An MD5 bag, so that the full check has a lint warning (bagit.lint.weak-algorithm) to suppress.
  let md5Bag: Promise<string> | undefined;
  const bagMd5 = () =>
    (md5Bag ??= (async () => {
      const copy = join(tmp, 'modes-src');
      cpSync(join(cases, 'valid'), copy, { recursive: true });
      await wrapTransferPackage(copy, join(tmp, 'modes-bag'), { algorithms: ['md5'] });
      return join(tmp, 'modes-bag');
    })());

  it('fast compares Payload-Oxum only and does not open the bagged 移交信息包', async () => {
    const report = await validatePath(await bagMd5(), { bagit: { fast: true } });
    expect(report.profile).toBe('bagit');
    const ids = report.checks.map((c) => c.id);
    expect(report.checks.find((c) => c.id === 'bagit.oxum')?.status).toBe('passed');
    expect(report.checks.find((c) => c.id === 'bagit.fixity')?.status).toBe('skipped');
    expect(ids).not.toContain('fixity.digest');
  });

  it('suppress leaves the named lint warnings out and nothing else', async () => {
    const bag = await bagMd5();
    const full = await validatePath(bag);
    const lint = full.issues.filter((i) => i.code.startsWith('bagit.lint.')).map((i) => i.code);
    expect(lint.length).toBeGreaterThan(0);
    const suppressed = await validatePath(bag, { bagit: { suppress: lint } });
    expect(suppressed.issues.map((i) => i.code)).toEqual(full.issues.map((i) => i.code).filter((c) => !lint.includes(c)));
    expect(suppressed.checks.map(({ id, status }) => ({ id, status }))).toEqual(full.checks.map(({ id, status }) => ({ id, status })));
  });
});
