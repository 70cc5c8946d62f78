import type { LocaleMessages } from '../../definition.js';
import type { limitsIssues } from '../limits.js';

/** English messages of {@link limitsIssues}, by issue code. */
export const limitsIssuesEn = {
  'limits.issues-truncated': '{limit} issues "{code}" are listed; {received} more are left out',
  'limits.entries': 'The package has {received} entries, over the limit of {limit}; validation stopped',
  'limits.total-bytes': 'The package files add up to {received} bytes, over the limit of {limit}; validation stopped',
  'limits.file-bytes': 'File "{entry}" has {received} bytes, over the single-file limit of {limit}; not read',
  'limits.compression-ratio': 'Archive entry "{entry}" expands {received}:1, over the limit of {limit}:1 (a likely zip bomb); not read',
  'limits.path-length': 'An entry path has {received} characters, over the limit of {limit}: "{entry}"',
  'limits.entry-duplicate': 'The archive holds {count} entries named "{entry}"; an unpacker may take any of them, only the first was checked',
  'limits.entry-case-collision': 'Entries "{entry}" and "{other}" differ only in case ({sizes}): on a case-insensitive file system (Windows, macOS) one overwrites the other, and what the receiver sees depends on the unpacking order',
  'limits.entry-name': 'Entry name "{entry}" is not portable: {reason}',
  'xml.limit-bytes': 'File "{entry}" has {received} bytes, over the XML file limit of {limit}; not read or decoded',
  'limits.xml-budget': 'Reading XML has used {received}, over the budget of {limit} for the package; {count} more XML files were not read',
  'package.folder-unreadable': 'Folder "{entry}" cannot be listed: {reason}; what it holds was not checked',
  'zip.entry-overlap': 'The bytes of archive entry "{entry}" overlap "{other}" (an overlapping-entry zip bomb); not read',
  'zip.name-mismatch': 'The central directory names entry "{entry}" but its local header says "{local}"; a streaming extractor writes "{local}"; not read',
  'zip.entry-local-only': 'The archive holds a local entry "{local}" at offset {offset} that the central directory does not list; a streaming extractor writes it',
  'zip.entry-invalid': 'Archive entry "{entry}" cannot be read as the central directory says: {reason}',
  'zip.crc-mismatch': 'Archive entry "{entry}" has CRC-32 {received}; the archive records {expected}',
  'zip.directory-data': 'Folder entry "{entry}" of the archive carries {received} bytes of data',
  'zip.prefix-data': 'The archive is preceded by {received} bytes of other data (e.g. a self-extracting stub), skipped as unzip does',
  'zip.trailing-data': 'The archive is followed by {received} bytes of extra data, ignored as unzip does',
  'xml.limit-time': 'Reading this XML took longer than its time budget of {limit} ms; stopped',
} as const satisfies LocaleMessages<typeof limitsIssues>;
