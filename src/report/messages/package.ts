import type { IssueTable } from '../definition.js';

/** Issue codes of transfer-package (dat93) validation and the 四性 checks. */
export const packageIssues = {

} as const satisfies IssueTable;
