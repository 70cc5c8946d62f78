import { readSync } from 'node:fs';

// RFC 1952 §2.3.1: ID1 ID2 of a gzip member.
const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Tells a tar from a gzip-compressed tar by the file's first bytes: the gzip
 * magic (RFC 1952 §2.3.1), or POSIX ustar's `ustar` at offset 257
 * (POSIX.1-2001 pax, ustar header).
 *
 * @param fd - An open file.
 * @returns `tgz`, `tar`, or undefined for neither.
 * @example
 * tarKindOf(fd) //=> 'tgz'
 */
export function tarKindOf(fd: number): 'tar' | 'tgz' | undefined {
  const head = Buffer.alloc(262);
  const read = readSync(fd, head, 0, head.length, 0);
  if (read >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return 'tgz';
  if (read >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  return undefined;
}

