// Paths the hostile harness needs, all from this one folder (the esbuild bundle of bundle.mjs
// defines import.meta.dirname as this folder, so the same code runs bundled and under vitest).
import { join } from 'node:path';

/** The minimal valid transfer package the corpus and the fuzz seeds start from. */
export const VALID_PACKAGE = join(import.meta.dirname, '../fixtures/packages/cases/valid');
/** Where the fuzz campaign saves failing inputs. */
export const FOUND_DIR = join(import.meta.dirname, '../fixtures/hostile/found');
