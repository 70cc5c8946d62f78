import { createReadStream, createWriteStream } from 'node:fs';
import { lstat } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import yazl from 'yazl';
import { listTree } from './payloadTree.js';

/** How a bag is serialized (RFC 8493 §4). */
export type BagSerialization = 'zip' | 'tar' | 'tgz';

/**
 * The name of a serialized bag's single top-level folder: the archive's name
 * without its extension (`bag.tar.gz` → `bag`), as RFC 8493 §4 asks ("the
 * serialization SHOULD … unpack to a single base directory").
 *
 * @param archiveName - File name of the archive.
 * @returns The folder name.
 * @example
 * bagFolderName('案卷-2025.tar.gz') //=> '案卷-2025'
 */
export function bagFolderName(archiveName: string): string {
  return archiveName.replace(/\.(?:zip|tar|tar\.gz|tgz)$/i, '') || 'bag';
}

/**
 * Writes a bag folder as one archive whose members sit under a single
 * top-level folder (RFC 8493 §4): zip through yazl (deflate, UTF-8 names),
 * tar through tar-stream (pax headers for long or non-ASCII names), tgz the
 * same tar through node:zlib gzip. Every member gets `mtime`, so the same bag
 * and date give the same bytes. Only regular files and folders are written
 * (`listTree` refuses anything else).
 *
 * @param folder - The bag folder.
 * @param archive - The archive file to create.
 * @param format - zip, tar or tgz.
 * @param top - The top-level folder name inside the archive.
 * @param mtime - Modification time stamped on every member.
 * @example
 * await serializeBag('./bag', './bag.tgz', 'tgz', 'bag', new Date('2025-01-02'))
 */
export async function serializeBag(folder: string, archive: string, format: BagSerialization, top: string, mtime: Date): Promise<void> {
  const tree = await listTree(folder);
  if (format === 'zip') {
    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, createWriteStream(archive, { flags: 'wx' }));
    zip.addEmptyDirectory(top, { mtime });
    for (const entry of tree) {
      const name = `${top}/${entry.path}`;
      if (entry.kind === 'directory') zip.addEmptyDirectory(name, { mtime });
      else zip.addReadStreamLazy(name, { mtime }, (callback) => callback(null, createReadStream(entry.raw)));
    }
    zip.end();
    await written;
    return;
  }
  const pack = tar.pack();
  // tar-stream's streams are streamx streams, which node:stream pipes as its own.
  const packed = pack as unknown as Readable;
  const output = createWriteStream(archive, { flags: 'wx' });
  const written = format === 'tgz' ? pipeline(packed, createGzip(), output) : pipeline(packed, output);
  pack.entry({ name: `${top}/`, type: 'directory', mtime });
  for (const entry of tree) {
    const name = `${top}/${entry.path}`;
    if (entry.kind === 'directory') {
      pack.entry({ name: `${name}/`, type: 'directory', mtime });
      continue;
    }
    const { size } = await lstat(entry.raw);
    const sink = pack.entry({ name, size, mtime });
    await pipeline(createReadStream(entry.raw), sink as unknown as Writable);
  }
  pack.finalize();
  await written;
}
