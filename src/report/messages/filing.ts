import type { IssueTable } from '../definition.js';

/** Issue codes of 档号 (archival code) parsing and validation. */
export const filingIssues = {

} as const satisfies IssueTable;
