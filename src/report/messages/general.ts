import type { IssueTable } from '../definition.js';

/** Issue codes of general use (input that cannot be read at all, options). */
export const generalIssues = {
  'input.unreadable': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '无法读取输入：{reason}',
  },
  'model.invalid': {
    aspect: 'authenticity',
    severity: 'error',
    'zh-CN': '字段“{fieldName}”不符合要求：{reason}',
  },
} as const satisfies IssueTable;
