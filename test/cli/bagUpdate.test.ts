import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { withPayloadOxum } from '../../src/node/bagit/updateBag.js';
import type { Report } from '../../src/report/report.js';
import { memoryIo } from './memoryIo.js';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dangan-bag-update-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]) {
  const m = memoryIo();
  const code = await run(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

async function validate(path: string): Promise<{ code: number; report: Report }> {
  const { code, stdout } = await cli(['validate', path, '--format', 'json', '--lang', 'en']);
  return { code, report: JSON.parse(stdout) as Report };
}

/** Names that trip bag tools: spaces, %, CR, LF, tab, NFD and NFC, 中文, and tag-file names inside data/. */
const TRICKY: Record<string, string> = {
  'with space.txt': 'a',
  '100%.txt': 'b',
  '%25 already encoded.txt': 'c',
  'line\nbreak.txt': 'd',
  'carriage\rreturn.txt': 'e',
  'tab\there.txt': 'f',
  'Nu\u0301n\u0303ez NFD.txt': 'g',
  'café NFC.txt': 'h',
  '文书/通知 2025.txt': '通知',
  'manifest-md5.txt': 'not a manifest',
  'bagit.txt': 'not a declaration',
  'tagmanifest-sha256.txt': 'x',
};

function writeTree(root: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
}

describe('bag, update after a change, validate: they agree on tricky names (issue 18 items 3 and 4)', () => {
  it.each([['a folder', undefined], ['a tgz', '--tgz']] as const)('bag → valid; change → invalid; update → valid (%s for the first bag)', async (_name, serialize) => {
    const source = join(tmp, 'src');
    writeTree(source, TRICKY);
    if (serialize) {
      const archive = join(tmp, 'tricky.tgz');
      expect((await cli(['bag', source, '--out', archive, serialize, '--algorithm', 'sha256,md5'])).code).toBe(0);
      const fromArchive = await validate(archive);
      expect(fromArchive.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
    const bag = join(tmp, 'bag');
    const made = await cli(['bag', source, '--out', bag, '--copy', '--algorithm', 'sha256,md5']);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const first = await validate(bag);
    expect(first.code).toBe(0);
    expect(first.report.summary.files).toBe(Object.keys(TRICKY).length);
    // Encoded as RFC 8493 §2.1.3 asks: %, CR and LF, nothing else.
    const manifest = readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8');
    expect(manifest).toContain('data/100%25.txt');
    expect(manifest).toContain('data/%2525 already encoded.txt');
    expect(manifest).toContain('data/line%0Abreak.txt');
    expect(manifest).toContain('data/carriage%0Dreturn.txt');
    expect(manifest).toContain('data/tab\there.txt');

    // The payload changes: one file edited, one removed, one added (with a tricky name).
    writeFileSync(join(bag, 'data', 'with space.txt'), 'changed');
    unlinkSync(join(bag, 'data', 'tab\there.txt'));
    writeFileSync(join(bag, 'data', '新 文件\n%0A.txt'), 'new');
    const changed = await validate(bag);
    expect(changed.code).toBe(1);
    expect(new Set(changed.report.issues.filter((i) => i.severity === 'error').map((i) => i.code))).toEqual(new Set(['bagit.oxum.mismatch', 'bagit.payload.missing', 'bagit.payload.unlisted', 'bagit.fixity.mismatch']));

    const updated = await cli(['bag', '--update', bag, '--format', 'json']);
    expect(updated.stderr).toBe('');
    expect(updated.code).toBe(0);
    const result = JSON.parse(updated.stdout) as { files: number; bytes: number; algorithms: string[]; tagAlgorithms: string[]; report: Report };
    expect(result.files).toBe(Object.keys(TRICKY).length);
    expect(result.algorithms.sort()).toEqual(['md5', 'sha256']);
    expect(result.tagAlgorithms.sort()).toEqual(['md5', 'sha256']);
    const after = await validate(bag);
    expect(after.code).toBe(0);
    expect(after.report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Only warnings of the kind the first bag had: unportable names and the weak md5.
    expect(new Set(after.report.issues.map((i) => i.code))).toEqual(new Set(first.report.issues.map((i) => i.code)));
    expect(readFileSync(join(bag, 'manifest-md5.txt'), 'utf8')).toContain('data/新 文件%0A%250A.txt');
    const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toContain(`Payload-Oxum: ${result.bytes}.${result.files}\n`);
    expect(info.match(/Payload-Oxum/g)).toHaveLength(1);
    expect(info).toContain('Bagging-Date: ');
  });

  it('--update refuses a folder that is not a bag, a bag with fetch.txt, and an old bag (exit 2)', async () => {
    const plain = join(tmp, 'plain');
    writeTree(plain, { 'a.txt': 'a' });
    const notBag = await cli(['bag', '--update', plain]);
    expect(notBag.code).toBe(2);
    expect(notBag.stderr).toContain('bagit.txt');
    const bag = join(tmp, 'bag');
    await cli(['bag', plain, '--out', bag]);
    writeFileSync(join(bag, 'fetch.txt'), 'https://example.org/b 1 data/b\n');
    expect((await cli(['bag', '--update', bag])).stderr).toContain('fetch.txt');
    unlinkSync(join(bag, 'fetch.txt'));
    writeFileSync(join(bag, 'bagit.txt'), 'BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n');
    const old = await cli(['bag', '--update', bag]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('1.0');
  });

  it('withPayloadOxum replaces every Payload-Oxum (folded lines included) and keeps the rest byte for byte', () => {
    expect(withPayloadOxum('Contact-Name: A\npayload-oxum : 1.1\n  9\nPayload-Oxum: 2.2\nB: x\n', '5.2')).toBe('Contact-Name: A\nB: x\nPayload-Oxum: 5.2\n');
    expect(withPayloadOxum('', '0.0')).toBe('Payload-Oxum: 0.0\n');
  });
});
