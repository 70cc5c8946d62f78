import type { IssueLocation } from '../../report/issue.js';

/** One line of a checksum manifest. */
export interface ManifestLine {
  /** Digest as written, lower-cased. */
  digest: string;
  /** Path as written (`/`-separated, relative to the package root). */
  path: string;
  /** Where the line is. */
  location: IssueLocation;
}

/** A manifest line split into its digest and path. */
export interface SplitManifestLine {
  /** Digest as written, lower-cased. */
  digest: string;
  /** Path as written, without a leading md5sum `*`. */
  path: string;
  /** Whether the path began with the md5sum binary marker `*`. */
  md5sumMarker: boolean;
}

/**
 * The one manifest-line grammar (RFC 8493 §2.1.3: `checksum filepath`, one or
 * more spaces or tabs between — not any Unicode whitespace), shared by the
 * BagIt manifests and the manifests of a 移交信息包.
 *
 * @param text - One line, without its line break.
 * @returns Digest and path, or `undefined` when the line has no separator.
 * @example
 * splitManifestLine('AB12  *data/a.pdf') //=> { digest: 'ab12', path: 'data/a.pdf', md5sumMarker: true }
 */
export function splitManifestLine(text: string): SplitManifestLine | undefined {
  const match = /^(\S+)[ \t]+(.+)$/.exec(text);
  if (!match) return undefined;
  const path = match[2]!;
  const md5sumMarker = path.startsWith('*');
  return { digest: match[1]!.toLowerCase(), path: md5sumMarker ? path.slice(1) : path, md5sumMarker };
}

/**
 * Parses a BagIt-style checksum manifest (`manifest-<alg>.txt`, RFC 8493
 * §2.1.3) with `splitManifestLine`, the grammar BagIt manifests use too;
 * blank and `#` lines are skipped, the digest must be hex, and a leading `*`
 * (md5sum binary marker) is stripped, as bagit-python does.
 *
 * @param text - Decoded manifest text.
 * @returns Lines that parsed, and the 1-based line numbers that did not.
 * @example
 * parseManifestText('ab12  0001/WS/A-1/正文.pdf\n').lines[0].path //=> '0001/WS/A-1/正文.pdf'
 */
export function parseManifestText(text: string): { lines: ManifestLine[]; malformed: number[] } {
  const lines: ManifestLine[] = [];
  const malformed: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const split = splitManifestLine(line);
    if (!split || !/^[0-9a-f]+$/.test(split.digest)) {
      malformed.push(index + 1);
      return;
    }
    lines.push({ digest: split.digest, path: split.path.normalize('NFC'), location: { line: index + 1, column: 1 } });
  });
  return { lines, malformed };
}
