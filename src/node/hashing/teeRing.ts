/**
 * The shared ring through which a hashing worker hands the bytes it tees to
 * the calling thread, with no allocation, copy to or transfer between threads
 * per chunk: the worker copies each read into the ring and posts where it is;
 * the calling thread lends a view of it to the tee's sink and releases it once
 * the sink is done. Space is taken by bytes, not in fixed slots, so a worker
 * runs {@link TEE_CREDIT} bytes ahead of the sinks whatever its files' sizes
 * (a 256 KiB file takes 256 KiB, not a 1 MiB slot).
 *
 * @module
 */

/** Bytes of a worker's ring: the most it tees ahead of what the sinks have taken. */
export const TEE_CREDIT = 16 << 20;

/** Chunks a ring holds at most at once (many tiny files run out of these before they run out of bytes). */
const RUNS = 4096;

/**
 * A worker's ring: `bytes` holds the teed chunks, each a run of contiguous
 * bytes taken in order around the ring; `state[1 + r]` is 1 while run `r`
 * (of {@link RUNS}, numbered round) is held, and `state[0]` is `r + 1` while
 * the worker waits for run `r` to be released (0 otherwise).
 */
export interface TeeRing {
  bytes: SharedArrayBuffer;
  state: SharedArrayBuffer;
}

/** Where a chunk was put: its run and its offset in the ring. */
export interface RingPlace {
  run: number;
  offset: number;
}

/**
 * A ring of {@link TEE_CREDIT} bytes, and at least two reads of `readSize`.
 *
 * @param readSize - The workers' read size (the largest chunk).
 * @returns The ring, empty.
 * @example
 * createTeeRing(1 << 20).bytes.byteLength //=> 16777216
 */
export function createTeeRing(readSize: number): TeeRing {
  return { bytes: new SharedArrayBuffer(Math.max(TEE_CREDIT, 2 * readSize)), state: new SharedArrayBuffer(4 * (1 + RUNS)) };
}

/**
 * The worker's side of a ring: `put` copies a chunk into the next free space
 * and marks its run held. Runs are taken in order around the ring and space
 * comes back as the oldest runs are released (a run released early waits for
 * the older ones); with no room, `put` blocks in `Atomics.wait` until a
 * quarter of the held runs are released (or the oldest, when fewer are held),
 * so the calling thread wakes the worker once per many chunks, not per chunk.
 *
 * @param ring - The ring, shared with the calling thread.
 * @returns The writer.
 * @example
 * const { run, offset } = createRingWriter(ring).put(chunk);
 */
export function createRingWriter(ring: TeeRing): { put(chunk: Uint8Array): RingPlace } {
  const bytes = new Uint8Array(ring.bytes);
  const state = new Int32Array(ring.state);
  const size = bytes.length;
  /** Where each held run starts, by run number. */
  const starts = new Int32Array(RUNS);
  let oldest = 0;
  let held = 0;
  let head = 0;
  const isHeld = (run: number): boolean => Atomics.load(state, 1 + run) !== 0;
  /** Gives back the space of the oldest runs that were released. */
  const reclaim = (): void => {
    while (held > 0 && !isHeld(oldest)) {
      oldest = (oldest + 1) % RUNS;
      held--;
    }
    if (held === 0) head = 0;
  };
  /** Where `length` bytes fit now, or -1. */
  const place = (length: number): number => {
    if (held === 0) return 0;
    if (held === RUNS) return -1;
    const tail = starts[oldest] as number;
    if (head > tail) return length <= size - head ? head : length <= tail ? 0 : -1;
    return length <= tail - head ? head : -1;
  };
  /** Sleeps until a quarter of the held runs (or the oldest) is released. */
  const wait = (): void => {
    let run = (oldest + (held >> 2)) % RUNS;
    if (!isHeld(run)) run = oldest;
    Atomics.store(state, 0, run + 1);
    // Released meanwhile: the calling thread cleared state[0] first, so the wait returns at once.
    if (isHeld(run)) Atomics.wait(state, 0, run + 1, 1000);
    Atomics.store(state, 0, 0);
  };
  return {
    put(chunk) {
      if (chunk.length > size) throw new RangeError(`a chunk of ${chunk.length} bytes is larger than the tee ring (${size})`);
      let offset = -1;
      for (reclaim(); (offset = place(chunk.length)) < 0; reclaim()) wait();
      const run = (oldest + held) % RUNS;
      starts[run] = offset;
      held++;
      head = offset + chunk.length;
      Atomics.store(state, 1 + run, 1);
      bytes.set(chunk, offset);
      return { run, offset };
    },
  };
}

/**
 * The calling thread's side: releases run `run` (its sink is done with the
 * bytes), and wakes the worker when it waits for this run.
 *
 * @param state - The ring's `state`, as an `Int32Array`.
 * @param run - The run to release.
 * @example
 * releaseRun(new Int32Array(ring.state), message.run)
 */
export function releaseRun(state: Int32Array, run: number): void {
  Atomics.store(state, 1 + run, 0);
  if (Atomics.compareExchange(state, 0, run + 1, 0) === run + 1) Atomics.notify(state, 0);
}
