// Hostile input, second round (issue 23, classes 1, 3, 4, 5, 6, 11, 12): each case is written here
// (sizes scaled with sparse files and overlapping zip members, never real gigabytes) and validated
// by the CLI in a child process, which must end in a report with a stable code at the right path —
// exit 1 for a hostile package, 2 for an unusable input — within 5 s and 512 MB, with no stack trace.
import { chmodSync, copyFileSync, cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, constants, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { bundleCli, STACK_LINE, validateInChild, type CliRun } from './cliProcess.js';
import { buildOverlapZip } from './overlapZip.js';
// @ts-expect-error -- plain JS fixture helper without types
import { buildZip } from '../fixtures/packages/zip.mjs';

type Member = { name: string; data?: Uint8Array | string; deflate?: boolean; localName?: string; crc?: number; localOnly?: boolean; raw?: boolean };
type RawMember = Member & { body?: Buffer; size?: number };
const zip = buildZip as (members: Member[]) => Buffer;

const VALID = join(import.meta.dirname, '../fixtures/packages/cases/valid');
const VALID_EEP = join(import.meta.dirname, '../fixtures/packages/cases/valid-eep/Z109/WS/Z109-WS·2024-Y-BGS-0002/正文.eep');
const ITEM = 'Z109/WS/Z109-WS·2024-Y-BGS-0001';
const ITEM2 = 'Z109/WS/Z109-WS·2024-Y-BGS-0002';
const MiB = 1 << 20;

const tmp = mkdtempSync(join(tmpdir(), 'dangan-hostile2-'));
chmodSync(tmp, 0o755);
let cli: string;
beforeAll(async () => {
  cli = await bundleCli();
}, 60_000);
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(join(cli, '..'), { recursive: true, force: true });
});

let counter = 0;
/** A fresh copy of the valid package. */
function validCopy(): string {
  const dir = join(tmp, `pkg-${counter++}`);
  cpSync(VALID, dir, { recursive: true });
  return dir;
}

/** The valid package's files as zip members (stored), root at the top of the zip. */
function validMembers(): Member[] {
  const members: Member[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(VALID, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (lstatSync(join(VALID, path)).isDirectory()) walk(path);
      else members.push({ name: path, data: readFileSync(join(VALID, path)) });
    }
  };
  walk('');
  return members;
}

function writeZip(bytes: Buffer): string {
  const file = join(tmp, `z-${counter++}.zip`);
  writeFileSync(file, bytes);
  return file;
}

/** Runs the CLI and checks the contract every case shares: bounded, no stack trace, a report. */
function expectBounded(run: CliRun, exit: 1 | 2 | 0): Report {
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.code).toBe(exit);
  expect(run.ms).toBeLessThan(5000);
  expect(run.rssMiB).toBeLessThan(512);
  expect(run.report).toBeDefined();
  return run.report as Report;
}

function issueAt(report: Report, code: string, path?: string) {
  return report.issues.find((i) => i.code === code && (path === undefined || i.path === path));
}

/**
 * A member of `total` bytes (a whole number of MiB) deflated about 60:1, built from one MiB
 * compressed once with a full flush (byte-aligned, no reference back across it) and repeated.
 */
function largeDeflatedMember(name: string, total: number): RawMember {
  const chunk = Buffer.alloc(MiB);
  let seed = 1;
  for (let i = 0; i < chunk.length; i += 100) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    chunk[i] = seed >>> 24;
  }
  const block = deflateRawSync(chunk, { finishFlush: constants.Z_FULL_FLUSH });
  const count = total / MiB;
  let crc = 0;
  for (let i = 0; i < count; i++) crc = crc32(chunk, crc);
  const body = Buffer.concat([...Array.from({ length: count }, () => block), Buffer.from([3, 0])]);
  return { name, body, size: total, crc };
}

/** Writes a zip with members whose deflated body is given (the fixture writer deflates itself). */
function zipWithRaw(members: readonly Member[], raw: RawMember): Buffer {
  // The fixture writer is asked for a placeholder of the right name; its local header and central
  // record are then patched to the raw member's method, sizes and CRC, and the body swapped in.
  const before = zip([...members]);
  const name = Buffer.from(raw.name, 'utf8');
  const body = raw.body as Buffer;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(0x5821, 12);
  local.writeUInt32LE(raw.crc ?? 0, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(raw.size ?? 0, 22);
  local.writeUInt16LE(name.length, 26);
  // Split `before` into its locals and its central directory, append the raw member to both.
  const eocd = before.subarray(before.length - 22);
  const cdSize = eocd.readUInt32LE(12);
  const cdOffset = eocd.readUInt32LE(16);
  const locals = before.subarray(0, cdOffset);
  const cd = before.subarray(cdOffset, cdOffset + cdSize);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(0x5821, 14);
  central.writeUInt32LE(raw.crc ?? 0, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(raw.size ?? 0, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(cdOffset, 42);
  const newCd = Buffer.concat([cd, central, name]);
  const end = Buffer.from(eocd);
  end.writeUInt16LE(eocd.readUInt16LE(8) + 1, 8);
  end.writeUInt16LE(eocd.readUInt16LE(10) + 1, 10);
  end.writeUInt32LE(newCd.length, 12);
  end.writeUInt32LE(cdOffset + 30 + name.length + body.length, 16);
  return Buffer.concat([locals, local, name, body, newCd, end]);
}

describe('class 1: an .eep of 512 MiB or more is never decoded into one string', () => {
  it('alone: xml.limit-bytes at its path, exit 1', () => {
    const file = join(tmp, 'big.eep');
    writeFileSync(file, '<?xml version="1.0" encoding="UTF-8"?><电子文件封装包>');
    truncateSync(file, 600 * MiB);
    const report = expectBounded(validateInChild(cli, [file]), 1);
    expect(issueAt(report, 'xml.limit-bytes', 'big.eep')?.received).toBe(600 * MiB);
  });

  it('inside an item folder: xml.limit-bytes at the .eep, exit 1', () => {
    const dir = validCopy();
    const file = join(dir, ITEM, '附件.eep');
    writeFileSync(file, '<?xml version="1.0" encoding="UTF-8"?>');
    truncateSync(file, 520 * MiB);
    const report = expectBounded(validateInChild(cli, [dir]), 1);
    expect(issueAt(report, 'xml.limit-bytes', `${ITEM}/附件.eep`)).toBeDefined();
  });

  it('as a zip member deflated about 60:1: refused by its declared size before inflating, exit 1', () => {
    const member = largeDeflatedMember(`${ITEM}/附件.eep`, 300 * MiB);
    const bytes = zipWithRaw(validMembers(), member);
    expect(bytes.length).toBeLessThan(10 * MiB);
    const report = expectBounded(validateInChild(cli, [writeZip(bytes)]), 1);
    expect(issueAt(report, 'xml.limit-bytes', `${ITEM}/附件.eep`)?.received).toBe(300 * MiB);
    expect(issueAt(report, 'limits.compression-ratio')).toBeUndefined();
  });
});

describe('class 1: every file a command reads is bounded before it becomes a string', () => {
  it('a 600 MiB catalogue given to `dangan catalogue`: xml.limit-bytes, exit 1', () => {
    const file = join(tmp, '目录.xml');
    writeFileSync(file, '<?xml version="1.0" encoding="UTF-8"?><目录>');
    truncateSync(file, 600 * MiB);
    const report = expectBounded(validateInChild(cli, ['check', file], { command: 'catalogue' }), 1);
    expect(issueAt(report, 'xml.limit-bytes')?.received).toBe(600 * MiB);
  });
});

describe('class 3: metadata members sharing one compressed block', () => {
  it('are overlapping members: refused unread, zip.entry-overlap at each metadata path, exit 1', () => {
    const metadata = [`${ITEM}/电子档案元数据.XML`, `${ITEM2}/电子档案元数据.XML`];
    const plain = validMembers()
      .filter((m) => !metadata.includes(m.name))
      .map((m) => ({ name: m.name, data: Buffer.from(m.data as Uint8Array) }));
    const bytes = buildOverlapZip({ names: metadata, payload: Buffer.alloc(900_000, 0x20), plain });
    const report = expectBounded(validateInChild(cli, [writeZip(bytes)]), 1);
    for (const path of metadata) expect(issueAt(report, 'zip.entry-overlap', path)).toBeDefined();
  });
});

describe('class 4: zip bombs by overlap, and unlisted files', () => {
  it('1,000 members inflating one kernel (256 MB from a few KB) are refused before any inflating, exit 1', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `${ITEM}/x${String(i).padStart(4, '0')}.bin`);
    const plain = validMembers().map((m) => ({ name: m.name, data: Buffer.from(m.data as Uint8Array) }));
    const bytes = buildOverlapZip({ names, payload: Buffer.alloc(256 * 1024), plain });
    expect(bytes.length).toBeLessThan(200_000);
    const report = expectBounded(validateInChild(cli, [writeZip(bytes)]), 1);
    expect(issueAt(report, 'zip.entry-overlap', names[0])).toBeDefined();
    expect(issueAt(report, 'zip.entry-overlap', names[999])).toBeDefined();
  });

  it('a 4 GiB unlisted sparse file in a folder package is reported, not hashed, exit 1', () => {
    const dir = validCopy();
    const file = join(dir, ITEM, '附件.bin');
    writeFileSync(file, '');
    truncateSync(file, 4 * 1024 * MiB);
    const report = expectBounded(validateInChild(cli, [dir]), 1);
    expect(issueAt(report, 'content.unlisted', `${ITEM}/附件.bin`)).toBeDefined();
  });
});

describe('class 5: the path itself', () => {
  it('an .eep path that is a link to /dev/zero is refused before opening, exit 2, one line', () => {
    const link = join(tmp, 'zero.eep');
    symlinkSync('/dev/zero', link);
    const report = expectBounded(validateInChild(cli, [link]), 2);
    const issue = issueAt(report, 'input.unreadable', 'zero.eep');
    expect(issue?.message).toMatch(/character device, not a regular file or directory/);
    expect(issue?.message).not.toMatch(/\n/);
  });

  it('a FIFO as the path is refused without blocking, exit 2', () => {
    const fifo = join(tmp, 'pipe.eep');
    execFileSync('mkfifo', [fifo]);
    const report = expectBounded(validateInChild(cli, [fifo], { timeout: 10_000 }), 2);
    expect(issueAt(report, 'input.unreadable', 'pipe.eep')?.message).toMatch(/FIFO/);
  });
});

describe('class 6: zips read differently by extractors', () => {
  const pdf = `${ITEM}/正文.pdf`;

  it('a central directory name other than the local header name: zip.name-mismatch, exit 1', () => {
    const members = validMembers().map((m) => (m.name === pdf ? { ...m, localName: `${ITEM}/payload.exe` } : m));
    const report = expectBounded(validateInChild(cli, [writeZip(zip(members))]), 1);
    expect(issueAt(report, 'zip.name-mismatch', pdf)?.received).toBe(`${ITEM}/payload.exe`);
  });

  it('a local-only member absent from the central directory: zip.entry-local-only, exit 1', () => {
    const members = [...validMembers(), { name: `${ITEM}/payload.exe`, data: 'MZ\x90\x00hidden', localOnly: true }];
    const report = expectBounded(validateInChild(cli, [writeZip(zip(members))]), 1);
    expect(issueAt(report, 'zip.entry-local-only', `${ITEM}/payload.exe`)).toBeDefined();
  });

  it.each([
    ['stored', false],
    ['deflated', true],
  ])('a wrong CRC-32 (%s): zip.crc-mismatch at the member, exit 1', (_, deflate) => {
    const members = validMembers().map((m) => (m.name === pdf ? { ...m, crc: 0x12345678, deflate } : m));
    const report = expectBounded(validateInChild(cli, [writeZip(zip(members))]), 1);
    expect(issueAt(report, 'zip.crc-mismatch', pdf)?.expected).toBe('12345678');
  });

  it('a folder entry carrying data: zip.directory-data, exit 1', () => {
    const members = [...validMembers(), { name: `${ITEM}/附件/`, data: 'not a folder' }];
    const report = expectBounded(validateInChild(cli, [writeZip(zip(members))]), 1);
    expect(issueAt(report, 'zip.directory-data', `${ITEM}/附件`)?.received).toBe(12);
  });

  it('7 bytes of trailing garbage: read as unzip reads it, a warning, exit 0', () => {
    const bytes = Buffer.concat([zip(validMembers()), Buffer.from('GARBAGE')]);
    const report = expectBounded(validateInChild(cli, [writeZip(bytes)]), 0);
    expect(issueAt(report, 'zip.trailing-data')?.received).toBe(7);
  });

  it('a self-extracting stub prepended (offsets not adjusted): read past, a warning, exit 0', () => {
    const stub = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(4096, 0xcc)]);
    const bytes = Buffer.concat([stub, zip(validMembers())]);
    // A file that starts MZ is found by its end record, not its first bytes: name it .zip and say so.
    const report = expectBounded(validateInChild(cli, [writeZip(bytes)]), 0);
    expect(issueAt(report, 'zip.prefix-data')?.received).toBe(stub.length);
  });
});

describe('class 12: the package root and its folders', () => {
  it('a symlinked package root is followed (it is the caller’s argument): valid, exit 0', () => {
    const link = join(tmp, 'linked-root');
    symlinkSync(validCopy(), link);
    expectBounded(validateInChild(cli, [link]), 0);
  });

  it('an unreadable subfolder is an issue naming it, not an abort, exit 1', () => {
    const dir = validCopy();
    const folder = join(dir, ITEM2);
    for (const d of [dir, join(dir, 'Z109'), join(dir, 'Z109/WS'), join(dir, ITEM)]) chmodSync(d, 0o755);
    chmodSync(folder, 0);
    try {
      // As root a mode of 000 does not stop a read: run as nobody, who can read all but that folder.
      const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      for (const f of readdirSync(dir, { recursive: true }) as string[]) if (!f.startsWith(ITEM2)) chmodSync(join(dir, f), lstatSync(join(dir, f)).isDirectory() ? 0o755 : 0o644);
      const report = expectBounded(validateInChild(cli, [dir], asNobody), 1);
      expect(issueAt(report, 'package.folder-unreadable', ITEM2)?.received).toBe('EACCES');
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it('--profile is honoured for an .eep path: eep validates it, dat93 is a usage error (exit 2)', () => {
    const file = join(tmp, '正文.eep');
    copyFileSync(VALID_EEP, file);
    const eep = validateInChild(cli, [file, '--profile', 'eep']);
    expect(eep.report?.profile).toBe('eep');
    const dat93 = expectBounded(validateInChild(cli, [file, '--profile', 'dat93']), 2);
    expect(dat93.profile).toBe('dat93');
    expect(issueAt(dat93, 'input.unreadable')?.message).toMatch(/profile dat93 needs a package folder or zip/);
  });
});

describe('a zip stored with a folder entry, to keep the fixture writer honest', () => {
  it('writes folders as zero-byte members that are no finding', () => {
    const members = [{ name: 'Z109/' }, { name: `${ITEM}/` }, ...validMembers()];
    const run = validateInChild(cli, [writeZip(zip(members))]);
    expect(run.report?.issues.map((i) => i.code)).toEqual([]);
    expectBounded(run, 0);
  });
});
