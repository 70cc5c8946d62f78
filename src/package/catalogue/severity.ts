/**
 * Kept for `src/cli/commands/catalogue.ts`, which imports the type from here:
 * the severity policy lives in `src/report/severityPolicy.ts`.
 *
 * @module
 */
export { applySeverityPolicy, type SeverityOverrides } from '../../report/severityPolicy.js';
