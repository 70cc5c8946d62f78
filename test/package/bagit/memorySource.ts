import { createHash } from 'node:crypto';
import { runtimeHashName } from '../../../src/formats/fixity/vocabulary.js';
import type { DigestAlgorithm, DigestResult, PackageEntry, PackageSource } from '../../../src/package/source.js';

/** A file of an in-memory bag; `kind` other than file makes a link or device entry. */
export type MemoryFile = string | Uint8Array | { kind: 'symlink' | 'other' } | { bytes: string | Uint8Array; renamed: true };

/**
 * An in-memory {@link PackageSource} for rule tests: what a browser app
 * would implement over `File` objects. Directories are derived from paths;
 * every read and digest request is logged.
 */
export function memorySource(files: Record<string, MemoryFile>, name = 'bag'): PackageSource & { log: string[] } {
  const log: string[] = [];
  const bytesOf = (f: MemoryFile): Uint8Array | undefined => {
    if (typeof f === 'string') return new TextEncoder().encode(f);
    if (f instanceof Uint8Array) return f;
    if ('bytes' in f) return typeof f.bytes === 'string' ? new TextEncoder().encode(f.bytes) : f.bytes;
    return undefined;
  };
  const entries: PackageEntry[] = [];
  const dirs = new Set<string>();
  for (const [path, file] of Object.entries(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    const bytes = bytesOf(file);
    if (bytes) entries.push({ path: path.normalize('NFC'), kind: 'file', size: bytes.length, ...(typeof file === 'object' && 'renamed' in file ? { renamed: true } : {}) });
    else entries.push({ path, kind: (file as { kind: 'symlink' | 'other' }).kind, size: 0 });
  }
  for (const dir of dirs) entries.push({ path: dir, kind: 'directory', size: 0 });
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const fileBytes = (path: string): Uint8Array => {
    const key = Object.keys(files).find((k) => k.normalize('NFC') === path);
    const bytes = key === undefined ? undefined : bytesOf(files[key] as MemoryFile);
    if (!bytes) throw new Error(`no file entry: ${path}`);
    return bytes;
  };
  return {
    name,
    log,
    async entries() {
      return entries;
    },
    async read(path) {
      log.push(path);
      return fileBytes(path);
    },
    async *stream(path) {
      log.push(path);
      yield fileBytes(path);
    },
    async *digest(requests) {
      for (const request of requests) {
        log.push(request.path);
        let bytes: Uint8Array;
        try {
          bytes = fileBytes(request.path);
        } catch (error) {
          yield { path: request.path, bytes: 0, digests: {}, error: (error as Error).message } satisfies DigestResult;
          continue;
        }
        const digests: Partial<Record<DigestAlgorithm, string>> = {};
        for (const a of request.algorithms) digests[a] = createHash(runtimeHashName(a)).update(bytes).digest('hex');
        yield { path: request.path, bytes: bytes.length, digests };
      }
    },
  };
}

/** Hex digest of text, for writing test manifests. */
export function hex(algorithm: DigestAlgorithm, content: string | Uint8Array): string {
  return createHash(runtimeHashName(algorithm)).update(content).digest('hex');
}

/**
 * A complete, valid bag as a file map: declaration, one payload manifest and
 * one tag manifest per algorithm, bag-info.txt with Payload-Oxum. `manifestPath`
 * writes a payload path as it should appear in the manifest.
 */
export function bagFiles(
  payload: Record<string, string>,
  options: { version?: string; algorithms?: DigestAlgorithm[]; bagInfo?: string; manifestPath?: (p: string) => string } = {},
): Record<string, string> {
  const version = options.version ?? '1.0';
  const algorithms = options.algorithms ?? ['sha256'];
  const write = options.manifestPath ?? ((p: string) => p);
  const files: Record<string, string> = { 'bagit.txt': `BagIt-Version: ${version}\nTag-File-Character-Encoding: UTF-8\n` };
  let octets = 0;
  for (const [path, content] of Object.entries(payload)) {
    files[`data/${path}`] = content;
    octets += new TextEncoder().encode(content).length;
  }
  files['bag-info.txt'] = options.bagInfo ?? `Payload-Oxum: ${octets}.${Object.keys(payload).length}\n`;
  for (const a of algorithms) {
    files[`manifest-${a}.txt`] = Object.entries(payload)
      .map(([p, c]) => `${hex(a, c)}  ${write(`data/${p}`)}\n`)
      .join('');
  }
  const tagNames = Object.keys(files).filter((n) => !n.startsWith('data/'));
  for (const a of algorithms) {
    files[`tagmanifest-${a}.txt`] = tagNames.map((n) => `${hex(a, files[n] as string)}  ${n}\n`).join('');
  }
  return files;
}
