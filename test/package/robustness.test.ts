import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PackageEntry, PackageSource } from '../../src/package/source.js';
import { packageCheckIds } from '../../src/package/checks/registry.js';
import { validatePackage } from '../../src/package/validatePackage.js';
import { packageIssues } from '../../src/report/messages/package.js';

const valid = join(import.meta.dirname, '../fixtures/packages/cases/valid');

function readTree(root: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (lstatSync(join(root, path)).isDirectory()) walk(path);
      else files.set(path, new Uint8Array(readFileSync(join(root, path))));
    }
  };
  walk('');
  return files;
}

/** An in-memory PackageSource, as a browser app would build over File objects. */
function memorySource(files: ReadonlyMap<string, Uint8Array>): PackageSource {
  const entries: PackageEntry[] = [];
  const dirs = new Set<string>();
  for (const [path, data] of files) {
    entries.push({ path, kind: 'file', size: data.length });
    path.split('/').slice(0, -1).forEach((_, i, parts) => dirs.add(parts.slice(0, i + 1).join('/')));
  }
  for (const dir of dirs) entries.push({ path: dir, kind: 'directory', size: 0 });
  entries.sort((a, b) => (a.path < b.path ? -1 : 1));
  const get = (path: string) => {
    const data = files.get(path);
    if (!data) throw new Error(`no file entry: ${path}`);
    return data;
  };
  return {
    name: 'memory',
    entries: async () => entries,
    read: async (path) => get(path),
    async *stream(path) {
      yield get(path);
    },
    async *digest(requests) {
      for (const r of requests) {
        const data = files.get(r.path);
        yield data
          ? { path: r.path, bytes: data.length, digests: Object.fromEntries(r.algorithms.map((a) => [a, createHash(a).update(data).digest('hex')])) }
          : { path: r.path, bytes: 0, digests: {}, error: 'missing' };
      }
    },
  };
}

describe('validatePackage on damaged input', () => {
  const tree = readTree(valid);
  const paths = [...tree.keys()];

  it('an in-memory source gives the same report as the folder (the core needs no file system)', async () => {
    const report = await validatePackage(memorySource(tree));
    expect(report.valid).toBe(true);
    expect(report.issues).toEqual([]);
  });

  it('refuses a 字节数 beyond 2^53 − 1 rather than round it to a size it does not state', async () => {
    const files = new Map(tree);
    const fixity = '其他/固化验证信息.XML';
    const text = new TextDecoder().decode(files.get(fixity));
    files.set(fixity, new TextEncoder().encode(text.replace('<字节数>142</字节数>', '<字节数>9007199254740993</字节数>')));
    const report = await validatePackage(memorySource(files));
    const malformed = report.issues.filter((i) => i.code === 'fixity.entry-malformed');
    expect(malformed.map((i) => [i.path, i.received, i.location?.line])).toEqual([[fixity, '9007199254740993', 3]]);
    expect(report.valid).toBe(false);
  });

  it('never throws and always lists every check when any file is truncated, overwritten or removed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.oneof(
          fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
          fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
          fc.record({ kind: fc.constant('remove' as const) }),
        ),
        async (path, damage) => {
          const files = new Map(tree);
          const data = files.get(path)!;
          if (damage.kind === 'remove') files.delete(path);
          else if (damage.kind === 'truncate') files.set(path, data.slice(0, damage.at % (data.length + 1)));
          else {
            const copy = data.slice();
            copy.set(damage.bytes.slice(0, copy.length), Math.min(damage.at % (copy.length + 1), Math.max(0, copy.length - damage.bytes.length)));
            files.set(path, copy);
          }
          const report = await validatePackage(memorySource(files));
          expect(report.checks.map((c) => c.id)).toEqual(packageCheckIds);
          // Our own messages have every placeholder filled (other areas may quote template fields in braces).
          for (const issue of report.issues) if (Object.hasOwn(packageIssues, issue.code)) expect(issue.message).not.toMatch(/\{\w+\}/);
          expect(report.valid).toBe(report.issues.every((i) => i.severity !== 'error'));
        },
      ),
      { numRuns: 150 },
    );
  });
});
