/** Bytes read with one `arrayBuffer()` at most; a longer range is streamed, so a large file is never held whole. */
export const SLICE_BYTES = 1 << 20;

/**
 * Reads `length` bytes of a Blob from `start`: a short range with one read,
 * a longer one as a stream of the range (one request to the browser's file
 * reader however long the range, its chunks bounded by the stream), so a large
 * file is never held whole. A range that is the whole Blob is read without a
 * `slice` (each slice registers a new Blob with the browser).
 *
 * @param blob - A `File` or `Blob`.
 * @param start - First byte.
 * @param length - Bytes to read (clamped to the Blob's end).
 * @returns The bytes, in chunks of at most {@link SLICE_BYTES} for a short range, or as the stream gives them.
 * @example
 * for await (const chunk of blobChunks(file, 0, file.size)) hash.update(chunk);
 */
export async function* blobChunks(blob: Blob, start = 0, length = blob.size - start): AsyncGenerator<Uint8Array> {
  const end = Math.min(blob.size, start + length);
  if (end <= start) return;
  const part = start === 0 && end === blob.size ? blob : blob.slice(start, end);
  if (end - start <= SLICE_BYTES) {
    yield new Uint8Array(await part.arrayBuffer());
    return;
  }
  const reader = part.stream().getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      yield next.value;
    }
    done = true;
  } finally {
    // Stopped early (an error, an abort, a member refused mid-way): the browser stops reading too.
    if (!done) await reader.cancel().catch(() => undefined);
  }
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
