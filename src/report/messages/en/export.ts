import type { LocaleMessages } from '../../definition.js';
import type { exportIssues } from '../export.js';

/** English messages of {@link exportIssues}, by issue code. */
export const exportIssuesEn = {
  'export.xml.root-unexpected': 'The root element should be {expected}, found {received}',
  'export.xml.element-missing': '{parent} lacks the required element {element}',
  'export.value.invalid': 'The value "{value}" of {field} is invalid: {reason}',
  'export.value.unrepresentable': '{field} contains the character {character}, which XML 1.0 cannot represent',
  'export.csv.syntax': 'CSV syntax error: {reason}',
  'export.csv.column-missing': 'The CSV header lacks the required column "{column}"',
  'export.csv.column-unknown': 'The CSV column "{column}" is not a 归档文件目录 column and was ignored',
  'export.json.syntax': 'The JSON cannot be parsed: {reason}',
  'build.entry-without-files': 'The catalogue entry {archivalCode} has no files',
  'build.file-without-entry': 'The file {file} matches no catalogue entry and was left out of the package',
  'build.folder-name-invalid': 'The archival code "{archivalCode}" cannot name a folder: {reason}',
  'build.archival-code-duplicate': 'The archival code {archivalCode} occurs more than once',
  'build.match-key-duplicate': 'The {column} "{key}" belongs to several catalogue entries, so files cannot be matched by it',
  'build.output-exists': 'The output {output} already exists and is not empty',
  'build.file-unreadable': 'The file {file} cannot be read: {reason}',
} as const satisfies LocaleMessages<typeof exportIssues>;
