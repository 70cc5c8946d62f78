import { splitManifestLine } from '../fixity/parseManifestText.js';
import { encodeBagPath } from './manifestPath.js';
import { splitLines, type TextLine } from './tagText.js';

/** One line of a (tag) manifest as written. */
export interface BagManifestLine {
  /** Lower-case hex digest. */
  readonly digest: string;
  /** The path as written, md5sum's `*` marker removed, not yet percent-decoded. */
  readonly written: string;
  /** True when the path carried md5sum's binary-mode marker `*`. */
  readonly md5sumMarker: boolean;
  /** 1-based line number. */
  readonly line: number;
}

/** What {@link parseBagManifest} found. */
export interface ParsedBagManifest {
  readonly lines: readonly BagManifestLine[];
  /** Lines that are not `digest whitespace path` or whose digest is not hex of the right length. */
  readonly malformed: readonly TextLine[];
}

/**
 * Parses a manifest or tag manifest (RFC 8493 §2.1.3): each line is a
 * checksum, one or more spaces or tabs, and the file path — the rest of the
 * line, spaces included (conformance suite bag-with-escapable-characters).
 * Blank lines are skipped; a leading `*` (md5sum binary mode) is removed and
 * flagged.
 *
 * @param text - Decoded content.
 * @param hexLength - Digest length of the manifest's algorithm.
 * @returns Lines and malformed lines.
 * @example
 * parseBagManifest('900150983cd24fb0d6963f7d28e17f72 *data/a b\n', 32).lines[0]
 * //=> { digest: '900150983cd24fb0d6963f7d28e17f72', written: 'data/a b', md5sumMarker: true, line: 1 }
 */
export function parseBagManifest(text: string, hexLength: number): ParsedBagManifest {
  const lines: BagManifestLine[] = [];
  const malformed: TextLine[] = [];
  const digestPattern = new RegExp(`^[0-9a-fA-F]{${hexLength}}$`);
  for (const line of splitLines(text)) {
    if (line.text.trim() === '') continue;
    const split = splitManifestLine(line.text);
    if (!split || !digestPattern.test(split.digest)) {
      malformed.push(line);
      continue;
    }
    lines.push({ digest: split.digest, written: split.path, md5sumMarker: split.md5sumMarker, line: line.line });
  }
  return { lines, malformed };
}

/**
 * Writes a BagIt 1.0 manifest: `digest  path` lines (two spaces, as
 * bagit-python and sha256sum write them), paths percent-encoded per RFC 8493
 * §2.1.3, LF line endings, in the order given.
 *
 * @param entries - Digest and file path of each line.
 * @returns The manifest text.
 * @example
 * formatBagManifest([{ digest: 'ab', path: 'data/%.txt' }]) //=> 'ab  data/%25.txt\n'
 */
export function formatBagManifest(entries: readonly { digest: string; path: string }[]): string {
  return entries.map((e) => `${e.digest}  ${encodeBagPath(e.path)}\n`).join('');
}
