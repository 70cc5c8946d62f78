import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBagDeclaration } from '../../formats/bagit/bagDeclaration.js';
import { formatBagManifest } from '../../formats/bagit/manifest.js';
import { formatPayloadOxum } from '../../formats/bagit/oxum.js';
import { isRfc8493 } from '../../formats/bagit/version.js';
import { findBagAlgorithm } from '../../package/bagit/algorithms.js';
import type { DigestAlgorithm, DigestOptions, DigestResult } from '../../package/source.js';
import type { Report } from '../../report/report.js';
import { digestPayload } from '../createBag.js';
import { digestFileStream } from '../digestStream.js';
import { validatePath } from '../validatePath.js';
import { listTree } from './payloadTree.js';

/** Options of {@link updateBag}. */
export interface UpdateBagOptions {
  /** Progress and parallel jobs for hashing. */
  digest?: DigestOptions;
}

/** What {@link updateBag} did. */
export interface UpdateBagResult {
  bag: string;
  /** Payload files and octets (the new Payload-Oxum). */
  files: number;
  bytes: number;
  /** Algorithms of the payload manifests rewritten. */
  algorithms: DigestAlgorithm[];
  /** Algorithms of the tag manifests rewritten (none when the bag had none). */
  tagAlgorithms: DigestAlgorithm[];
  /** The verdict of `dangan validate` on the updated bag. */
  report: Report;
}

const PAYLOAD_MANIFEST = /^manifest-(.+)\.txt$/;
const TAG_MANIFEST = /^tagmanifest-(.+)\.txt$/;

/**
 * Updates a BagIt 1.0 bag in place after its payload changed, as
 * bagit-python's `Bag.save(manifests=True)` does: every payload manifest is
 * regenerated for its algorithm from the files now under `data/`, the
 * Payload-Oxum of bag-info.txt is replaced (the other elements are kept as
 * written), and every tag manifest is regenerated over all tag files. Each
 * file is written to a temporary sibling and renamed over the old one. The
 * bag is then validated as `dangan validate` would.
 *
 * @param bag - The bag folder.
 * @param options - Progress and jobs for hashing.
 * @returns Counts, algorithms and the verdict.
 * @throws Error when the folder is not a BagIt 1.0 bag with UTF-8 tag files, has a fetch.txt
 *   (its files would drop out of the manifests), a manifest of an algorithm dangan cannot compute,
 *   or a payload holding links or names that clash after NFC.
 * @example
 * await updateBag('./bag')
 */
export async function updateBag(bag: string, options: UpdateBagOptions = {}): Promise<UpdateBagResult> {
  const declaration = parseBagDeclaration(await readFile(join(bag, 'bagit.txt')).catch(() => {
    throw new Error(`[dangan] ${bag} holds no bagit.txt; it is not a bag (bag it with dangan bag)`);
  }));
  if (!declaration.version || !isRfc8493(declaration.version) || !declaration.encoding?.utf8) {
    throw new Error(`[dangan] dangan bag --update rewrites BagIt 1.0 bags with UTF-8 tag files; ${bag} declares ${declaration.versionText ?? '?'} / ${declaration.encoding?.declared ?? '?'}`);
  }
  const names = (await readdir(bag, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  if (names.includes('fetch.txt')) throw new Error(`[dangan] ${bag} has a fetch.txt; fetch its files and remove it before updating (they would drop out of the manifests)`);
  const algorithmsOf = (pattern: RegExp): DigestAlgorithm[] =>
    names.flatMap((name) => {
      const match = pattern.exec(name);
      if (!match) return [];
      const algorithm = findBagAlgorithm(match[1] as string);
      if (!algorithm) throw new Error(`[dangan] ${name}: dangan cannot compute this algorithm, so it cannot update the manifest`);
      return [algorithm.name];
    });
  const algorithms = algorithmsOf(PAYLOAD_MANIFEST);
  const tagAlgorithms = algorithmsOf(TAG_MANIFEST);
  if (algorithms.length === 0) throw new Error(`[dangan] ${bag} has no payload manifest`);

  const files = (await listTree(join(bag, 'data'))).filter((e) => e.kind === 'file');
  const digests = await digestPayload(join(bag, 'data'), files, [...new Set([...algorithms])], options.digest);
  const bytes = [...digests.values()].reduce((sum, r) => sum + r.bytes, 0);
  const lines = files
    .map((f) => ({ path: `data/${f.path}`, result: digests.get(f.path.normalize('NFC')) as DigestResult }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Manifest names are kept as found (a bagit-python manifest-sha3_256.txt stays so named).
  for (const name of names) {
    const match = PAYLOAD_MANIFEST.exec(name);
    if (!match) continue;
    const algorithm = findBagAlgorithm(match[1] as string)?.name as DigestAlgorithm;
    await replaceFile(join(bag, name), formatBagManifest(lines.map((l) => ({ path: l.path, digest: l.result.digests[algorithm] ?? '' }))));
  }
  const oxum = formatPayloadOxum({ octets: bytes, streams: files.length });
  await replaceFile(join(bag, 'bag-info.txt'), withPayloadOxum(await readFile(join(bag, 'bag-info.txt'), 'utf8').catch(() => ''), oxum));
  if (tagAlgorithms.length > 0) await rewriteTagManifests(bag, names, tagAlgorithms);
  return { bag, files: files.length, bytes, algorithms, tagAlgorithms, report: await validatePath(bag, { profile: 'bagit' }) };
}

/**
 * bag-info.txt with its Payload-Oxum replaced (RFC 8493 §2.2.2), or appended
 * when there was none; every other line is kept byte for byte.
 *
 * @param text - The current bag-info.txt.
 * @param oxum - The new value.
 * @returns The new text.
 * @example
 * withPayloadOxum('Contact-Name: A\nPayload-Oxum: 1.1\n', '5.2') //=> 'Contact-Name: A\nPayload-Oxum: 5.2\n'
 */
export function withPayloadOxum(text: string, oxum: string): string {
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  const kept: string[] = [];
  let skipping = false;
  for (const line of lines) {
    // A folded value continues on lines that start with whitespace; they go with the old Oxum.
    if (skipping && /^[ \t]/.test(line)) continue;
    skipping = /^\s*payload-oxum\s*:/i.test(line);
    if (!skipping) kept.push(line);
  }
  kept.push(`Payload-Oxum: ${oxum}`);
  return `${kept.join('\n')}\n`;
}

/** Every tag manifest over every tag file but the tag manifests (RFC 8493 §2.2.1), bagit-python's selection. */
async function rewriteTagManifests(bag: string, names: readonly string[], algorithms: readonly DigestAlgorithm[]): Promise<void> {
  const listed = (await tagFilesBelow(bag, '')).filter((name) => !TAG_MANIFEST.test(name)).sort();
  const digests = new Map<string, Partial<Record<DigestAlgorithm, string>>>();
  for (const name of listed) {
    const bytes = await readFile(join(bag, name));
    digests.set(name, (await digestFileStream((async function* () { yield bytes; })(), algorithms)).digests);
  }
  for (const name of names) {
    const match = TAG_MANIFEST.exec(name);
    if (!match) continue;
    const algorithm = findBagAlgorithm(match[1] as string)?.name as DigestAlgorithm;
    await replaceFile(join(bag, name), formatBagManifest(listed.map((path) => ({ path, digest: digests.get(path)?.[algorithm] ?? '' }))));
  }
}

/** Tag files: every regular file outside `data/`, in sub-folders too (RFC 8493 §2.2.4). */
async function tagFilesBelow(bag: string, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(bag, prefix), { withFileTypes: true })) {
    const path = prefix + entry.name;
    if (entry.isFile()) found.push(path);
    else if (entry.isDirectory() && path !== 'data') found.push(...(await tagFilesBelow(bag, `${path}/`)));
  }
  return found;
}

/** Writes a file through a temporary sibling and a rename, so a crash never leaves half a manifest. */
async function replaceFile(path: string, text: string): Promise<void> {
  const temporary = `${path}.dangan-update`;
  try {
    await writeFile(temporary, text, { flag: 'w' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
