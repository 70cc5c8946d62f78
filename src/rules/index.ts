export { countingRuleOf, type CountingBasis, type CountingRule, type RetentionRule, type RetentionSchedule } from './schedule.js';
export * from './schedules/index.js';
export { legacySuggestions, suggestLegacyMapping, type LegacySuggestion } from './legacyMapping.js';
export {
  retentionDates,
  type RetentionDates,
  type RetentionDatesOptions,
  type RetentionRecord,
  type RetentionRuleLike,
} from './retentionDates.js';
export type { CalendarDay } from './_calendar.js';
