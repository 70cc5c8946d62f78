/**
 * dangan (档案): China's archival standards as an isomorphic TypeScript library.
 *
 * This entry runs in browsers and Node alike; file-system and zip adapters
 * live in `dangan/node`.
 *
 * @module
 */
export { VERSION } from './version.js';
export * from './report/index.js';
export * from './model/index.js';
export * from './xml/index.js';
export * from './filing/index.js';
export * from './rules/index.js';
export * from './package/index.js';
export * from './export/index.js';
export * from './digitisation/index.js';
