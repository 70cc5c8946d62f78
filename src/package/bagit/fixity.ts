import type { DigestAlgorithm, DigestOptions, DigestRequest, PackageSource } from '../source.js';
import type { ResolvedEntries } from './completeness.js';
import type { Findings } from './findings.js';

/**
 * Verifies every resolved manifest and tag-manifest entry (RFC 8493 §3).
 * Each file is hashed once for all the algorithms that list it, through
 * {@link PackageSource.digest}, so parallel sources speed this up unchanged.
 *
 * @param source - The package.
 * @param resolved - Entries per manifest and the file each resolved to.
 * @param findings - Collector.
 * @param options - Progress and parallelism passed to the source; `owns` keeps a shard's share of the files (the rest are not hashed).
 * @returns Bytes hashed.
 * @example
 * await verifyFixity(source, resolved, findings)
 */
export async function verifyFixity(
  source: PackageSource,
  resolved: ResolvedEntries,
  findings: Findings,
  options: DigestOptions & { owns?: (path: string) => boolean } = {},
): Promise<number> {
  findings.start('bagit.fixity');
  const { owns, ...digestOptions } = options;
  const algorithms = new Map<string, Set<DigestAlgorithm>>();
  for (const [manifest, list] of resolved) {
    for (const { file } of list) if (!owns || owns(file)) algorithms.set(file, (algorithms.get(file) ?? new Set()).add(manifest.algorithm.name));
  }
  const requests: DigestRequest[] = [...algorithms].map(([path, set]) => ({ path, algorithms: [...set].sort() }));
  const computed = new Map<string, Partial<Record<DigestAlgorithm, string>>>();
  let bytes = 0;
  try {
    for await (const result of source.digest(requests, digestOptions)) {
      bytes += result.bytes;
      if (result.error !== undefined) findings.add('bagit.fixity', 'bagit.fixity.unreadable', { path: result.path, params: { reason: result.error } });
      else computed.set(result.path, result.digests);
    }
  } catch (error) {
    // A source that fails mid-way still yields a report; files not hashed are not reported as mismatches.
    findings.add('bagit.fixity', 'bagit.fixity.unreadable', { params: { reason: error instanceof Error ? error.message : String(error) } });
  }
  for (const [manifest, list] of resolved) {
    const algorithm = manifest.algorithm.name;
    for (const { entry, file } of list) {
      const actual = computed.get(file)?.[algorithm];
      if (actual === undefined || actual === entry.digest) continue;
      findings.add('bagit.fixity', 'bagit.fixity.mismatch', {
        path: entry.key,
        expected: `${algorithm}:${entry.digest}`,
        received: `${algorithm}:${actual}`,
        params: { algorithm, manifest: manifest.file },
      });
    }
  }
  return bytes;
}
