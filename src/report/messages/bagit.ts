import type { IssueTable } from '../definition.js';

/** Issue codes of BagIt (RFC 8493) validation. */
export const bagitIssues = {

} as const satisfies IssueTable;
