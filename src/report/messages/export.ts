import type { IssueTable } from '../definition.js';

/** Issue codes of writers, readers and the package builder. */
export const exportIssues = {

} as const satisfies IssueTable;
