export { countingRuleOf, type CountingBasis, type CountingRule, type RetentionRule, type RetentionSchedule } from './schedule.js';
export * from './schedules/index.js';
export { legacySuggestions, suggestLegacyMapping, type LegacySuggestion } from './legacyMapping.js';
export {
  FISCAL_YEAR,
  retentionDates,
  type RetentionDates,
  type RetentionDatesOptions,
  type RetentionRecord,
  type RetentionRuleLike,
} from './retentionDates.js';
export type { CalendarDay } from './_calendar.js';
export {
  findRetentionRule,
  normalizeName,
  type FindRuleOptions,
  type MatchKind,
  type RuleCandidate,
  type RuleLookup,
} from './findRetentionRule.js';
export { loadSchedule, type LoadScheduleOptions, type LoadScheduleResult } from './loadSchedule.js';
export { extendSchedule, type ScheduleExtension } from './extendSchedule.js';
export { describeHold, disposalHoldKinds, type DisposalHold, type DisposalHoldKind } from './disposalHolds.js';
export { dueForAppraisal, type AppraisalItem, type AppraisalResult, type AppraisalStatus } from './dueForAppraisal.js';
export {
  buildDestructionRegister,
  type DestructionRegister,
  type DestructionRegisterOptions,
  type DestructionRegisterRow,
} from './destructionRegister.js';
export { SECRECY_COUNTING, secrecyDates, type SecrecyDates, type SecrecyUndetermined } from './secrecyDates.js';
export {
  DEFAULT_OPENING_YEARS,
  OPENING_LAW,
  PERIOD_COUNTING,
  openingCategories,
  openingDate,
  type OpeningCategory,
  type OpeningDate,
  type OpeningOptions,
  type OpeningRecord,
  type OpeningUndetermined,
} from './openingDate.js';
export { meetsVerifiedBar, sourceRegister, type SourceEntry, type SourceKind } from './sources.js';
export { flagNotArchived, notArchived2006, type FlaggableItem, type NotArchivedRule } from './notArchived.js';
export * from './classification/index.js';
export { appraisalItemsFromRows, appraisalRowSchema, type AppraisalRows } from './appraisalRows.js';
export {
  TRANSFER_LAW,
  parseArchiveLevel,
  transferDeadlines,
  transferDue,
  transferList,
  transferRowSchema,
  type ArchiveLevel,
  type TransferDeadline,
  type TransferDue,
  type TransferList,
  type TransferListEntry,
  type TransferRecord,
} from './transferDue.js';
export { OTHER_FOLDER_REQUIRED, otherFolderDocumentOf, otherFolderDocuments, type OtherFolderDocument } from './transferDocuments.js';
export {
  OPENING_REVIEW_LAW,
  checkOpeningReview,
  dueForOpeningReview,
  type OpeningReviewDue,
  type OpeningReviewStatus,
  type ReviewableRecord,
} from './openingReview.js';
