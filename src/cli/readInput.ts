import { readBoundedFile } from '../node/openChecked.js';
import { defaultLimits } from '../package/limits.js';

/** Largest input file a command reads (a catalogue, a CSV, a schedule): `defaultLimits.maxXmlBytes`, 256 MiB. */
export const MAX_INPUT_BYTES = defaultLimits.maxXmlBytes;

/**
 * Reads a file named on the command line, bounded (docs/security.md, bounded readers): only a
 * regular file (a FIFO or device is refused before it is opened), and nothing when it is over
 * {@link MAX_INPUT_BYTES}, so no input can become a string too long for the runtime.
 *
 * @param path - The file.
 * @returns The bytes, or `{ size }` when the file is over the cap (nothing read).
 * @throws Error when the file is missing, not a regular file, or changes while read.
 * @example
 * const read = readInputBytes('目录.xml');
 */
export function readInputBytes(path: string): Uint8Array | { size: number } {
  return readBoundedFile(path, MAX_INPUT_BYTES);
}

/**
 * {@link readInputBytes} as UTF-8 text; a file over the cap is an error naming its size.
 *
 * @param path - The file.
 * @returns The text.
 * @throws Error when the file cannot be read or is over {@link MAX_INPUT_BYTES}.
 * @example
 * const text = readInputText('schedule.json');
 */
export function readInputText(path: string): string {
  const read = readInputBytes(path);
  if (!(read instanceof Uint8Array)) throw new Error(`${path} is ${read.size} bytes, over the limit of ${MAX_INPUT_BYTES}; not read`);
  return new TextDecoder().decode(read);
}
