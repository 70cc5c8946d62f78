import type { IssueTable } from '../definition.js';

/** Issue codes of retention, opening, secrecy and classification rules. */
export const rulesIssues = {

} as const satisfies IssueTable;
