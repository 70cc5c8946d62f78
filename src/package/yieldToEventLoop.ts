/**
 * Lets the event loop take a turn (timers, I/O and worker messages), which a
 * chain of already-resolved awaits never does. Long synchronous stretches of
 * validation call it now and then, so that hashing workers fed from the event
 * loop are not left idle while metadata is parsed. Uses `setImmediate` where
 * there is one (Node), else `setTimeout(…, 0)` (browsers).
 *
 * @returns A promise that settles on the next turn of the event loop.
 * @example
 * for (const [i, item] of items.entries()) {
 *   check(item);
 *   if (i % 32 === 31) await yieldToEventLoop();
 * }
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
