import type { IssueTable } from '../definition.js';

/** Issue codes of resource limits and hostile input. */
export const limitsIssues = {

} as const satisfies IssueTable;
