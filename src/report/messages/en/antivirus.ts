import type { LocaleMessages } from '../../definition.js';
import type { antivirusIssues } from '../antivirus.js';

/** English messages of {@link antivirusIssues}, by issue code. */
export const antivirusIssuesEn = {
  'antivirus.engine': 'Antivirus engine {engine} {version}; signature database version: {database}, date: {date}',
  'antivirus.unavailable': 'The antivirus engine ({kind}) cannot be used: {reason}',
  'antivirus.database-outdated': 'The signature database is of {date}, {received} days old, over the {expected} days allowed',
  'antivirus.database-undated': 'The engine does not report its signature database date, so it cannot be shown to be at most {expected} days old',
  'antivirus.infected': '"{file}" is infected: {signature}',
  'antivirus.file-refused': '"{file}" was not virus-scanned: {reason}',
  'antivirus.scan-stopped': 'The virus scan stopped ({reason}); {received} files were not scanned',
  'antivirus.scan-not-run': 'No virus scan was made: {reason}',
} as const satisfies LocaleMessages<typeof antivirusIssues>;
