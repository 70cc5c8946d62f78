import { copyFile, link, mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { TreeEntry } from './payloadTree.js';

/** How payload bytes reached the bag. */
export interface PlacementCounts {
  /** Files renamed into `data/` (in-place bagging). */
  moved: number;
  /** Files hard-linked into the new bag: no byte copied. */
  linked: number;
  /** Files copied (by request, or because a hard link was impossible, e.g. across devices). */
  copied: number;
}

/**
 * Makes `dir` a bag in place: every top-level entry is renamed into a fresh
 * `data/` folder (renames move no bytes). A payload folder already called
 * `data` ends up as `data/data`, as bagit-python does.
 *
 * @param dir - The folder to turn into a bag.
 * @param tree - Its listing, from `listTree`.
 * @returns Counts (every file is `moved`).
 * @throws Error from the file system (e.g. permissions); entries already moved stay in the temporary folder named in the error.
 * @example
 * await movePayloadInPlace('./folder', await listTree('./folder'))
 */
export async function movePayloadInPlace(dir: string, tree: readonly TreeEntry[]): Promise<PlacementCounts> {
  const staging = join(dir, `.dangan-bag-${process.pid}-${Date.now()}`);
  await mkdir(staging);
  const top = (await readdir(dir, { encoding: 'buffer' })).filter((name) => join(dir, name.toString()) !== staging);
  try {
    for (const name of top) await rename(Buffer.concat([Buffer.from(`${dir}/`), name]), Buffer.concat([Buffer.from(`${staging}/`), name]));
  } catch (error) {
    throw new Error(`[dangan] moving the payload failed; moved entries are in ${staging}: ${(error as Error).message}`);
  }
  await rename(staging, join(dir, 'data'));
  return { moved: tree.filter((e) => e.kind === 'file').length, linked: 0, copied: 0 };
}

/**
 * Fills `<bag>/data/` from a source tree without changing the source: hard
 * links by default, so the payload's bytes are not copied a second time;
 * falls back to a copy where a link is impossible (another device, a file
 * system without links). `mode: 'copy'` always copies.
 *
 * @param tree - The source listing, from `listTree`.
 * @param dataDir - The bag's `data/` folder (created).
 * @param mode - `link` (default) or `copy`.
 * @returns How many files were linked and copied.
 * @throws Error from the file system.
 * @example
 * await linkPayload(await listTree('./移交信息包'), './bag/data', 'link')
 */
export async function linkPayload(tree: readonly TreeEntry[], dataDir: string, mode: 'link' | 'copy' = 'link'): Promise<PlacementCounts> {
  const counts: PlacementCounts = { moved: 0, linked: 0, copied: 0 };
  await mkdir(dataDir, { recursive: true });
  const base = Buffer.from(`${dataDir}/`);
  for (const entry of tree) {
    const target = Buffer.concat([base, entry.rawRelative]);
    if (entry.kind === 'directory') {
      await mkdir(target);
      continue;
    }
    if (mode === 'link') {
      try {
        await link(entry.raw, target);
        counts.linked += 1;
        continue;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
      }
    }
    await copyFile(entry.raw, target);
    counts.copied += 1;
  }
  return counts;
}
