// The structure-aware fuzz mutations (issue 23) reach what they are for: the zip model writes its seed
// back byte for byte and its mutations provoke every zip finding; the EEP mutations change structure.
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeEep } from '../../src/formats/eep/writeEep.js';
import { validateEep } from '../../src/package/eep/validateEep.js';
import { validatePath } from '../../src/node/validatePath.js';
import { sampleItem } from '../export/eep/sampleItem.js';
import { mutatedEep } from './fuzzEepModel.js';
import { mutatedZip, parseZip, writeZip } from './fuzzZipModel.js';
// @ts-expect-error -- plain JS fixture helper without types
import { buildZip } from '../fixtures/packages/zip.mjs';

const VALID = join(import.meta.dirname, '../fixtures/packages/cases/valid');
const tmp = mkdtempSync(join(tmpdir(), 'dangan-fuzz-models-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function seeds(): Uint8Array[] {
  const members: { name: string; data: Uint8Array; deflate?: boolean }[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(VALID, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (lstatSync(join(VALID, path)).isDirectory()) walk(path);
      else members.push({ name: path, data: readFileSync(join(VALID, path)) });
    }
  };
  walk('');
  const zip = buildZip as (m: typeof members) => Buffer;
  return [new Uint8Array(zip(members)), new Uint8Array(zip(members.map((m) => ({ ...m, deflate: true }))))];
}

describe('structure-aware zip mutations', () => {
  it('parse and write give the seed back byte for byte', () => {
    for (const seed of seeds()) expect(Buffer.from(writeZip(parseZip(seed))).equals(Buffer.from(seed))).toBe(true);
  });

  it('provoke every zip finding, and never a throw', async () => {
    const codes = new Set<string>();
    const file = join(tmp, 'm.zip');
    for (const input of fc.sample(mutatedZip(seeds()), { numRuns: 300, seed: 23 })) {
      writeFileSync(file, input);
      for (const issue of (await validatePath(file, { jobs: 1 })).issues) codes.add(issue.code);
    }
    for (const code of ['zip.entry-overlap', 'zip.name-mismatch', 'zip.entry-local-only', 'zip.crc-mismatch', 'zip.trailing-data', 'zip.prefix-data', 'zip.directory-data', 'zip.entry-invalid']) {
      expect(codes, code).toContain(code);
    }
  }, 120_000);
});

describe('structure-aware EEP mutations', () => {
  it('change the structure a validator walks, and never make it throw', async () => {
    const seed = writeEep(sampleItem());
    const codes = new Set<string>();
    for (const input of fc.sample(mutatedEep([seed]), { numRuns: 300, seed: 23 })) {
      for (const issue of (await validateEep(input)).issues) codes.add(issue.code);
    }
    // Elements missing or out of place, broken XML, and bad values all appear.
    expect([...codes].some((c) => c.startsWith('eep.element') || c.startsWith('eep.structure'))).toBe(true);
    expect([...codes].some((c) => c.startsWith('xml.'))).toBe(true);
    expect(codes.size).toBeGreaterThan(8);
  }, 120_000);
});
