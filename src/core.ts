/**
 * dangan (档案): China's archival standards as an isomorphic TypeScript library.
 *
 * This is what a browser bundle gets for `dangan` (the `browser` export
 * condition): everything of the `dangan` entry, with messages in zh-CN only.
 * English is registered on demand (`registerMessages('en', issueCatalogueEn)`
 * with `dangan/locales/en`), so an app ships only the locales it uses.
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
