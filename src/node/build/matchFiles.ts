import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TransferPackageFile } from '../buildTransferPackage.js';

/** Result of {@link matchFiles}. */
export interface MatchedFiles {
  /** Content files per key, sorted by name. */
  byKey: Map<string, TransferPackageFile[]>;
  /** Paths (relative to the folder, `/`-separated) of files no key claims. */
  unmatched: string[];
}

const byName = (a: TransferPackageFile, b: TransferPackageFile) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true });

/**
 * Finds each entry's content files in a folder tree: a file whose name, or
 * name without extension, is a key (`Z109-WS·2011-Y-BGS-0001.pdf`), or every
 * file directly inside a folder named by a key (`Z109-WS·2011-Y-BGS-0001/正文.pdf`).
 * Other folders are searched recursively. Names are NFC-normalised; hidden
 * files (`.DS_Store` …) are ignored; links are never followed and, like any
 * other file no key claims, are listed as unmatched.
 *
 * @param root - The folder holding the content files.
 * @param keys - The match keys (档号 by default).
 * @returns Files per key and the unmatched paths.
 * @throws Error when `root` cannot be read.
 * @example
 * const { byKey, unmatched } = await matchFiles('./files', new Set(['Z109-WS·2011-Y-BGS-0001']));
 */
export async function matchFiles(root: string, keys: ReadonlySet<string>): Promise<MatchedFiles> {
  const byKey = new Map<string, TransferPackageFile[]>();
  const unmatched: string[] = [];
  const add = (key: string, file: TransferPackageFile) => byKey.set(key, [...(byKey.get(key) ?? []), file]);
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const children = await readdir(dir, { withFileTypes: true });
    for (const child of children) {
      const name = child.name.normalize('NFC');
      if (name.startsWith('.')) continue;
      const path = join(dir, child.name);
      if (child.isDirectory()) {
        if (keys.has(name)) await collectFolder(path, name, `${prefix}${name}/`, add, unmatched);
        else await walk(path, `${prefix}${name}/`);
      } else if (child.isFile()) {
        const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
        const key = keys.has(name) ? name : keys.has(stem) ? stem : undefined;
        if (key === undefined) unmatched.push(prefix + name);
        else add(key, { name, path });
      } else unmatched.push(prefix + name);
    }
  };
  await walk(root, '');
  for (const files of byKey.values()) files.sort(byName);
  unmatched.sort();
  return { byKey, unmatched };
}

async function collectFolder(
  dir: string,
  key: string,
  prefix: string,
  add: (key: string, file: TransferPackageFile) => void,
  unmatched: string[],
): Promise<void> {
  for (const child of await readdir(dir, { withFileTypes: true })) {
    const name = child.name.normalize('NFC');
    if (name.startsWith('.')) continue;
    // DA/T 93-2022 附录B: an item folder holds files, not further folders.
    if (child.isFile()) add(key, { name, path: join(dir, child.name) });
    else unmatched.push(prefix + name);
  }
}
