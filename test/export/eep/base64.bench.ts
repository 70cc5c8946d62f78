import { bench, describe } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../../src/index.js';

// Run with `npx vitest bench test/export/eep`. Moved here from base64.test.ts, which asserted
// "under 5 s" on wall-clock time: 1 MiB and 16 MiB side by side show whether the cost is linear
// (about 16× apart) or quadratic (about 256× apart).
const sample = (size: number) => new Uint8Array(size).map((_, i) => (i * 2654435761) >>> 24);
const small = sample(1024 * 1024);
const large = sample(16 * 1024 * 1024);
const smallText = encodeBase64(small);
const largeText = encodeBase64(large);

describe('encodeBase64 / decodeBase64', () => {
  bench('encode 1 MiB', () => void encodeBase64(small));
  bench('encode 16 MiB', () => void encodeBase64(large), { iterations: 3 });
  bench('decode 1 MiB', () => void decodeBase64(smallText));
  bench('decode 16 MiB', () => void decodeBase64(largeText), { iterations: 3 });
});
