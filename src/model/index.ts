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
  compareArchivalDates,
  formatArchivalDate,
  parseArchivalDate,
  type ArchivalDate,
  type ArchivalDateParseResult,
} from './archivalDate.js';
export { archivalDateSchema, calendarDateSchema } from './archivalDateSchema.js';
export {
  formatRetentionPeriod,
  parseRetentionPeriod,
  type ParseRetentionOptions,
  type RetentionPeriod,
} from './retentionPeriod.js';
export { retentionPeriodSchema, retentionPeriodTextSchema } from './retentionPeriodSchema.js';
export {
  accessStatuses,
  dat46SecurityLevels,
  exceedsSecrecyCeiling,
  formatAccessStatus,
  formatSecrecyMarking,
  parseAccessStatus,
  parseSecrecyMarking,
  parseSecurityClassification,
  secrecyCeilings,
  securityClassifications,
  type AccessStatus,
  type Dat46SecurityLevel,
  type SecrecyCeiling,
  type SecrecyMarking,
  type SecurityClassification,
} from './securityClassification.js';
export {
  accessStatusSchema,
  dat46SecurityLevelSchema,
  secrecyMarkingSchema,
  securityClassificationSchema,
} from './securityClassificationSchema.js';
export {
  archivalCategories,
  findArchivalCategory,
  type ArchivalCategory,
  type CategoryCode,
} from './category.js';
export { archivalCategorySchema, categoryCodeSchema } from './categorySchema.js';
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
export { agentTypes, type Agent } from './agent.js';
export { agentSchema } from './agentSchema.js';
export { activityStatuses, type Activity } from './activity.js';
export { activitySchema } from './activitySchema.js';
export {
  accessMethods,
  accessMethodSchema,
  accessRecordSchema,
  parseAccessMethod,
  type AccessMethod,
  type AccessRecord,
} from './accessRecord.js';
export { modelJsonSchemaFiles, modelSchemas, type ModelName } from './jsonSchema.js';
