/** Bytes read from a Blob per slice: large enough to keep per-read overhead small, small enough never to hold a large file. */
export const SLICE_BYTES = 1 << 20;

/**
 * Reads `length` bytes of a Blob from `start`, one slice at a time, so a
 * large file is never held whole.
 *
 * @param blob - A `File` or `Blob`.
 * @param start - First byte.
 * @param length - Bytes to read (clamped to the Blob's end).
 * @returns The bytes, in slices of at most {@link SLICE_BYTES}.
 * @example
 * for await (const chunk of blobChunks(file, 0, file.size)) hash.update(chunk);
 */
export async function* blobChunks(blob: Blob, start = 0, length = blob.size - start): AsyncGenerator<Uint8Array> {
  const end = Math.min(blob.size, start + length);
  for (let at = start; at < end; at += SLICE_BYTES) yield await readBlob(blob, at, Math.min(SLICE_BYTES, end - at));
}

/**
 * Reads one byte range of a Blob.
 *
 * @returns The bytes (fewer when the Blob ends first).
 * @example
 * const head = await readBlob(file, 0, 30);
 */
export async function readBlob(blob: Blob, start: number, length: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(start, start + length).arrayBuffer());
}
