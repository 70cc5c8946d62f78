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
export { entryFromElement, type CatalogueField, type CatalogueXmlEntry } from './entries.js';
export { catalogueStructure, type CatalogueStructure, type CatalogueStructureOptions } from './structure.js';
export { createCatalogueEntryChecker, type CatalogueEntryCheckOptions } from './checkEntries.js';
export { catalogueChecks, catalogueCheckResults, type CatalogueCheck } from './checks.js';
export { applySeverityPolicy, type SeverityOverrides } from './severity.js';
export { readCatalogue, type CatalogueReadResult, type ReadCatalogueOptions } from './readCatalogue.js';
export { validateCatalogue, type ValidateCatalogueOptions } from './validateCatalogue.js';
