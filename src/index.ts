/**
 * dangan (档案): China's archival standards as an isomorphic TypeScript library.
 *
 * This entry runs in browsers and Node alike; file-system and zip adapters
 * live in `dangan/node`. It registers the English messages, so `locale: 'en'`
 * works everywhere; browser bundlers pick the same exports without them
 * (the `browser` condition, `src/core.ts`), see docs/architecture.md.
 *
 * @module
 */
import { registerMessages } from './report/locales.js';
import { issueCatalogueEn } from './report/messages/en/index.js';

export * from './core.js';

registerMessages('en', issueCatalogueEn);
