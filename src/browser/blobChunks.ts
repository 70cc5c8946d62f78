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
  yield* readAll(part.stream().getReader());
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

/** Bytes of a read buffer of {@link reusedBlobChunks}. */
const READ_BUFFER = 1 << 20;
/** Read buffers of finished reads, kept for the next (a few: one per read under way on this thread). */
const spareBuffers: ArrayBuffer[] = [];

/**
 * Reads `length` bytes of a Blob from `start` as one stream into a reused
 * buffer (a "bring your own buffer" reader): each chunk is a view of that
 * buffer, valid only until the next chunk is asked for. A browser then copies
 * the file's bytes into memory already in use instead of a fresh ArrayBuffer
 * per chunk, which costs a page about three times less CPU per byte read
 * (bench/browser-primitives.mjs). For consumers that do not keep a chunk
 * (hashers, the content scan, an inflater given copies); where a Blob's
 * stream has no such reader, it is {@link blobChunks}.
 *
 * @param blob - A `File` or `Blob`.
 * @param start - First byte.
 * @param length - Bytes to read (clamped to the Blob's end).
 * @returns The bytes, in chunks of at most 1 MiB, each overwritten by the next.
 * @example
 * for await (const chunk of reusedBlobChunks(file)) hash.update(chunk); // hash.update copies
 */
export async function* reusedBlobChunks(blob: Blob, start = 0, length = blob.size - start): AsyncGenerator<Uint8Array> {
  const end = Math.min(blob.size, start + length);
  if (end <= start) return;
  const part = start === 0 && end === blob.size ? blob : blob.slice(start, end);
  const stream = part.stream();
  let reader: ReadableStreamBYOBReader;
  try {
    reader = stream.getReader({ mode: 'byob' });
  } catch {
    // Not a byte stream here: chunks of their own.
    yield* readAll(stream.getReader());
    return;
  }
  let buffer: ArrayBuffer | undefined = spareBuffers.pop() ?? new ArrayBuffer(READ_BUFFER);
  let done = false;
  try {
    for (;;) {
      const next: ReadableStreamReadResult<Uint8Array> = await reader.read(new Uint8Array(buffer));
      // The buffer went to the stream with the read and comes back with its result.
      buffer = next.value?.buffer as ArrayBuffer | undefined;
      if (next.done || !buffer) break;
      yield next.value as Uint8Array;
    }
    done = true;
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    if (buffer && buffer.byteLength === READ_BUFFER && spareBuffers.length < 4) spareBuffers.push(buffer);
  }
}

/** A default reader's chunks, cancelling the stream when stopped early. */
async function* readAll(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Uint8Array> {
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
