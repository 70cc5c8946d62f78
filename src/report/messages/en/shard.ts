import type { LocaleMessages } from '../../definition.js';
import type { shardIssues } from '../shard.js';

/** English messages of {@link shardIssues}, by issue code. */
export const shardIssuesEn = {
  'shard.not-a-shard': '"{file}" is not a shard report (it has no shard field; make one with dangan validate --shard I/N --format json)',
  'shard.count-mismatch': 'Shard counts differ: "{file}" is one of {received} shards, the others of {expected}',
  'shard.package-mismatch': '"{file}" is the report of another package ({reason}); not merged',
  'shard.duplicate': 'Shard {index} is given twice: "{file}" and "{other}"',
  'shard.missing': 'Shards are missing: of {count}, shard {missing} is not given',
} as const satisfies LocaleMessages<typeof shardIssues>;
