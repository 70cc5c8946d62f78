import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePath } from '../../../src/node/index.js';
import { detectPackageProfile, findBagRoot } from '../../../src/package/detectProfile.js';
import { run } from '../../../src/cli/run.js';
import { memoryIo } from '../../cli/memoryIo.js';
import { bagFiles } from './memorySource.js';
import type { Issue } from '../../../src/report/issue.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dangan-bag-zip-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeFolder(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** Zips a bag as `bag.zip` holding `<top>/…` (the usual layout, RFC 8493 §4), with or without directory entries. */
async function writeZip(path: string, files: Record<string, string>, top: string, directoryEntries: boolean): Promise<void> {
  const zip = new yazl.ZipFile();
  if (directoryEntries) {
    const dirs = new Set<string>([top]);
    for (const name of Object.keys(files)) for (let at = name.indexOf('/'); at !== -1; at = name.indexOf('/', at + 1)) dirs.add(`${top}/${name.slice(0, at)}`);
    for (const dir of [...dirs].sort()) zip.addEmptyDirectory(dir, { mtime: new Date(0) });
  }
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), `${top}/${name}`, { mtime: new Date(0) });
  zip.end();
  const chunks: Buffer[] = [];
  await new Promise<void>((done, fail) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', done).on('error', fail);
  });
  writeFileSync(path, Buffer.concat(chunks));
}

const key = (issues: readonly Issue[]) => issues.map((i) => `${i.severity} ${i.code} ${i.path ?? ''} ${i.location?.line ?? ''} ${String(i.expected ?? '')} ${String(i.received ?? '')}`).sort();

describe('a .zip bag with the usual single top-level folder (issue 18 item 2, RFC 8493 §4)', () => {
  const valid = bagFiles({ 'a.txt': 'hello', '文书/通知.txt': '通知' }, { algorithms: ['sha256'] });
  const faulty = { ...valid, 'data/a.txt': 'hellO' };

  it.each([
    ['a valid bag', valid, true],
    ['a bag with one corrupted payload file', faulty, false],
  ] as const)('%s gives the same report from the zip (with and without directory entries) as from the folder', async (name, files, isValid) => {
    const slug = isValid ? 'valid' : 'faulty';
    const folder = join(tmp, slug, 'bag');
    writeFolder(folder, files);
    const fromFolder = await validatePath(folder, { locale: 'en' });
    expect(fromFolder.profile).toBe('bagit');
    expect(fromFolder.valid, name).toBe(isValid);
    if (!isValid) expect(fromFolder.issues.map((i) => `${i.code} ${i.path}`)).toContain('bagit.fixity.mismatch data/a.txt');
    for (const directoryEntries of [false, true]) {
      const zipPath = join(tmp, `${slug}-${directoryEntries ? 'dirs' : 'nodirs'}.zip`);
      await writeZip(zipPath, files, 'bag', directoryEntries);
      const fromZip = await validatePath(zipPath, { locale: 'en' });
      expect(fromZip.profile).toBe('bagit');
      expect(fromZip.valid).toBe(isValid);
      expect(fromZip.issues.map((i) => i.code)).not.toContain('bagit.bagit-txt.missing');
      expect(key(fromZip.issues)).toEqual(key(fromFolder.issues));
      expect(fromZip.checks).toEqual(fromFolder.checks);
      expect(fromZip.summary.files).toBe(fromFolder.summary.files);
    }
  });

  it('a zip made by macOS (__MACOSX/ and .DS_Store beside the bag folder) gives the folder\'s report', async () => {
    const folder = join(tmp, 'mac', 'bag');
    writeFolder(folder, valid);
    const zipPath = join(tmp, 'mac.zip');
    const zip = new yazl.ZipFile();
    for (const [name, content] of Object.entries(valid)) zip.addBuffer(Buffer.from(content), `bag/${name}`, { mtime: new Date(0) });
    zip.addBuffer(Buffer.from('resource fork'), '__MACOSX/bag/._bagit.txt', { mtime: new Date(0) });
    zip.addBuffer(Buffer.from('finder'), '.DS_Store', { mtime: new Date(0) });
    zip.end();
    const chunks: Buffer[] = [];
    await new Promise<void>((done, fail) => {
      zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', done).on('error', fail);
    });
    writeFileSync(zipPath, Buffer.concat(chunks));
    const fromZip = await validatePath(zipPath, { locale: 'en' });
    const fromFolder = await validatePath(folder, { locale: 'en' });
    expect(fromZip.profile).toBe('bagit');
    expect(fromZip.valid).toBe(true);
    expect(key(fromZip.issues)).toEqual(key(fromFolder.issues));
  });

  it('the CLI gives exit 0 for the valid zip and 1 for the faulty one, naming the bag-relative path', async () => {
    const good = join(tmp, 'cli-good.zip');
    const bad = join(tmp, 'cli-bad.zip');
    await writeZip(good, valid, 'my-bag', false);
    await writeZip(bad, faulty, 'my-bag', false);
    expect(await run(['validate', good], memoryIo().io)).toBe(0);
    const m = memoryIo();
    expect(await run(['validate', bad, '--format', 'json'], m.io)).toBe(1);
    expect(JSON.parse(m.stdout()).issues.map((i: Issue) => `${i.code} ${i.path}`)).toContain('bagit.fixity.mismatch data/a.txt');
  });

  it('validatePackage passes allowRepeatedOxum through (RFC 8493 §2.2.2 error by default, a warning on request)', async () => {
    const folder = join(tmp, 'oxum-twice');
    const files = bagFiles({ 'a.txt': 'a' }, { bagInfo: 'Payload-Oxum: 1.1\nPayload-Oxum: 1.1\n' });
    delete files['tagmanifest-sha256.txt'];
    writeFolder(folder, files);
    const strict = await validatePath(folder);
    expect(strict.issues.map((i) => `${i.severity}:${i.code}`)).toEqual(['error:bagit.oxum.multiple']);
    const lenient = await validatePath(folder, { bagit: { allowRepeatedOxum: true } });
    expect(lenient.valid).toBe(true);
    expect(lenient.issues.map((i) => `${i.severity}:${i.code}`)).toEqual(['warning:bagit.oxum.multiple']);
    // On the command line: the same reading through --severity.
    expect(await run(['validate', folder], memoryIo().io)).toBe(1);
    expect(await run(['validate', folder, '--severity', 'bagit.oxum.multiple=warning'], memoryIo().io)).toBe(0);
  });

  it('finds the bag root only at the root or in the single top-level folder', () => {
    const file = (path: string) => ({ path, kind: 'file' as const, size: 1 });
    expect(findBagRoot([file('bagit.txt'), file('data/a')])).toBe('');
    expect(findBagRoot([file('bag/bagit.txt'), file('bag/data/a')])).toBe('bag/');
    expect(findBagRoot([{ path: 'bag', kind: 'directory', size: 0 }, file('bag/bagit.txt')])).toBe('bag/');
    // Two top-level entries: not one serialized bag.
    expect(findBagRoot([file('bag/bagit.txt'), file('other.txt')])).toBeUndefined();
    // macOS's __MACOSX/ and .DS_Store beside the folder are not part of it (issue 18 item 5).
    expect(findBagRoot([file('__MACOSX/bag/._bagit.txt'), file('bag/bagit.txt'), file('.DS_Store')])).toBe('bag/');
    expect(findBagRoot([file('bag/bagit.txt'), file('.DS_Store/x')])).toBeUndefined();
    // bagit.txt deeper down is payload, not a bag root.
    expect(findBagRoot([file('bag/data/bagit.txt')])).toBeUndefined();
    expect(detectPackageProfile([file('bag/bagit.txt'), file('bag/data/a')])).toBe('bagit');
    expect(detectPackageProfile([file('bag/data/bagit.txt')])).toBe('dat93');
  });
});

/** Packs files (`top` prefixed, or at the root when empty) as a tar, gzip-compressed for `tgz`, with tar-stream. */
async function writeTar(path: string, files: Record<string, string>, top: string, gzip: boolean, extra: { name: string; type?: 'symlink'; linkname?: string; content?: string }[] = []): Promise<void> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => chunks.push(c as Buffer)).on('end', resolve).on('error', reject);
  });
  const prefix = top === '' ? '' : `${top}/`;
  if (top !== '') pack.entry({ name: `${top}/`, type: 'directory', mtime: new Date(0) });
  for (const [name, content] of Object.entries(files)) pack.entry({ name: prefix + name, mtime: new Date(0) }, Buffer.from(content));
  for (const member of extra) {
    if (member.type === 'symlink') pack.entry({ name: member.name, type: 'symlink', linkname: member.linkname ?? '', mtime: new Date(0) });
    else pack.entry({ name: member.name, mtime: new Date(0) }, Buffer.from(member.content ?? ''));
  }
  pack.finalize();
  await done;
  const bytes = Buffer.concat(chunks);
  writeFileSync(path, gzip ? gzipSync(bytes) : bytes);
}

describe('.tar, .tar.gz and .tgz bags validated in place (issue 18 item 2)', () => {
  const valid = bagFiles({ 'a.txt': 'hello', '文书/通知.txt': '通知', 'b c.txt': 'x' }, { algorithms: ['sha256'] });
  const faulty = { ...valid, 'data/a.txt': 'hellO' };
  const layouts = [
    ['tar, single top-level folder', 'bag.tar', 'bag', false],
    ['tar.gz, single top-level folder', 'bag.tar.gz', 'bag', true],
    ['tgz, bag at the root', 'bag.tgz', '', true],
    ['tar, bag at the root', 'root.tar', '', false],
  ] as const;

  it.each(layouts)('%s: valid and with one corrupted file, the same report as the folder', async (_name, file, top, gzip) => {
    for (const [slug, files, isValid] of [['valid', valid, true], ['faulty', faulty, false]] as const) {
      const folder = join(tmp, `tar-${slug}`, 'bag');
      writeFolder(folder, files);
      const fromFolder = await validatePath(folder, { locale: 'en' });
      expect(fromFolder.valid).toBe(isValid);
      const archive = join(tmp, `${slug}-${file}`);
      await writeTar(archive, files, top, gzip);
      const fromTar = await validatePath(archive, { locale: 'en' });
      expect(fromTar.profile).toBe('bagit');
      expect(fromTar.valid).toBe(isValid);
      expect(key(fromTar.issues)).toEqual(key(fromFolder.issues));
      expect(fromTar.checks).toEqual(fromFolder.checks);
      expect(fromTar.summary.files).toBe(fromFolder.summary.files);
      if (!isValid) expect(fromTar.issues.map((i) => `${i.code} ${i.path}`)).toContain('bagit.fixity.mismatch data/a.txt');
    }
  });

  it('a member escaping the archive, or a symlink, is reported as in a zip and never read', async () => {
    const archive = join(tmp, 'hostile.tar');
    await writeTar(archive, valid, '', false, [{ name: '../evil.txt', content: 'x' }, { name: 'data/link', type: 'symlink', linkname: '/etc/passwd' }]);
    const report = await validatePath(archive, { locale: 'en' });
    expect(report.valid).toBe(false);
    const codes = report.issues.map((i) => `${i.code} ${i.path}`);
    expect(codes).toContain('bagit.entry.not-regular data/link');
    expect(codes.some((c) => c.includes('../evil.txt')), codes.join('; ')).toBe(true);
  });

  it('a corrupt gzip stream is an unreadable input (exit 2), not a crash', async () => {
    const archive = join(tmp, 'broken.tgz');
    await writeTar(archive, valid, 'bag', true);
    const bytes = (await import('node:fs')).readFileSync(archive);
    writeFileSync(archive, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const report = await validatePath(archive, { locale: 'en' });
    expect(report.valid).toBe(false);
    expect(report.issues.map((i) => i.code)).toEqual(['input.unreadable']);
    expect(await run(['validate', archive], memoryIo().io)).toBe(2);
  });

  it('a gzip bomb stops at 200:1 with a clear issue, not after inflating it all', async () => {
    const archive = join(tmp, 'bomb.tgz');
    // 64 MiB of zeros inflate from about 64 KiB (1,000:1); the budget is 200× the file, at least 1 MiB.
    await writeTar(archive, { ...valid, 'data/zeros.bin': '\0'.repeat(64 * 1024 * 1024) }, 'bag', true);
    const report = await validatePath(archive, { locale: 'en' });
    expect(report.issues.map((i) => i.code)).toEqual(['input.unreadable']);
    expect(report.issues[0]?.message).toContain('limits.compression-ratio');
    // Raised like a zip member's ratio, the same archive is read (and judged as a bag).
    const relaxed = await validatePath(archive, { locale: 'en', limits: { maxCompressionRatio: 100_000 } });
    expect(relaxed.profile).toBe('bagit');
    expect(relaxed.issues.map((i) => i.code)).not.toContain('input.unreadable');
  });
});
