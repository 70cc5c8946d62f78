import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openZipBlobSource } from '../../src/browser/index.js';
import { openZipSource } from '../../src/node/index.js';
import { validatePackage } from '../../src/package/index.js';
import type { PackageSource } from '../../src/package/source.js';
import type { Report } from '../../src/report/index.js';
import { buildOverlapZip } from '../hostile/overlapZip.js';
// @ts-expect-error -- plain JS fixture helper without types
import { buildZip } from '../fixtures/packages/zip.mjs';

/**
 * Hostile zips (docs/security.md) give the same Report through the browser
 * zip source as through the node one: the valid package zipped, then one
 * member's CRC-32, local name or placement made hostile, or bytes added
 * around the zip.
 */
type Member = { name: string; data?: Uint8Array | string; deflate?: boolean; localName?: string; crc?: number; localOnly?: boolean };
const zip = buildZip as (members: Member[]) => Buffer;
const VALID = join(import.meta.dirname, '../fixtures/packages/cases/valid');
const members: Member[] = readdirSync(VALID, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile())
  .map((d) => ({ name: relative(VALID, join(d.parentPath, d.name)).split(sep).join('/'), data: readFileSync(join(d.parentPath, d.name)), deflate: true }))
  .sort((a, b) => (a.name < b.name ? -1 : 1));
const pdf = members.findIndex((m) => m.name.endsWith('.pdf'));
const edit = (i: number, change: Partial<Member>) => members.map((m, j) => (j === i ? { ...m, ...change } : m));

const CASES: [string, Buffer][] = [
  ['crc mismatch', zip(edit(pdf, { crc: 1 }))],
  ['local name differs', zip(edit(pdf, { localName: 'other.pdf' }))],
  ['trailing garbage', Buffer.concat([zip(members), Buffer.from('trailing bytes')])],
  ['self-extracting stub', Buffer.concat([Buffer.from('MZ stub '.repeat(16)), zip(members)])],
  ['local-only member', zip([...members.slice(0, 2), { name: 'hidden.txt', data: 'x', localOnly: true }, ...members.slice(2)])],
  ['local-only member at the end', zip([...members, { name: 'hidden.txt', data: 'x', localOnly: true }])],
  ['overlapping members (bomb)', buildOverlapZip({ names: ['a.bin', 'b.bin', 'c.bin'], payload: new Uint8Array(1 << 16), plain: members.map((m) => ({ name: m.name, data: new Uint8Array(m.data as Buffer) })) })],
];


const scratch = mkdtempSync(join(tmpdir(), 'dangan-browser-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const essence = (r: Report) => ({
  valid: r.valid,
  checks: r.checks.map((c) => `${c.id}:${c.status}`),
  issues: r.issues.map((i) => `${i.code} ${i.severity} ${i.path ?? ''}`),
});
async function validate(source: PackageSource) {
  try {
    return essence(await validatePackage(source));
  } finally {
    await source.close?.();
  }
}
async function both(name: string, bytes: Buffer) {
  const path = join(scratch, `${name.replace(/\W+/g, '-')}.zip`);
  writeFileSync(path, bytes);
  return { node: await validate(await openZipSource(path)), browser: await validate(await openZipBlobSource(new Blob([new Uint8Array(bytes)]))) };
}

describe('hostile zips through the browser zip source', () => {
  it.each(CASES)('%s: the same Report as the node zip source', async (name, bytes) => {
    const { node, browser } = await both(name, bytes);
    expect(node.issues.some((i) => i.startsWith('zip.'))).toBe(true);
    expect(browser).toEqual(node);
  });
});
