// The seeded PRNG of the bench generators is the library's own (`seededRandom`, mulberry32, from
// the digitisation sampler), taken from the build the bench measures (DANGAN_DIST_DIR, default dist/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = join(process.env.DANGAN_DIST_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'), 'index.js');
if (!existsSync(entry)) throw new Error(`no built library at ${entry}: run npm run build (or set DANGAN_DIST_DIR)`);

/** mulberry32 from a seed: a function giving numbers in [0, 1), the same on every platform. */
export const { seededRandom: prng } = await import(pathToFileURL(entry).href);
