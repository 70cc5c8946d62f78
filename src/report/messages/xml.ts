import type { IssueTable } from '../definition.js';

/** Issue codes of the XML layer (encoding, well-formedness, hardening). */
export const xmlIssues = {

} as const satisfies IssueTable;
