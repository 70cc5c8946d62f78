import type { IssueTable } from '../definition.js';

/** Issue codes of the 目录文件.XML / 归档文件目录 check. */
export const catalogueIssues = {

} as const satisfies IssueTable;
