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

/**
 * Parses a BagIt-style checksum manifest (`manifest-<alg>.txt`, RFC 8493
 * §2.1.3): `<digest> <path>` per line, whitespace between; blank and `#`
 * lines are skipped and a leading `*` (md5sum binary marker) is stripped, as
 * bagit-python does.
 *
 * @param text - Decoded manifest text.
 * @returns Lines that parsed, and the 1-based line numbers that did not.
 * @example
 * parseManifestText('ab12  0001/WS/A-1/正文.pdf\n').lines[0].path //=> '0001/WS/A-1/正文.pdf'
 */
export function parseManifestText(text: string): { lines: ManifestLine[]; malformed: number[] } {
  const lines: ManifestLine[] = [];
  const malformed: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^([0-9A-Fa-f]+)\s+\*?(.+)$/.exec(line);
    if (!match) {
      malformed.push(index + 1);
      return;
    }
    lines.push({
      digest: (match[1] ?? '').toLowerCase(),
      path: (match[2] ?? '').normalize('NFC'),
      location: { line: index + 1, column: 1 },
    });
  });
  return { lines, malformed };
}
