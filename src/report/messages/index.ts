import { antivirusIssues } from './antivirus.js';
import { bagitIssues } from './bagit.js';
import { catalogueIssues } from './catalogue.js';
import { digitisationIssues } from './digitisation.js';
import { eepIssues } from './eep.js';
import { exportIssues } from './export.js';
import { filingIssues } from './filing.js';
import { generalIssues } from './general.js';
import { limitsIssues } from './limits.js';
import { packageIssues } from './package.js';
import { rulesIssues } from './rules.js';
import { xmlIssues } from './xml.js';

/**
 * Every issue code dangan can emit, with its default aspect, severity and
 * zh-CN message. Each area keeps its own table in this folder (and its
 * messages in other locales under `en/` etc.); this is the union, which only
 * code that handles any code at all needs (`createIssue`, `localizeIssue`).
 */
// An annotated call rather than a bare object spread, which bundlers keep even when unused.
export const issueCatalogue = /* @__PURE__ */ (() => ({
  ...generalIssues,
  ...xmlIssues,
  ...catalogueIssues,
  ...filingIssues,
  ...rulesIssues,
  ...packageIssues,
  ...bagitIssues,
  ...eepIssues,
  ...exportIssues,
  ...limitsIssues,
  ...digitisationIssues,
  ...antivirusIssues,
}))();

/** Union of every issue code in the catalogue. */
export type IssueCode = keyof typeof issueCatalogue;
