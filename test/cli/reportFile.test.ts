import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/cli/io.js';
import { openReportFile, writeReportFile } from '../../src/cli/reportFile.js';
import { run } from '../../src/cli/run.js';
import { requireBuiltDist } from '../builtDist.js';
import { memoryIo } from './memoryIo.js';

/**
 * `--output` appears whole or not at all (the brief: a failed run leaves nothing
 * half-written): reports, streamed jsonl, `--from` runs and the digitisation
 * CSV/statistics are written into a hidden temporary sibling and renamed into place.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const VALID = join(ROOT, 'examples', 'packages', 'valid');
const DIGITISATION = join(import.meta.dirname, '../fixtures/digitisation/valid');
const DIST = requireBuiltDist('the interrupted --output run (the built CLI in a child process)');
const tmp = mkdtempSync(join(tmpdir(), 'dangan-report-file-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  return dir;
}

async function cli(...args: string[]) {
  const io = memoryIo();
  const code = await run(args, io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('openReportFile', () => {
  it('shows nothing at the target until commit, then exactly what was written', () => {
    const dir = folder('commit');
    const target = join(dir, 'r.json');
    const file = openReportFile(target);
    file.write('{"a":');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toHaveLength(1);
    file.write('1}\n');
    file.commit();
    file.discard();
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('discard leaves an earlier report untouched and no temporary file', () => {
    const dir = folder('discard');
    const target = join(dir, 'r.json');
    writeFileSync(target, 'earlier\n');
    const file = openReportFile(target);
    file.write('half of a new rep');
    file.discard();
    expect(readFileSync(target, 'utf8')).toBe('earlier\n');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('writeReportFile replaces an earlier file whole', () => {
    const dir = folder('replace');
    const target = join(dir, 'entries.csv');
    writeFileSync(target, 'old');
    writeReportFile(target, ['a,b\n', '1,2\n']);
    expect(readFileSync(target, 'utf8')).toBe('a,b\n1,2\n');
    expect(readdirSync(dir)).toEqual(['entries.csv']);
  });

  it('follows a symbolic link: the file it points to gets the report and the link stays', () => {
    const dir = folder('link');
    writeFileSync(join(dir, 'real.json'), 'earlier');
    symlinkSync('real.json', join(dir, 'r.json'));
    writeReportFile(join(dir, 'r.json'), ['new']);
    expect(lstatSync(join(dir, 'r.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['r.json', 'real.json']);
  });

  it('writes devices directly and never renames over them (/dev/null stays a device)', () => {
    writeReportFile('/dev/null', ['x'.repeat(100_000)]);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((name) => name.includes('.dangan-'))).toEqual([]);
    expect(() => writeReportFile('/dev/full', ['x'])).toThrow(/ENOSPC/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('a target whose folder is a file is an OutputError naming the target', () => {
    const dir = folder('notdir');
    writeFileSync(join(dir, 'plain'), '');
    expect(() => openReportFile(join(dir, 'plain', 'r.json'))).toThrow(OutputError);
    expect(() => openReportFile(join(dir, 'plain', 'r.json'))).toThrow(/cannot write the report to .*r\.json: ENOTDIR/);
  });
});

describe('commands write --output through it', () => {
  it('validate --format jsonl --output: the file ends with the summary line and nothing else is left beside it', async () => {
    const dir = folder('jsonl');
    const target = join(dir, 'report.jsonl');
    writeFileSync(target, 'earlier\n');
    const { code } = await cli('validate', VALID, '--format', 'jsonl', '--output', target, '--lang', 'en');
    expect(code).toBe(0);
    const lines = readFileSync(target, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ type: 'summary', valid: true });
    expect(readdirSync(dir)).toEqual(['report.jsonl']);
  });

  it('validate --from --output: one report line per package, committed once', async () => {
    const dir = folder('from');
    const list = join(dir, 'list.txt');
    writeFileSync(list, `${VALID}\n${join(ROOT, 'examples', 'packages', 'faulty')}\n`);
    const target = join(dir, 'reports.jsonl');
    const { code } = await cli('validate', '--from', list, '--format', 'jsonl', '--output', target, '--lang', 'en');
    expect(code).toBe(1);
    const reports = readFileSync(target, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { valid: boolean });
    expect(reports.map((r) => r.valid)).toEqual([true, false]);
    expect(readdirSync(dir).sort()).toEqual(['list.txt', 'reports.jsonl']);
  });

  it('digitisation check refuses --csv inside the batch before any work (exit 2, nothing written)', async () => {
    const batch = join(tmp, 'batch');
    cpSync(join(DIGITISATION, 'batch'), batch, { recursive: true });
    const before = readdirSync(batch, { recursive: true }).sort();
    const { code, stderr } = await cli('digitisation', 'check', batch, '--catalogue', join(DIGITISATION, '目录文件.XML'), '--csv', join(batch, 'entries.csv'), '--lang', 'en');
    expect(code).toBe(2);
    expect(stderr).toMatch(/refusing --output .*entries\.csv: it is inside the input/);
    expect(readdirSync(batch, { recursive: true }).sort()).toEqual(before);
  });
});

describe('--output /dev/stdout (built CLI)', () => {
  it.runIf(DIST.fresh)('appended to a file by the shell: the earlier lines stay, the report follows them', () => {
    const log = join(folder('stdout'), 'ci.log');
    writeFileSync(log, 'earlier line\n');
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${DIST.bin}" validate "${VALID}" --format json --output /dev/stdout >> "${log}"`], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const text = readFileSync(log, 'utf8');
    expect(text.startsWith('earlier line\n')).toBe(true);
    expect(JSON.parse(text.slice('earlier line\n'.length))).toMatchObject({ valid: true });
  });
});

describe('an interrupted run (built CLI, SIGINT)', () => {
  it.runIf(DIST.fresh)('leaves neither a partial report nor its temporary file, and dies of the signal', async () => {
    const dir = folder('interrupted');
    const target = join(dir, 'report.jsonl');
    // An antivirus command that never finishes keeps the run inside validation, with the report open.
    const child = spawn(process.execPath, [DIST.bin, 'validate', VALID, '--format', 'jsonl', '--output', target, '--antivirus-command', `"${process.execPath}" -e setTimeout(()=>{},60000) {file}`], {
      detached: true,
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const started = Date.now();
    while (readdirSync(dir).length === 0 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(dir)[0]).toMatch(/^\.report\.jsonl\.dangan-[0-9a-f]{8}$/);
    await new Promise((r) => setTimeout(r, 300));
    process.kill(-(child.pid as number), 'SIGINT');
    expect(await exited).toBe('SIGINT');
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);
});
