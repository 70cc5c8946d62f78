// GD-4-1 and GD-4-2 against a real clamd started here (ClamAV from Debian), with a database of its own.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEep } from '../../../src/formats/eep/writeEep.js';
import { createClamdEngine } from '../../../src/node/antivirus/clamdClient.js';
import type { AntivirusEngine } from '../../../src/node/antivirus/engine.js';
import { resolveAntivirus } from '../../../src/node/antivirus/createEngine.js';
import { openDirectorySource } from '../../../src/node/directorySource.js';
import { validatePath, validateWithAntivirus } from '../../../src/node/validatePath.js';
import { digestFiles } from '../../../src/node/hashing/digestFiles.js';
import { startPackageScan } from '../../../src/node/antivirus/scanPackage.js';
import { bundleHashWorker } from '../hashing/hashWorkerBundle.js';
import { openZipSource } from '../../../src/node/zipSource.js';
import type { PackageSource } from '../../../src/package/source.js';
import type { Issue } from '../../../src/report/issue.js';
import type { Report } from '../../../src/report/report.js';
import { sampleItem } from '../../export/eep/sampleItem.js';
// @ts-expect-error -- plain JS fixture helper without types
import { buildZip } from '../../fixtures/packages/zip.mjs';
import { EICAR, EICAR_SIGNATURE, findProgram, hdbLine, startClamd, type RunningClamd } from './startClamd.js';

const zip = buildZip as (members: { name: string; data: Uint8Array | string; deflate?: boolean }[]) => Buffer;
const valid = join(import.meta.dirname, '../../fixtures/packages/cases/valid');
const tmp = mkdtempSync(join(tmpdir(), 'dangan-av-test-'));
const ITEM = 'Z109/WS/Z109-WS·2024-Y-BGS-0001';

let clamd: RunningClamd;
beforeAll(async () => {
  // 1 MiB per stream, so a bigger file is one clamd refuses.
  clamd = await startClamd(['StreamMaxLength 1M']);
}, 90_000);
afterAll(async () => {
  await clamd?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const statusOf = (report: Report, id: string) => report.checks.find((c) => c.id === id)?.status;
const antivirusIssues = (report: Report) => report.issues.filter((i) => i.code.startsWith('antivirus.'));
const withCode = (report: Report, code: string): Issue[] => report.issues.filter((i) => i.code === code);

/** A copy of the valid package with extra files. */
function packageWith(name: string, extra: Record<string, Uint8Array | string>): string {
  const dir = join(tmp, name);
  cpSync(valid, dir, { recursive: true });
  for (const [path, data] of Object.entries(extra)) writeFileSync(join(dir, path), data);
  return dir;
}

/** Zips a folder: every file a member, stored, except those named in `deflate`. */
function zipOf(dir: string, deflate: readonly string[] = []): string {
  const members: { name: string; data: Uint8Array; deflate?: boolean }[] = [];
  const walk = (at: string) => {
    for (const child of readdirSync(at).sort()) {
      const full = join(at, child);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const name = relative(dir, full).split('\\').join('/');
        members.push({ name, data: readFileSync(full), ...(deflate.includes(name) ? { deflate: true } : {}) });
      }
    }
  };
  walk(dir);
  const file = `${dir}.zip`;
  writeFileSync(file, zip(members));
  return file;
}

describe('validatePath with a real clamd', () => {
  it('passes GD-4-1 and GD-4-2 on a clean package, with the engine version in an info issue; the rest of the report is unchanged', async () => {
    const plain = await validatePath(valid);
    const report = await validatePath(valid, { antivirus: `clamd=${clamd.socket}` });
    expect(statusOf(plain, 'security.virus-scan')).toBe('manual');
    expect(statusOf(report, 'security.antivirus-installed')).toBe('passed');
    expect(statusOf(report, 'security.virus-scan')).toBe('passed');
    expect(report.valid).toBe(true);
    const [engine, ...others] = antivirusIssues(report);
    expect(others).toEqual([]);
    expect(engine).toMatchObject({ code: 'antivirus.engine', check: 'GD-4-1', aspect: 'security', severity: 'info' });
    expect(engine?.received).toMatchObject({ engine: 'ClamAV', version: expect.stringMatching(/^\d+\.\d+/) });
    // A private .hdb has no database version or date: the engine says so, and so do we.
    expect(engine?.received).not.toHaveProperty('databaseDate');
    expect(report.issues.filter((i) => !i.code.startsWith('antivirus.'))).toEqual(plain.issues);
    expect(report.checks.filter((c) => !c.id.startsWith('security.antivirus') && c.id !== 'security.virus-scan')).toEqual(
      plain.checks.filter((c) => !c.id.startsWith('security.antivirus') && c.id !== 'security.virus-scan'),
    );
  });

  it('finds an infected file in a folder package: a security error at its path with the signature name', async () => {
    const dir = packageWith('infected-folder', { [`${ITEM}/附件.txt`]: EICAR, [`${ITEM}/clean.txt`]: 'nothing here' });
    const report = await validatePath(dir, { antivirus: `clamd=${clamd.socket}`, locale: 'en' });
    const infected = withCode(report, 'antivirus.infected');
    expect(infected).toEqual([
      expect.objectContaining({ check: 'GD-4-2', aspect: 'security', severity: 'error', path: `${ITEM}/附件.txt`, received: EICAR_SIGNATURE }),
    ]);
    expect(infected[0]?.message).toContain(EICAR_SIGNATURE);
    expect(statusOf(report, 'security.virus-scan')).toBe('failed');
    expect(statusOf(report, 'security.antivirus-installed')).toBe('passed');
    expect(report.valid).toBe(false);
  });

  it('finds infected zip members, stored and deflated, without extracting them', async () => {
    const dir = packageWith('infected-zip', { [`${ITEM}/stored.txt`]: EICAR, [`${ITEM}/deflated.txt`]: EICAR });
    const file = zipOf(dir, [`${ITEM}/deflated.txt`]);
    const report = await validatePath(file, { antivirus: `clamd=${clamd.socket}` });
    expect(withCode(report, 'antivirus.infected').map((i) => [i.path, i.received])).toEqual([
      [`${ITEM}/deflated.txt`, EICAR_SIGNATURE],
      [`${ITEM}/stored.txt`, EICAR_SIGNATURE],
    ]);
    // The zip as a whole is not handed to the engine: a zip with no infected member is clean.
    const clean = await validatePath(zipOf(packageWith('clean-zip', {})), { antivirus: `clamd=${clamd.socket}` });
    expect(statusOf(clean, 'security.virus-scan')).toBe('passed');
  });

  it('scans the files validation hashes or reads from those same reads: no second read, folder and zip (stored and deflated) alike', async () => {
    const pdf = `${ITEM}/正文.pdf`;
    const ofd = 'Z109/WS/Z109-WS·2024-Y-BGS-0002/正文.ofd';
    const dir = packageWith('tee', {});
    writeFileSync(join(dir, pdf), EICAR);
    const opened: [string, PackageSource][] = [
      ['folder', await openDirectorySource(dir)],
      ['zip, stored', await openZipSource(zipOf(dir))],
      ['zip, deflated', await openZipSource(zipOf(packageWith('tee-deflated', { [pdf]: EICAR }), [pdf, ofd]))],
    ];
    for (const [label, source] of opened) {
      const streamed: string[] = [];
      const read: string[] = [];
      const digested: string[] = [];
      const counting: PackageSource = {
        ...source,
        entries: () => source.entries(),
        read: (path, options) => (read.push(path), source.read(path, options)),
        stream: (path) => (streamed.push(path), source.stream(path)),
        digest: (requests, options) => (digested.push(...requests.map((r) => r.path)), source.digest(requests, options)),
        findings: () => source.findings?.() ?? [],
      };
      // What validation streams by itself (a deflated member's content check reads it again).
      await validateWithAntivirus(counting, {}, undefined);
      const own = streamed.splice(0);
      read.length = 0;
      digested.length = 0;
      const report = await validateWithAntivirus(counting, {}, resolveAntivirus(`clamd=${clamd.socket}`));
      await source.close?.();
      expect(withCode(report, 'antivirus.infected').map((i) => [i.path, i.received]), label).toEqual([[pdf, EICAR_SIGNATURE]]);
      const byScan = [...streamed];
      for (const path of own) byScan.splice(byScan.indexOf(path), 1);
      // The content files were hashed, and the metadata read, on reads that also fed the scan: the scan streamed none of them.
      expect(digested, label).toEqual(expect.arrayContaining([pdf, ofd]));
      expect(byScan.filter((path) => digested.includes(path) || read.includes(path)), label).toEqual([]);
      // Every other file of the package was streamed by the scan, once.
      const files = (await source.entries()).filter((e) => e.kind === 'file').map((e) => e.path);
      expect([...new Set([...byScan, ...digested, ...read])].sort(), label).toEqual([...files].sort());
      expect(new Set(byScan).size, label).toBe(byScan.length);
    }
  });

  it('sends every byte the hashing workers read intact: files of several reads, one larger than the ring, and many small files, lent from the shared ring, matched by whole-file signatures', async () => {
    const bytesOf = (length: number, seed: number) => {
      const bytes = Buffer.alloc(length);
      for (let at = 0, x = seed; at < bytes.length; at++) bytes[at] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
      return bytes;
    };
    // Ten files of 3 MiB + 5 bytes (four reads each), one of 17 MiB + 5 (more than a worker's whole ring,
    // TEE_CREDIT), and 1,500 small files of 1 byte to 20 KB (many to a ring): 1,511 files, about 64 MiB.
    const files = [
      ...Array.from({ length: 10 }, (_, i) => bytesOf((3 << 20) + 5, i + 1)),
      bytesOf((17 << 20) + 5, 11),
      ...Array.from({ length: 1500 }, (_, i) => bytesOf(1 + ((i * 7919) % 20_000), i + 12)),
    ];
    // clamd knows some of them by their MD5 and size: one wrong or missing byte, and it would not
    // (ClamAV matches no file of a few bytes, so none of those is among them).
    const known = [2, 5, 9, 10, 12, 400, 1510];
    const daemon = await startClamd([], known.map((i) => hdbLine(files[i] as Buffer, `Dangan.Test.Whole${i}`)));
    try {
      const dir = join(tmp, 'whole-files');
      mkdirSync(dir);
      files.forEach((bytes, i) => writeFileSync(join(dir, `f${i}.bin`), bytes));
      // Hashing on two worker threads (bundled from source: vitest has no built worker), teeing to the scan.
      const worker = await bundleHashWorker(tmp);
      const inner = await openDirectorySource(dir);
      const streamed: string[] = [];
      const source: PackageSource = {
        ...inner,
        stream: (path) => (streamed.push(path), inner.stream(path)),
        digest: (requests, options) =>
          digestFiles(
            requests.map((r) => ({ path: r.path, file: join(dir, r.path), algorithms: r.algorithms })),
            { worker, inThreadBelow: 0, jobs: 2, ...(options?.tee ? { tee: options.tee } : {}) },
          ),
      };
      const scan = await startPackageScan(source, { engine: createClamdEngine({ socket: daemon.socket }, { concurrency: 3 }) });
      const digests: string[] = [];
      for await (const result of scan.source.digest(files.map((_, i) => ({ path: `f${i}.bin`, algorithms: ['md5'] })))) digests.push(result.digests.md5 ?? '');
      const outcome = await scan.finish();
      expect(digests).toEqual(files.map((bytes) => createHash('md5').update(bytes).digest('hex')));
      const found = outcome.issues.filter((i) => i.code === 'antivirus.infected').map((i) => [i.path, i.received]);
      expect(found.sort()).toEqual(known.map((i) => [`f${i}.bin`, `Dangan.Test.Whole${i}.UNOFFICIAL`]).sort());
      // Every file was scanned from the hashing reads, none streamed again.
      expect(streamed).toEqual([]);
      expect(outcome.scan).toBe('failed');
    } finally {
      await daemon.stop();
    }
  }, 90_000);

  it("finds a virus in an EEP's embedded content (编码数据, Base64-decoded as it is sent), at the 编码数据 element", async () => {
    const file = join(tmp, 'infected.eep');
    writeFileSync(file, writeEep(sampleItem(new Uint8Array(EICAR))));
    const report = await validatePath(file, { antivirus: `clamd=${clamd.socket}`, locale: 'en' });
    expect(report.profile).toBe('eep');
    const infected = withCode(report, 'antivirus.infected');
    expect(infected).toHaveLength(1);
    expect(infected[0]).toMatchObject({ path: 'infected.eep', check: 'GD-4-2', received: EICAR_SIGNATURE, location: { xpath: expect.stringContaining('编码数据') } });
    expect(infected[0]?.message).toContain('infected.eep › ');
    expect(statusOf(report, 'security.virus-scan')).toBe('failed');

    // The same EEP inside a package folder is found too.
    const dir = packageWith('infected-eep-package', { [`${ITEM}/正文.eep`]: readFileSync(file) });
    const inPackage = await validatePath(dir, { antivirus: `clamd=${clamd.socket}` });
    expect(withCode(inPackage, 'antivirus.infected').map((i) => i.path)).toEqual([`${ITEM}/正文.eep`]);
    // Its embedded content is scanned from validation's own read of the .eep: the scan reads it neither whole nor as a stream.
    const source = await openDirectorySource(dir);
    const reads: string[] = [];
    const counting: PackageSource = {
      ...source,
      read: (path, options) => (reads.push(`read ${path}`), source.read(path, options)),
      stream: (path) => (reads.push(`stream ${path}`), source.stream(path)),
    };
    await validateWithAntivirus(counting, {}, undefined);
    const own = reads.splice(0).filter((r) => r.endsWith('.eep'));
    const scanned = await validateWithAntivirus(counting, {}, resolveAntivirus(`clamd=${clamd.socket}`));
    await source.close?.();
    expect(withCode(scanned, 'antivirus.infected').map((i) => [i.path, i.location?.xpath !== undefined])).toEqual([[`${ITEM}/正文.eep`, true]]);
    expect(own.length).toBeGreaterThan(0);
    expect(reads.filter((r) => r.endsWith('.eep'))).toEqual(own);

    const clean = join(tmp, 'clean.eep');
    writeFileSync(clean, writeEep(sampleItem()));
    const cleanReport = await validatePath(clean, { antivirus: `clamd=${clamd.socket}` });
    expect(statusOf(cleanReport, 'security.virus-scan')).toBe('passed');
  });

  it('applies per-check severity overrides: off skips the check and drops its issues, a severity applies to its findings', async () => {
    const dir = packageWith('infected-overrides', { [`${ITEM}/附件.txt`]: EICAR });
    const off = await validatePath(dir, { antivirus: `clamd=${clamd.socket}`, severity: { 'security.virus-scan': 'off' } });
    expect(statusOf(off, 'security.virus-scan')).toBe('skipped');
    expect(withCode(off, 'antivirus.infected')).toEqual([]);
    expect(statusOf(off, 'security.antivirus-installed')).toBe('passed');
    const warned = await validatePath(dir, { antivirus: `clamd=${clamd.socket}`, severity: { 'security.virus-scan': 'warning' } });
    expect(withCode(warned, 'antivirus.infected').map((i) => i.severity)).toEqual(['warning']);
    // The Report contract: a check fails exactly when one of its issues is an error.
    expect(statusOf(warned, 'security.virus-scan')).toBe('passed');
  });

  it('fails GD-4-2 for a file the engine refuses (INSTREAM size limit exceeded), never passes it', async () => {
    const dir = packageWith('too-big', { [`${ITEM}/big.bin`]: Buffer.alloc(3 << 20, 7) });
    const report = await validatePath(dir, { antivirus: `clamd=${clamd.socket}` });
    const refused = withCode(report, 'antivirus.file-refused');
    expect(refused).toEqual([expect.objectContaining({ path: `${ITEM}/big.bin`, severity: 'error', check: 'GD-4-2' })]);
    expect(String(refused[0]?.received)).toMatch(/size limit/i);
    expect(statusOf(report, 'security.virus-scan')).toBe('failed');
    expect(report.valid).toBe(false);
  });

  it('fails GD-4-2 for a file over MaxFileSize when clamd alerts on its limits (AlertExceedsMax), not as a virus', async () => {
    const own = await startClamd(['StreamMaxLength 10M', 'MaxFileSize 1M', 'AlertExceedsMax yes']);
    try {
      const dir = packageWith('over-max-file-size', { [`${ITEM}/big.bin`]: Buffer.alloc(2 << 20, 7) });
      const report = await validatePath(dir, { antivirus: `clamd=${own.socket}` });
      expect(withCode(report, 'antivirus.infected')).toEqual([]);
      const refused = withCode(report, 'antivirus.file-refused');
      expect(refused.map((i) => i.path)).toEqual([`${ITEM}/big.bin`]);
      expect(String(refused[0]?.received)).toMatch(/^Heuristics\.Limits\.Exceeded/);
      expect(statusOf(report, 'security.virus-scan')).toBe('failed');
    } finally {
      await own.stop();
    }
  }, 90_000);

  it('fails GD-4-1 under --antivirus-max-age when the engine does not date its database', async () => {
    const report = await validatePath(valid, { antivirus: { engine: `clamd=${clamd.socket}`, maxDatabaseAgeDays: 7 } });
    expect(withCode(report, 'antivirus.database-undated')).toEqual([expect.objectContaining({ check: 'GD-4-1', severity: 'error', expected: 7 })]);
    expect(statusOf(report, 'security.antivirus-installed')).toBe('failed');
    // A clean scan with a database of unknown age proves nothing.
    expect(statusOf(report, 'security.virus-scan')).toBe('skipped');
    expect(report.valid).toBe(false);
  });

  it('stops and fails GD-4-2 when the daemon is stopped mid-run, counting the files left', async () => {
    const own = await startClamd();
    const real = createClamdEngine({ socket: own.socket }, { timeout: 5000, concurrency: 1 });
    let scanned = 0;
    // Stops the daemon once two files are scanned: every later connection is refused.
    const engine: AntivirusEngine = {
      kind: 'clamd',
      concurrency: 1,
      identify: () => real.identify(),
      async scan(content) {
        if (++scanned === 3) await own.stop();
        return real.scan(content);
      },
    };
    try {
      const report = await validatePath(valid, { antivirus: engine });
      const stopped = withCode(report, 'antivirus.scan-stopped');
      expect(stopped).toEqual([expect.objectContaining({ check: 'GD-4-2', severity: 'error' })]);
      expect(stopped[0]?.received).toBeGreaterThanOrEqual(1);
      expect(stopped[0]?.message).toMatch(/ENOENT|ECONNREFUSED/);
      expect(statusOf(report, 'security.virus-scan')).toBe('failed');
      expect(report.valid).toBe(false);
    } finally {
      await own.stop();
    }
  }, 90_000);

  it('runs clamscan (no daemon) and a command-line scanner with the documented exit codes', async () => {
    const dir = packageWith('infected-cli', { [`${ITEM}/附件.txt`]: EICAR });
    const byClamscan = await validatePath(dir, { antivirus: `clamscan=${clamd.database}` });
    expect(withCode(byClamscan, 'antivirus.infected').map((i) => [i.path, i.received])).toEqual([[`${ITEM}/附件.txt`, EICAR_SIGNATURE]]);
    expect(statusOf(byClamscan, 'security.antivirus-installed')).toBe('passed');

    const command = `${findProgram('clamscan')} --no-summary -d ${clamd.database} {file}`;
    const byCommand = await validatePath(dir, { antivirus: `command=${command}` });
    expect(withCode(byCommand, 'antivirus.infected').map((i) => [i.path, i.received])).toEqual([[`${ITEM}/附件.txt`, EICAR_SIGNATURE]]);

    // Exit 2 is an error: every file is refused, none passes.
    const failing = await validatePath(valid, { antivirus: `command=${findProgram('clamscan')} --no-such-option {file}` });
    expect(withCode(failing, 'antivirus.file-refused').length).toBeGreaterThan(0);
    expect(statusOf(failing, 'security.virus-scan')).toBe('failed');
  }, 120_000);
});

describe('validatePath with an engine that cannot be used', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  /** A fake clamd on a unix socket: answers VERSION with `version` (or never), INSTREAM with `verdict` (or never). */
  async function fakeClamd(name: string, answers: { version?: string; verdict?: string }): Promise<string> {
    const socket = join(tmp, `${name}.sock`);
    const held: Socket[] = [];
    const server = createServer((connection) => {
      held.push(connection);
      connection.on('error', () => undefined);
      let seen = Buffer.alloc(0);
      let session = false;
      let requests = 0;
      const starts = (text: string) => seen.subarray(0, text.length).toString('latin1') === text;
      connection.on('data', (data) => {
        seen = Buffer.concat([seen, data]);
        for (;;) {
          if (starts('zIDSESSION\0')) {
            session = true;
            seen = seen.subarray('zIDSESSION\0'.length);
          } else if (starts('zVERSION\0')) {
            if (answers.version) connection.end(`${answers.version}\0`);
            return;
          } else if (starts('zINSTREAM\0')) {
            // Chunks with a 4-byte big-endian length; the zero-length chunk ends the stream.
            let at = 'zINSTREAM\0'.length;
            for (let length = -1; length !== 0; at += length) {
              if (seen.length < at + 4) return;
              length = seen.readUInt32BE(at);
              at += 4;
              if (seen.length < at + length) return;
            }
            seen = seen.subarray(at);
            requests++;
            // Inside IDSESSION, each answer carries its request number and the connection stays.
            if (answers.verdict) {
              if (session) connection.write(`${requests}: ${answers.verdict}\0`);
              else connection.end(`${answers.verdict}\0`);
            }
          } else return;
        }
      });
    });
    servers.push(server);
    server.on('close', () => held.forEach((c) => c.destroy()));
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    return socket;
  }

  it('fails GD-4-1 and skips GD-4-2 when clamd is not there, with issues that say why', async () => {
    const report = await validatePath(valid, { antivirus: `clamd=${join(tmp, 'nobody.sock')}`, locale: 'en' });
    expect(withCode(report, 'antivirus.unavailable')).toEqual([expect.objectContaining({ check: 'GD-4-1', severity: 'error', message: expect.stringContaining('ENOENT') })]);
    expect(withCode(report, 'antivirus.scan-not-run')).toEqual([expect.objectContaining({ check: 'GD-4-2' })]);
    expect(statusOf(report, 'security.antivirus-installed')).toBe('failed');
    expect(statusOf(report, 'security.virus-scan')).toBe('skipped');
    expect(report.valid).toBe(false);
  });

  it('times out on an engine that never answers VERSION, and on one that never answers a scan', async () => {
    const silent = await fakeClamd('silent', {});
    const started = Date.now();
    const report = await validatePath(valid, { antivirus: { engine: `clamd=${silent}`, timeout: 300 }, locale: 'en' });
    expect(withCode(report, 'antivirus.unavailable')[0]?.message).toContain('did not answer within 300 ms');
    expect(statusOf(report, 'security.virus-scan')).toBe('skipped');

    const stuck = await fakeClamd('stuck', { version: 'ClamAV 1.4.6/27123/Mon Dec  7 09:00:00 2026' });
    const stuckReport = await validatePath(valid, { antivirus: { engine: `clamd=${stuck}`, timeout: 300, concurrency: 2 }, locale: 'en' });
    expect(statusOf(stuckReport, 'security.antivirus-installed')).toBe('passed');
    const stopped = withCode(stuckReport, 'antivirus.scan-stopped');
    expect(stopped[0]?.message).toContain('did not answer within 300 ms');
    // Every file of the package is counted as not scanned; the scan does not wait 300 ms per file.
    expect(stopped[0]?.received).toBe(stuckReport.summary.files);
    expect(statusOf(stuckReport, 'security.virus-scan')).toBe('failed');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('fails GD-4-1 for a database older than --antivirus-max-age, with its date and age', async () => {
    const old = await fakeClamd('old', { version: 'ClamAV 1.4.6/27000/Mon Nov  2 09:00:00 2026', verdict: 'stream: OK' });
    const now = new Date('2026-12-07T12:00:00Z');
    const report = await validatePath(valid, { antivirus: { engine: `clamd=${old}`, maxDatabaseAgeDays: 7, now }, locale: 'en' });
    expect(withCode(report, 'antivirus.engine')[0]?.received).toEqual({ engine: 'ClamAV', version: '1.4.6', database: '27000', databaseDate: '2026-11-02T09:00:00.000Z' });
    expect(withCode(report, 'antivirus.database-outdated')).toEqual([expect.objectContaining({ check: 'GD-4-1', expected: 7, received: 35, message: expect.stringContaining('2026-11-02') })]);
    expect(statusOf(report, 'security.antivirus-installed')).toBe('failed');
    expect(statusOf(report, 'security.virus-scan')).toBe('skipped');

    const fresh = await validatePath(valid, { antivirus: { engine: `clamd=${old}`, maxDatabaseAgeDays: 40, now } });
    expect(statusOf(fresh, 'security.antivirus-installed')).toBe('passed');
    expect(statusOf(fresh, 'security.virus-scan')).toBe('passed');
  });
});
