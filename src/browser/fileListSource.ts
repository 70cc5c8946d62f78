import { isSafePath } from '../package/layout/isSafePath.js';
import { ReadLimitError, type DigestOptions, type DigestRequest, type DigestResult, type PackageEntry, type PackageSource } from '../package/source.js';
import { blobChunks } from './blobChunks.js';
import { digestWith } from './digestRequests.js';
import { inThreadHasher, type BlobHasher } from './hasher.js';

/** Options of the browser sources. */
export interface BlobSourceOptions {
  /** Where files are hashed: {@link inThreadHasher} (default) or a Web Worker pool from `createWorkerHasher`. */
  hasher?: BlobHasher;
}

/** A file of a folder given as a path and its bytes (a drag-and-drop walk, a test). */
export interface BlobFile {
  /** Path relative to the package root, `/`-separated. */
  path: string;
  blob: Blob;
}

interface Listed extends PackageEntry {
  blob?: Blob;
}

/**
 * Opens a folder the browser handed over — the `File` list of
 * `<input type="file" webkitdirectory>` (paths from `webkitRelativePath`,
 * whose first segment, the chosen folder, is the package root) or an array of
 * `{ path, blob }` — as a read-only {@link PackageSource}. Files are read
 * lazily, in slices; nothing is copied. Folders are those the file paths
 * imply: a browser does not hand over empty folders or links, so neither can
 * be listed. Paths are NFC-normalised, `\` becomes `/` (flagged `renamed`).
 *
 * @param files - The files, from a picker or as `{ path, blob }`.
 * @param name - Display name; default: the chosen folder's name.
 * @param options - `hasher`: hash in Web Workers (`createWorkerHasher`) rather than on this thread.
 * @returns The source.
 * @example
 * const source = openFileListSource([...input.files]);
 * const report = await validatePackage(source);
 */
export function openFileListSource(files: Iterable<File | BlobFile>, name?: string, options: BlobSourceOptions = {}): PackageSource {
  const list = [...files];
  const given = list.map((f) => (isBlobFile(f) ? f : { path: f.webkitRelativePath || f.name, blob: f as Blob }));
  // Only a picker's paths start with the chosen folder; `{ path, blob }` paths are package-relative already.
  const root = list.some(isBlobFile) ? '' : commonRoot(given.map((f) => f.path));
  const entries = new Map<string, Listed>();
  const duplicates: Listed[] = [];
  for (const file of given) {
    const stored = file.path.slice(root.length);
    const path = stored.replaceAll('\\', '/').normalize('NFC');
    const entry: Listed = { path, kind: 'file', size: file.blob.size, blob: file.blob };
    if (path !== stored) entry.renamed = true;
    if (entries.has(path)) duplicates.push(entry);
    else entries.set(path, entry);
    if (!isSafePath(path)) continue; // reported as unsafe once; no folders invented around it
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (!entries.has(parent)) entries.set(parent, { path: parent, kind: 'directory', size: 0 });
    }
  }
  const sorted = [...entries.values(), ...duplicates].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let listed: readonly PackageEntry[] | undefined;
  const blobOf = (path: string): Blob => {
    const blob = entries.get(path)?.blob;
    if (!blob) throw new Error(`[dangan] no file entry: ${path}`);
    return blob;
  };
  return {
    name: name ?? (root.slice(0, -1) || 'package'),
    async entries() {
      return (listed ??= sorted.map(({ blob: _blob, ...entry }) => entry));
    },
    async read(path, options) {
      const blob = blobOf(path);
      const size = entries.get(path)?.size ?? 0;
      if (options?.maxBytes !== undefined && size > options.maxBytes) throw new ReadLimitError(path, size, options.maxBytes);
      return new Uint8Array(await blob.arrayBuffer());
    },
    stream: (path) => blobChunks(blobOf(path)),
    async *digest(requests: readonly DigestRequest[], digestOptions?: DigestOptions): AsyncIterable<DigestResult> {
      yield* digestWith(options.hasher ?? inThreadHasher, requests, digestOptions, (path) => {
        // The size listed (a File's size costs the browser a file-system query each time it is not known yet).
        const { blob, size } = entries.get(path) ?? { size: 0 };
        return blob ? { size, stored: { path, blob, start: 0, length: size, method: 0, size } } : undefined;
      });
    },
  };
}

function isBlobFile(file: File | BlobFile): file is BlobFile {
  return typeof (file as BlobFile).path === 'string' && (file as BlobFile).blob !== undefined;
}

/** The first path segment shared by every path, with its `/` (a directory picker's chosen folder), or ''. */
function commonRoot(paths: readonly string[]): string {
  const first = paths[0];
  const slash = first?.indexOf('/') ?? -1;
  if (first === undefined || slash <= 0) return '';
  const root = first.slice(0, slash + 1);
  return paths.every((p) => p.startsWith(root) && p.length > root.length) ? root : '';
}
