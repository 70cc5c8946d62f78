import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JS helper without types
import { loadBundle } from './bundle.mjs';
import { hostileCases, writeCorpus } from '../fixtures/hostile/corpus.js';

const tmp = mkdtempSync(join(tmpdir(), 'dangan-hostile-ro-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const STRACE = ['/usr/bin/strace', '/bin/strace'].find((p) => existsSync(p));

/** One digest per case: every path, mode, size, mtime and content (link targets, not their files). */
function fingerprints(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(root).sort()) {
    const hash = createHash('sha256');
    const visit = (path: string, rel: string) => {
      const stats = lstatSync(path);
      hash.update(`${rel}\0${stats.mode}\0${stats.size}\0${stats.mtimeMs}\0`);
      if (stats.isSymbolicLink()) hash.update(readlinkSync(path));
      else if (stats.isDirectory()) for (const child of readdirSync(path).sort()) visit(join(path, child), `${rel}/${child}`);
      else if (stats.isFile()) hash.update(readFileSync(path));
    };
    visit(join(root, name), name);
    out.set(name, hash.digest('hex'));
  }
  return out;
}

// System calls that change the file system, and the openat flags that can.
const WRITING_CALLS = /^(?:\[pid\s+\d+\]\s+)?(?:\d+\s+)?(mkdir|mkdirat|unlink|unlinkat|rename|renameat|renameat2|symlink|symlinkat|link|linkat|utimensat|chmod|fchmodat|truncate|creat|openat)\((.*)$/;
const WRITE_FLAGS = /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND/;

describe('validation is read-only', () => {
  it.skipIf(!STRACE)('validating every corpus case changes no byte or mtime, and writes nothing outside the OS temp folder (traced with strace)', async () => {
    const corpus = join(tmp, 'corpus');
    writeCorpus(corpus);
    const bundleDir = join(tmp, 'bundle');
    mkdirSync(bundleDir);
    await loadBundle(bundleDir);
    const before = fingerprints(corpus);
    const log = join(tmp, 'strace.log');
    const child = spawnSync(STRACE!, ['-f', '-qq', '-e', 'trace=openat,mkdir,mkdirat,unlink,unlinkat,rename,renameat,renameat2,symlink,symlinkat,link,linkat,utimensat,chmod,fchmodat,truncate,creat', '-o', log, process.execPath, join(bundleDir, 'harness.mjs'), 'run-all', corpus], {
      encoding: 'utf8',
      env: { ...process.env, DANGAN_HARNESS: 'run' },
      cwd: tmp,
    });
    expect(child.status, child.stderr).toBe(0);
    const results = child.stdout.trim().split('\n').map((line) => JSON.parse(line) as { name: string; ok: boolean });
    expect(results.map((r) => r.name)).toEqual(hostileCases.filter((c) => !c.slow).map((c) => c.name));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(fingerprints(corpus)).toEqual(before);
    const traced = readFileSync(log, 'utf8').split('\n');
    // The trace saw the reads of the corpus (so an empty list of writes means something).
    expect(traced.filter((line) => line.includes('openat(') && line.includes(corpus)).length).toBeGreaterThan(50);
    const writes: string[] = [];
    for (const line of traced) {
      const m = WRITING_CALLS.exec(line);
      if (!m) continue;
      if (m[1] === 'openat' && !WRITE_FLAGS.test(m[2]!)) continue;
      const path = /"([^"]*)"/.exec(m[2]!)?.[1] ?? '';
      if (/= -1 /.test(line)) continue; // refused by the kernel: nothing written
      writes.push(path);
    }
    const outside = writes.filter((p) => !p.startsWith(`${tmpdir()}/`) && p !== '/dev/null' && !p.startsWith('/dev/pts/') && p !== '/dev/tty');
    expect(outside).toEqual([]);
  }, 180_000);
});
