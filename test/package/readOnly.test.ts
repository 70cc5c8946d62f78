import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validatePath } from '../../src/node/validatePath.js';
// @ts-expect-error -- plain JS fixture helper without types
import { buildZip } from '../fixtures/packages/zip.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'dangan-ro-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cases = join(import.meta.dirname, '../fixtures/packages/cases');

/** One digest over every path, kind, size, mtime, mode and content (or link target) under a root. */
function fingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const stats = lstatSync(join(root, path));
      hash.update(`${path}\0${stats.mode}\0${stats.size}\0${stats.mtimeMs}\0`);
      if (stats.isSymbolicLink()) hash.update(readlinkSync(join(root, path)));
      else if (stats.isDirectory()) walk(path);
      else hash.update(readFileSync(join(root, path)));
    }
  };
  walk('');
  return hash.digest('hex');
}

describe('validation reads only', () => {
  for (const name of ['valid', 'fixity.digest--mismatch', 'security.entries--link', 'xml.readable--truncated']) {
    it(`${name}: the tree (content, mtimes, modes) is unchanged after validating the folder and its zip`, async () => {
      const dir = join(tmp, name);
      cpSync(join(cases, name), dir, { recursive: true, verbatimSymlinks: true });
      const files: { name: string; data: Buffer }[] = [];
      const collect = (rel: string) => {
        for (const child of readdirSync(join(dir, rel)).sort()) {
          const path = rel ? `${rel}/${child}` : child;
          const stats = lstatSync(join(dir, path));
          if (stats.isDirectory()) collect(path);
          else if (stats.isFile()) files.push({ name: path, data: readFileSync(join(dir, path)) });
        }
      };
      collect('');
      const zipFile = join(tmp, `${name}.zip`);
      writeFileSync(zipFile, buildZip(files));
      const before = fingerprint(tmp);
      const reports = [await validatePath(dir), await validatePath(zipFile)];
      expect(fingerprint(tmp)).toBe(before);
      expect(reports[0]!.summary.files).toBeGreaterThan(0);
    });
  }
});
