// Tests import modules one by one (not through the `dangan` entry, which registers English):
// register English for all of them, as the `dangan` entry, `dangan/node` and the CLI do.
// test/report/locales.test.ts checks the zh-CN-only core without it.
import { registerMessages } from '../../src/report/locales.js';
import { issueCatalogueEn } from '../../src/report/messages/en/index.js';

registerMessages('en', issueCatalogueEn);
