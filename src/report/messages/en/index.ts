import { generalIssuesEn } from './general.js';
import { xmlIssuesEn } from './xml.js';
import { catalogueIssuesEn } from './catalogue.js';
import { filingIssuesEn } from './filing.js';
import { rulesIssuesEn } from './rules.js';
import { packageIssuesEn } from './package.js';
import { bagitIssuesEn } from './bagit.js';
import { eepIssuesEn } from './eep.js';
import { exportIssuesEn } from './export.js';
import { limitsIssuesEn } from './limits.js';
import { digitisationIssuesEn } from './digitisation.js';
import { antivirusIssuesEn } from './antivirus.js';

/**
 * English messages of every issue code, by code: register them with
 * `registerMessages('en', issueCatalogueEn)` where English is not registered
 * already (a browser bundle), or register one area's table (`filingIssuesEn`, …)
 * to carry that area's only.
 */
// An annotated call rather than a bare object spread, which bundlers keep even when unused.
export const issueCatalogueEn = /* @__PURE__ */ (() => ({
  ...generalIssuesEn,
  ...xmlIssuesEn,
  ...catalogueIssuesEn,
  ...filingIssuesEn,
  ...rulesIssuesEn,
  ...packageIssuesEn,
  ...bagitIssuesEn,
  ...eepIssuesEn,
  ...exportIssuesEn,
  ...limitsIssuesEn,
  ...digitisationIssuesEn,
  ...antivirusIssuesEn,
}))();

export { generalIssuesEn };
export { xmlIssuesEn };
export { catalogueIssuesEn };
export { filingIssuesEn };
export { rulesIssuesEn };
export { packageIssuesEn };
export { bagitIssuesEn };
export { eepIssuesEn };
export { exportIssuesEn };
export { limitsIssuesEn };
export { digitisationIssuesEn };
export { antivirusIssuesEn };
