import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { afterAll, describe, expect, it } from 'vitest';
import { openFileListSource, openZipBlobSource } from '../../src/browser/index.js';
import { openDirectorySource, openZipSource } from '../../src/node/index.js';
import { validatePackage } from '../../src/package/index.js';
import type { PackageSource } from '../../src/package/source.js';
import type { Report } from '../../src/report/index.js';

/**
 * One validator, two sources (issue 21, must show): every package of the
 * fixture corpus, under every profile it is a case of, gives the same Report
 * through the `dangan/browser` sources as through the `dangan/node` ones —
 * a folder as `{ path, blob }` files against the directory source, and the
 * folder zipped by yazl (deflated, so members are inflated on demand) as a
 * Blob against the zip source over the same bytes on disk. A `.zip` case is
 * compared as it is. Compared: valid, profile, checks (id, status) and each
 * issue's code, severity, path and location; never timings.
 */
const fixtures = join(import.meta.dirname, '../fixtures/packages');
type Profile = 'dat93' | 'eep' | 'bagit';
interface Case {
  package: string;
}
interface ProfileIndex {
  passing: Record<string, string>;
  checks: Record<string, { pass: string; fail?: Case[]; warn?: Case[] }>;
}
const index = JSON.parse(readFileSync(join(fixtures, 'cases.json'), 'utf8')) as { profiles: Record<Profile, ProfileIndex> };
const runs = new Map<string, Set<Profile>>();
for (const [profile, p] of Object.entries(index.profiles) as [Profile, ProfileIndex][]) {
  const packages = [
    ...Object.values(p.passing),
    ...Object.values(p.checks).flatMap((c) => [c.pass, ...(c.fail ?? []), ...(c.warn ?? [])].map((x) => (typeof x === 'string' ? x : x.package))),
  ];
  for (const pkg of packages) (runs.get(pkg) ?? runs.set(pkg, new Set()).get(pkg)!).add(profile);
}
const cases = [...runs].sort(([a], [b]) => (a < b ? -1 : 1));

/**
 * Where a browser folder cannot be the same package, and why: a browser hands
 * a page files only — never a symbolic link (a picker gives the file it points
 * to, or nothing) nor an empty folder — so a folder case holding a link is
 * not comparable as a folder. Its zipped form keeps the link (a Unix mode) and
 * is compared.
 */
const FOLDER_NOT_COMPARABLE: Record<string, string> = {
  'cases/security.entries--link': 'holds a symbolic link; a browser folder has no links',
  'cases/bagit.structure--link': 'holds a symbolic link; a browser folder has no links',
};

const scratch = mkdtempSync(join(tmpdir(), 'dangan-browser-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Walked {
  path: string;
  kind: 'file' | 'directory' | 'symlink';
  abs: string;
}
function walk(root: string, prefix = ''): Walked[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((d): Walked[] => {
    const path = prefix + d.name;
    const abs = join(root, path);
    if (d.isSymbolicLink()) return [{ path, kind: 'symlink', abs }];
    if (d.isDirectory()) return [{ path, kind: 'directory', abs }, ...walk(root, `${path}/`)];
    return [{ path, kind: 'file', abs }];
  });
}

/** The folder zipped by yazl: files deflated, empty folders kept, links as Unix symlinks. */
async function zipFolder(root: string, prefix = ''): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  const mtime = new Date(Date.UTC(2024, 0, 1));
  const walked = walk(root);
  for (const w of walked) {
    if (w.kind === 'file') zip.addBuffer(readFileSync(w.abs), prefix + w.path, { mtime, compress: true });
    else if (w.kind === 'symlink') zip.addBuffer(Buffer.from(readlinkSync(w.abs)), prefix + w.path, { mtime, mode: 0o120777, compress: false });
    else if (!walked.some((o) => o.path.startsWith(`${w.path}/`))) zip.addEmptyDirectory(prefix + w.path, { mtime });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** What must be the same: the verdict, the checks and each issue's code, severity, path and place. */
function essence(report: Report) {
  return {
    valid: report.valid,
    profile: report.profile,
    checks: report.checks.map((c) => `${c.id}:${c.status}`),
    issues: report.issues.map((i) => [i.code, i.severity, i.path ?? '', i.location ? JSON.stringify(i.location) : ''].join(' ')),
  };
}

async function validate(source: PackageSource, profile: Profile) {
  try {
    return essence(await validatePackage(source, { profile }));
  } finally {
    await source.close?.();
  }
}

describe('dangan/browser sources give the Reports of the dangan/node sources', () => {
  it('enumerates the corpus', () => {
    expect(cases.length).toBeGreaterThan(40);
    for (const pkg of Object.keys(FOLDER_NOT_COMPARABLE)) expect(runs.has(pkg), pkg).toBe(true);
  });

  it.each(cases)('%s', async (pkg, profiles) => {
    const path = join(fixtures, pkg);
    const zipBytes = pkg.endsWith('.zip') ? new Uint8Array(readFileSync(path)) : await zipFolder(path);
    const zipPath = join(scratch, `${pkg.replaceAll('/', '_')}${pkg.endsWith('.zip') ? '' : '.zip'}`);
    writeFileSync(zipPath, zipBytes);
    for (const profile of profiles) {
      const viaZip = await validate(await openZipSource(zipPath), profile);
      expect(await validate(await openZipBlobSource(new Blob([zipBytes as Uint8Array<ArrayBuffer>]), 'package.zip'), profile), `${profile} zip`).toEqual(viaZip);
      if (pkg.endsWith('.zip') || pkg in FOLDER_NOT_COMPARABLE) continue;
      const files = walk(path)
        .filter((w) => w.kind === 'file')
        .map((w) => ({ path: w.path, blob: new Blob([readFileSync(w.abs)]) }));
      const viaDirectory = await validate(await openDirectorySource(path), profile);
      expect(await validate(openFileListSource(files, 'package'), profile), `${profile} folder`).toEqual(viaDirectory);
    }
  });

  it('a serialized bag (a zip with one top-level folder, RFC 8493 §4) gives the same Report', async () => {
    const bag = Object.values(index.profiles.bagit.passing)[0] as string;
    const zipBytes = await zipFolder(join(fixtures, bag), 'bag/');
    const zipPath = join(scratch, 'serialized-bag.zip');
    writeFileSync(zipPath, zipBytes);
    const viaZip = await validate(await openZipSource(zipPath), 'bagit');
    expect(viaZip.valid).toBe(true);
    expect(await validate(await openZipBlobSource(new Blob([zipBytes as Uint8Array<ArrayBuffer>]), 'bag.zip'), 'bagit')).toEqual(viaZip);
  });

  it('a folder with a link differs only by the link the browser cannot hand over', async () => {
    const path = join(fixtures, 'cases/security.entries--link');
    const files = walk(path)
      .filter((w) => w.kind === 'file')
      .map((w) => ({ path: w.path, blob: new Blob([readFileSync(w.abs)]) }));
    const viaDirectory = await validate(await openDirectorySource(path), 'dat93');
    expect(viaDirectory.issues.some((i) => i.startsWith('package.link '))).toBe(true);
    const viaBrowser = await validate(openFileListSource(files, 'package'), 'dat93');
    expect(viaBrowser.issues.some((i) => i.startsWith('package.link '))).toBe(false);
  });
});
