import type { LocaleMessages } from '../../definition.js';
import type { catalogueIssues } from '../catalogue.js';

/** English messages of {@link catalogueIssues}, by issue code. */
export const catalogueIssuesEn = {
  'catalogue.root-unexpected': 'The root element is <{received}>; expected <文件目录> (item level) or <案卷目录> (volume level)',
  'catalogue.entry-unexpected': 'Element <{received}> under <{root}> is not an <{entry}> entry and was ignored',
  'catalogue.empty': 'The catalogue has no entries',
  'catalogue.required-missing': 'Entry {entry} lacks the required item <{field}>',
  'catalogue.required-empty': 'Entry {entry}: the required item <{field}> is empty',
  'catalogue.element-missing': 'Entry {entry} lacks the element <{field}> (it may be empty but should be present)',
  'catalogue.field-repeated': 'Entry {entry}: <{field}> occurs more than once; only the first is used',
  'catalogue.field-unknown': 'Element <{field}> is not in the {elementSet} element set (first seen in entry {entry})',
  'catalogue.sequence-invalid': 'Entry {entry}: 顺序号 "{value}" is not a positive integer',
  'catalogue.sequence-duplicate': '顺序号 "{value}" is repeated: entry {entry} repeats the entry on line {firstLine}',
  'catalogue.archival-code-duplicate': '档号 "{value}" is repeated: entry {entry} repeats the entry on line {firstLine}',
  'catalogue.date-invalid': 'Entry {entry}: 日期 "{value}" is not an 8-digit date (YYYYMMDD)',
  'catalogue.date-impossible': 'Entry {entry}: 日期 "{value}" is not a real calendar day',
  'catalogue.date-not-basic': 'Entry {entry}: 日期 "{value}" should be written in 8-digit form "{normalized}"',
  'catalogue.security-invalid': 'Entry {entry}: 密级 "{value}" is not 绝密, 机密 or 秘密 (leave it empty when unclassified)',
  'catalogue.security-not-classification': 'Entry {entry}: 密级 "{value}" is an access value, not a classification; leave it empty when unclassified',
  'catalogue.retention-invalid': 'Entry {entry}: 保管期限 "{value}" is not recognised (expected 永久, 定期30年, 定期10年 or a code such as Y, D30, D10)',
  'catalogue.page-count-invalid': 'Entry {entry}: 页数 "{value}" is not a positive integer',
} as const satisfies LocaleMessages<typeof catalogueIssues>;
