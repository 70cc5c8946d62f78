export type { Citation, Confidence } from './citation.js';
export {
  archivalDateSchema,
  formatArchivalDate,
  parseArchivalDate,
  type ArchivalDate,
  type ArchivalDateParseResult,
} from './archivalDate.js';
export {
  formatRetentionPeriod,
  parseRetentionPeriod,
  retentionPeriodSchema,
  retentionPeriodTextSchema,
  type ParseRetentionOptions,
  type RetentionPeriod,
} from './retentionPeriod.js';
export {
  accessStatusSchema,
  accessStatuses,
  dat46SecurityLevelSchema,
  dat46SecurityLevels,
  exceedsSecrecyCeiling,
  formatAccessStatus,
  formatSecrecyMarking,
  parseAccessStatus,
  parseSecrecyMarking,
  parseSecurityClassification,
  secrecyCeilings,
  secrecyMarkingSchema,
  securityClassificationSchema,
  securityClassifications,
  type AccessStatus,
  type Dat46SecurityLevel,
  type SecrecyCeiling,
  type SecrecyMarking,
  type SecurityClassification,
} from './securityClassification.js';
export {
  archivalCategories,
  archivalCategorySchema,
  categoryCodeSchema,
  findArchivalCategory,
  type ArchivalCategory,
  type CategoryCode,
} from './category.js';
