import type { IssueTable } from '../definition.js';

/**
 * Why `dangan report merge` (`mergeShardReports`) refuses a set of shard reports
 * (issue 22, `--shard I/N`): the merge would not be the report of one whole run.
 */
export const shardIssues = {
  'shard.not-a-shard': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '“{file}”不是分片检测报告（缺少分片信息；请用“--shard 片号/片数”检测并输出 JSON 格式的报告）',
  },
  'shard.count-mismatch': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '分片数不一致：“{file}”是 {received} 片之一，其他报告是 {expected} 片',
  },
  'shard.package-mismatch': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '“{file}”检测的是另一个信息包（{reason}），不能合并',
  },
  'shard.duplicate': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '第 {index} 片出现两次：“{file}”与“{other}”',
  },
  'shard.missing': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '缺少分片：共 {count} 片，缺第 {missing} 片',
  },
} as const satisfies IssueTable;
