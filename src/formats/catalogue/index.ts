export {
  catalogueFieldRules,
  catalogueLevels,
  elementSet2022Marker,
  type CatalogueElementSet,
  type CatalogueFieldRule,
  type CatalogueLevel,
  type FieldDomain,
  type FieldRequirement,
} from './elementSets.js';
export type { CatalogueField, CatalogueXmlEntry } from './entries.js';
export { scanCatalogue, sortByLocation, type CatalogueScan, type ScanCatalogueOptions } from './scanCatalogue.js';
export { createCatalogueEntryChecker, type CatalogueEntryCheckOptions } from './checkEntries.js';
export { catalogueChecks, catalogueCheckResults, type CatalogueCheck } from './checks.js';
export { readCatalogue, type CatalogueReadResult, type ReadCatalogueOptions } from './readCatalogue.js';
export { checkCatalogueXml, validateCatalogue, validateCatalogueChunks, type CatalogueCheckResult, type ValidateCatalogueOptions } from './validateCatalogue.js';
