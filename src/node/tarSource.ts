import { createReadStream, closeSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar, { type Header } from 'tar-stream';
import { resolveLimits, type Limits } from '../package/limits.js';
import { ReadLimitError, type DigestOptions, type DigestRequest, type DigestResult, type PackageEntry, type PackageSource } from '../package/source.js';
import { digestFileStream } from './digestStream.js';
import { identityOf, openChecked, statRegularOrDirectory } from './openChecked.js';
import { tarKindOf } from './tar/tarKind.js';

/** A member as tar-stream's extract yields it (a streamx Readable with its header). */
type Entry = AsyncIterable<Buffer> & { header: Header; resume(): unknown };

/** Tag files and other small members outside a payload are kept from the listing pass, up to these sizes. */
const CACHE_MEMBER_BYTES = 1024 * 1024;
const CACHE_TOTAL_BYTES = 64 * 1024 * 1024;

/** The kind of a member as a package entry: hard links, devices and FIFOs are `other`, never read. */
function kindOf(type: Header['type'] | undefined): PackageEntry['kind'] {
  if (type === 'file' || type === 'contiguous-file' || type === undefined) return 'file';
  if (type === 'directory') return 'directory';
  if (type === 'symlink') return 'symlink';
  return 'other';
}

/** A member name as a package path: `./` prefixes and trailing `/` removed, NFC (as a folder's names are). */
function memberPath(name: string): { path: string; renamed: boolean } {
  const path = name.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '').normalize('NFC');
  return { path, renamed: path !== name.replace(/\/+$/, '') };
}

/**
 * Opens a `.tar`, `.tar.gz` or `.tgz` file as a read-only
 * {@link PackageSource} through tar-stream (and node:zlib for gzip), without
 * extracting anything to disk. A tar has no index, so the archive is read
 * once to list its members (keeping small tag files outside any `data/`
 * folder in memory, at most 64 MiB in all), and `digest` hashes every
 * requested member in one more pass, in archive order. A member named twice
 * is listed once, with its last copy, as tar extracts it. Symlinks, hard
 * links, devices and FIFOs are listed (`symlink`, `other`) and never read or
 * followed; names are checked by the same path-safety and size limits as zip
 * members (`validatePackage` screens them before anything is read).
 *
 * @param file - Path of the archive (a link to one is followed: it is the caller's argument).
 * @param limits - The package limits; `maxCompressionRatio` and `compressionRatioMinBytes` bound how far a gzip stream may expand.
 * @returns The source; `mediaType` is `application/x-tar` or `application/gzip`.
 * @throws Error when the file cannot be read or is not a (gzip-compressed) tar.
 * @example
 * const source = await openTarSource('bag.tar.gz');
 * const report = await validatePackage(source, { profile: 'bagit' });
 */
export async function openTarSource(file: string, limits: Partial<Limits> = {}): Promise<PackageSource> {
  const stats = statRegularOrDirectory(file, true);
  if (stats.isDirectory()) throw new Error(`[dangan] ${file} is a directory, not a tar file`);
  const { fd } = openChecked(file, { follow: true, expect: { id: identityOf(stats), size: stats.size } });
  let kind: 'tar' | 'tgz' | undefined;
  try {
    kind = tarKindOf(fd);
  } finally {
    closeSync(fd);
  }
  if (!kind) throw new Error(`[dangan] ${file} is not a tar or gzip-compressed tar file`);
  const gzip = kind === 'tgz';
  // A gzip bomb (docs/security.md): the decompressed stream may be at most maxCompressionRatio
  // times the file, as a zip member's ratio is judged (limits.ts), so no pass runs for hours.
  const { maxCompressionRatio, compressionRatioMinBytes } = resolveLimits(limits);
  const inflateBudget = Math.max(compressionRatioMinBytes, stats.size * maxCompressionRatio);

  /** Reads the archive once, calling `visit` per member; `visit` returns true to stop early. */
  async function pass(visit: (entry: Entry, path: string) => Promise<boolean | void>): Promise<void> {
    const input = createReadStream(file);
    const extract = tar.extract();
    const streams: Readable[] = gzip ? [input, createGunzip()] : [input];
    let upstream: Readable = input;
    if (gzip) {
      const gunzip = streams[1] as ReturnType<typeof createGunzip>;
      let inflated = 0;
      gunzip.on('data', (chunk: Buffer) => {
        inflated += chunk.length;
        if (inflated > inflateBudget) {
          gunzip.destroy(new Error(`[dangan] ${basename(file)} expands more than ${maxCompressionRatio}:1 when decompressed (limits.compression-ratio); not read further`));
        }
      });
      upstream = input.pipe(gunzip);
    }
    upstream.pipe(extract);
    const failed = new Promise<never>((_, reject) => {
      for (const s of streams) s.once('error', reject);
    });
    failed.catch(() => undefined);
    try {
      const iterate = (async () => {
        for await (const entry of extract) {
          const stop = await visit(entry as unknown as Entry, memberPath(entry.header.name).path);
          if (stop) return;
          entry.resume();
        }
      })();
      await Promise.race([iterate, failed]);
    } finally {
      for (const s of streams) s.destroy();
      extract.destroy();
    }
  }

  const members = new Map<string, PackageEntry>();
  const cache = new Map<string, Uint8Array>();
  let cached = 0;
  const smallTagFile = (path: string, size: number) => size <= CACHE_MEMBER_BYTES && cached + size <= CACHE_TOTAL_BYTES && !/(?:^|\/)data\//.test(path);
  await pass(async (entry, path) => {
    if (path === '') return;
    const header = entry.header;
    const kind = kindOf(header.type);
    const size = kind === 'file' ? (header.size ?? 0) : 0;
    const { renamed } = memberPath(header.name);
    members.set(path, { path, kind, size, ...(renamed ? { renamed: true } : {}) });
    cache.delete(path);
    if (kind === 'file' && smallTagFile(path, size)) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk);
      const bytes = new Uint8Array(Buffer.concat(chunks));
      cache.set(path, bytes);
      cached += bytes.length;
    }
  });
  // Folders implied by member paths are listed, as a directory walk and the zip source list them.
  for (const path of [...members.keys()]) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (!members.has(parent)) members.set(parent, { path: parent, kind: 'directory', size: 0 });
    }
  }
  const sorted = [...members.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const fileEntry = (path: string): PackageEntry => {
    const entry = members.get(path);
    if (!entry || entry.kind !== 'file') throw new Error(`[dangan] no file entry: ${path}`);
    return entry;
  };
  /** The bytes of one member, from the cache or one pass that stops at its last copy's position. */
  async function readMember(path: string): Promise<Uint8Array> {
    const hit = cache.get(path);
    if (hit) return hit;
    let found: Uint8Array | undefined;
    // The last copy of a name is the one listed, so the whole archive is read.
    await pass(async (entry, name) => {
      if (name !== path || kindOf(entry.header.type) !== 'file') return;
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk);
      found = new Uint8Array(Buffer.concat(chunks));
    });
    if (!found) throw new Error(`[dangan] ${path} could not be read from ${basename(file)}`);
    return found;
  }

  return {
    name: basename(file),
    mediaType: gzip ? 'application/gzip' : 'application/x-tar',
    async entries() {
      return sorted;
    },
    async read(path, options) {
      const entry = fileEntry(path);
      if (options?.maxBytes !== undefined && entry.size > options.maxBytes) throw new ReadLimitError(path, entry.size, options.maxBytes);
      return readMember(path);
    },
    async *stream(path) {
      fileEntry(path);
      yield await readMember(path);
    },
    async *digest(requests: readonly DigestRequest[], options?: DigestOptions): AsyncIterable<DigestResult> {
      const wanted = new Map<string, DigestRequest>();
      for (const request of requests) if (members.get(request.path)?.kind === 'file') wanted.set(request.path, request);
      const results = new Map<string, DigestResult>();
      const totals = { files: 0, totalFiles: wanted.size, bytes: 0, totalBytes: [...wanted.keys()].reduce((sum, p) => sum + (members.get(p)?.size ?? 0), 0) };
      if (wanted.size > 0) {
        try {
          await pass(async (entry, path) => {
            const request = wanted.get(path);
            if (!request || kindOf(entry.header.type) !== 'file') return;
            const hit = cache.get(path);
            const digested = await digestFileStream(hit ? (async function* () { yield hit; })() : entry, request.algorithms);
            // A later copy of the same name replaces an earlier one, as extraction would.
            const previous = results.get(path);
            results.set(path, { path, ...digested });
            totals.files += previous ? 0 : 1;
            totals.bytes += digested.bytes - (previous?.bytes ?? 0);
            options?.onProgress?.({ ...totals });
          });
        } catch (error) {
          for (const path of wanted.keys()) if (!results.has(path)) results.set(path, { path, bytes: 0, digests: {}, error: (error as Error).message });
        }
      }
      for (const request of requests) yield results.get(request.path) ?? { path: request.path, bytes: 0, digests: {}, error: `[dangan] no file entry: ${request.path}` };
    },
  };
}
