import { lstat, readdir } from 'node:fs/promises';
import { decodeName } from '../../package/decodeName.js';

/** One file or folder of a tree to be bagged. */
export interface TreeEntry {
  /** Path relative to the tree root, `/`-separated, decoded but not normalised (as stored). */
  readonly path: string;
  /** Absolute path as raw bytes, so non-UTF-8 names stay addressable. */
  readonly raw: Buffer;
  /** {@link path} as raw bytes. */
  readonly rawRelative: Buffer;
  readonly kind: 'file' | 'directory';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a stored name without normalising it (an NFD name stays NFD), GB18030 when it is not UTF-8. */
function storedName(raw: Buffer): string {
  try {
    return utf8.decode(raw);
  } catch {
    return decodeName(raw).name;
  }
}

/**
 * Lists a folder tree for bagging, depth first in byte order, refusing what a
 * bag cannot carry: links and special files, and two names that become one
 * after NFC normalisation (RFC 8493 §6.1).
 *
 * @param root - Folder to list.
 * @returns Every file and folder below `root`.
 * @throws Error naming the offending path for a link, a special file or a normalisation clash.
 * @example
 * (await listTree('./移交信息包')).filter((e) => e.kind === 'file').length
 */
export async function listTree(root: string): Promise<TreeEntry[]> {
  const out: TreeEntry[] = [];
  const seen = new Map<string, string>();
  const visit = async (dir: Buffer, prefix: string, rawPrefix: Buffer): Promise<void> => {
    const children = (await readdir(dir, { withFileTypes: true, encoding: 'buffer' })).sort((a, b) =>
      Buffer.compare(a.name as unknown as Buffer, b.name as unknown as Buffer),
    );
    for (const child of children) {
      const rawName = child.name as unknown as Buffer;
      const path = prefix + storedName(rawName);
      const raw = Buffer.concat([dir, Buffer.from('/'), rawName]);
      const rawRelative = Buffer.concat([rawPrefix, rawName]);
      const clash = seen.get(path.normalize('NFC'));
      if (clash !== undefined) throw new Error(`[dangan] "${clash}" and "${path}" differ only in Unicode normalisation; a bag cannot hold both`);
      seen.set(path.normalize('NFC'), path);
      if (child.isDirectory()) {
        out.push({ path, raw, rawRelative, kind: 'directory' });
        await visit(raw, `${path}/`, Buffer.concat([rawRelative, Buffer.from('/')]));
      } else if (child.isFile()) out.push({ path, raw, rawRelative, kind: 'file' });
      else throw new Error(`[dangan] ${path} is a link or special file; a bag can only carry regular files`);
    }
  };
  if (!(await lstat(root)).isDirectory()) throw new Error(`[dangan] not a directory: ${root}`);
  await visit(Buffer.from(root), '', Buffer.alloc(0));
  return out;
}
