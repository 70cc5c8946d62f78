import type { IssueTable } from '../definition.js';

/** Issue codes of EEP (DA/T 48-2009) validation and writing. */
export const eepIssues = {

} as const satisfies IssueTable;
