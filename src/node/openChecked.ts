import { closeSync, constants, fstatSync, openSync, readSync, statSync, lstatSync, type Stats } from 'node:fs';

/**
 * Who a file is: device and inode and the size it had when it was listed. A file opened later is
 * checked against it through the handle it is read by (`fstat`), so a file
 * swapped after listing (for a link, a FIFO, another file) is an error, never
 * a read of something else.
 */
export interface FileIdentity {
  /** `dev:ino`. */
  id: string;
  /** Size in bytes when listed. */
  size: number;
}

/** A file opened by {@link openChecked}: its descriptor and what `fstat` said. */
export interface CheckedFile {
  fd: number;
  size: number;
  id: string;
}

/**
 * What a stat result is, in words, for messages: `regular file`, `directory`,
 * `symbolic link`, `FIFO`, `socket`, `character device`, `block device`.
 *
 * @param stats - A stat result.
 * @returns The kind.
 * @example
 * describeFileKind(statSync('/dev/zero')) //=> 'character device'
 */
export function describeFileKind(stats: Stats): string {
  if (stats.isFile()) return 'regular file';
  if (stats.isDirectory()) return 'directory';
  if (stats.isSymbolicLink()) return 'symbolic link';
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  return 'special file';
}

/**
 * `dev:ino` of a stat result (number stats everywhere, so the listing's and
 * the handle's are written alike).
 *
 * @param stats - A stat result.
 * @returns The identity text.
 * @example
 * identityOf(lstatSync('a.pdf')) //=> '2049:1234567'
 */
export function identityOf(stats: Stats): string {
  return `${stats.dev}:${stats.ino}`;
}

/**
 * Looks at a path before anything opens it: only a regular file or a
 * directory may be read; a FIFO (whose open blocks), a device (`/dev/zero`
 * never ends), a socket are refused. `follow` follows a symbolic link (the
 * user's own argument: the link is theirs); without it a link is refused.
 *
 * @param path - A path on disk.
 * @param follow - Follow a link at `path` itself.
 * @returns The stat result.
 * @throws Error naming the path and its kind when it is neither a regular file nor a directory.
 * @example
 * statRegularOrDirectory('/dev/zero', true) // throws: "/dev/zero is a character device, not a regular file or directory"
 */
export function statRegularOrDirectory(path: string | Buffer, follow: boolean): Stats {
  const stats = follow ? statSync(path) : lstatSync(path);
  if (!stats.isFile() && !stats.isDirectory()) throw new Error(`${String(path)} is a ${describeFileKind(stats)}, not a regular file or directory`);
  return stats;
}

/**
 * Opens a file for reading, once, the safe way: non-blocking (so opening a
 * FIFO cannot hang), without following a link at the last component unless
 * `follow` (`O_NOFOLLOW`), and then checks the open handle with `fstat`: a
 * regular file, and when `expect` is given, the same device, inode and size
 * as when it was listed. Whatever is read through the descriptor is then that
 * file, whatever happens to the path afterwards. The caller closes `fd`.
 *
 * @param path - The file, as a string or raw bytes.
 * @param options - `follow` a link at the path (default false); `expect`: the listed identity.
 * @returns The descriptor, size and identity.
 * @throws Error when the path is a link (without `follow`), not a regular file, or not the file listed.
 * @example
 * const { fd, size } = openChecked('a.pdf', { expect: listed });
 */
export function openChecked(path: string | Uint8Array, options: { follow?: boolean; expect?: FileIdentity } = {}): CheckedFile {
  const target = typeof path === 'string' ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength);
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.follow ? 0 : constants.O_NOFOLLOW);
  let fd: number;
  try {
    fd = openSync(target, flags);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new Error('replaced by a symbolic link since it was listed; not followed');
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new Error(`is a ${describeFileKind(stats)}, not a regular file; not read`);
    const id = identityOf(stats);
    const size = stats.size;
    const expect = options.expect;
    if (expect && (expect.id !== id || expect.size !== size)) {
      throw new Error(expect.id !== id ? 'replaced by another file since it was listed; not read' : `changed since it was listed (${expect.size} bytes then, ${size} now); not read`);
    }
    return { fd, size, id };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * Reads exactly `size` bytes from an open file (from its start), failing when
 * the file ends sooner or holds more: the file changed after it was checked.
 *
 * @param fd - An open descriptor.
 * @param size - Bytes expected.
 * @returns The bytes.
 * @throws Error when the file is shorter or longer than `size`.
 * @example
 * const bytes = readExactly(fd, 1234);
 */
export function readExactly(fd: number, size: number): Uint8Array {
  // One byte more than expected is asked for, so a file that grew shows in the same read: a small
  // file is one `pread`, not a read and a second one to see its end (two system calls per file).
  const bytes = new Uint8Array(size + 1);
  let done = 0;
  for (;;) {
    const n = readSync(fd, bytes, done, size + 1 - done, done);
    done += n;
    if (done > size) throw new Error(`changed while read (more than ${size} bytes)`);
    // A regular file read short only at its end, so `size` bytes in hand is the whole file (a read past it
    // would return 0); fewer is a file that shrank, once a read returns nothing.
    if (done === size) return bytes.subarray(0, size);
    if (n === 0) throw new Error(`changed while read (ended after ${done} of ${size} bytes)`);
  }
}

/**
 * Reads a file the caller named (an `.eep`, a catalogue) once and bounded:
 * the path must be a regular file (a link to one is followed: it is the
 * caller's own argument; a FIFO, device or socket is refused before it is
 * opened), it is opened non-blocking and checked by its handle, and a file
 * over `maxBytes` is not read at all — so it can never become a string too
 * long for the runtime.
 *
 * @param path - The file.
 * @param maxBytes - Largest file read.
 * @returns The bytes, or `{ size }` when the file is over `maxBytes` (nothing read).
 * @throws Error when the path is missing, not a regular file, or changes while read.
 * @example
 * const read = readBoundedFile('9527.eep', 256 * 2 ** 20);
 * if (read instanceof Uint8Array) validateEep(read);
 */
export function readBoundedFile(path: string, maxBytes: number): Uint8Array | { size: number } {
  const stats = statRegularOrDirectory(path, true);
  if (!stats.isFile()) throw new Error(`${path} is a directory, not a file`);
  const { fd, size } = openChecked(path, { follow: true, expect: { id: identityOf(stats), size: stats.size } });
  try {
    return size > maxBytes ? { size } : readExactly(fd, size);
  } finally {
    closeSync(fd);
  }
}
