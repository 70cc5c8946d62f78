/**
 * The domain model: zod v4 schemas and inferred types for fonds, categories,
 * retention periods, 密级, dates, items, volumes, boxes, catalogue rows,
 * DA/T 46 agents and activities, and access records. See `docs/model.md`.
 *
 * @module
 */
export type { Citation, Confidence } from './citation.js';
export { openingReviewResultSchema, openingReviewSchema, type OpeningReview, type OpeningReviewResult } from './openingReview.js';
export {
  archivalDateSchema,
  calendarDateSchema,
  compareArchivalDates,
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
export {
  fondsCodeSchema,
  nonBlankTextSchema,
  orgCodeSchema,
  positiveIntegerSchema,
  titleSchema,
  yearSchema,
} from './text.js';
export { fondsSchema, type Fonds } from './fonds.js';
export { itemSchema, type Item } from './item.js';
export { classCodeSchema, volumeSchema, type Volume } from './volume.js';
export {
  boxSchema,
  itemRangeSchema,
  recordSheetSchema,
  type Box,
  type ItemRange,
  type RecordSheet,
} from './box.js';
export { catalogueEntrySchema, type CatalogueEntry } from './catalogueEntry.js';
export { agentSchema, agentTypes, type Agent } from './agent.js';
export { activitySchema, activityStatuses, type Activity } from './activity.js';
export {
  accessMethods,
  accessMethodSchema,
  accessRecordSchema,
  parseAccessMethod,
  type AccessMethod,
  type AccessRecord,
} from './accessRecord.js';
export { modelJsonSchemaFiles, modelSchemas, type ModelName } from './jsonSchema.js';
