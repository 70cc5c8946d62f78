export { assignYear, type YearAssignment, type YearBasis, type YearDates } from './assignYear.js';
export {
  classificationItemSchema,
  classifyItems,
  type ClassificationItem,
  type ClassificationResult,
  type ClassifiedItem,
  type ClassifyOptions,
  type ClassSummary,
} from './classify.js';
export { packBoxes, type BoxableItem, type BoxCapacity, type BoxLabel, type PackBoxesOptions } from './packBoxes.js';
export {
  classificationSchemes,
  findClassificationScheme,
  type ClassificationFacet,
  type ClassificationScheme,
} from './schemes.js';
