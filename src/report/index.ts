export type { Aspect, Issue, IssueLocation, Locale, Severity } from './issue.js';
export type { AddedLocale, IssueDefinition, IssueTable, LocaleMessages } from './definition.js';
export { issueCatalogue, type IssueCode } from './messages/index.js';
export { createIssue, createIssueFrom, localizeIssue, resolveMessage, type IssueDetails } from './createIssue.js';
export { hasMessage, messageTemplate, registerMessages } from './locales.js';
export { formatMessage } from './message.js';
export {
  buildReport,
  localizeReport,
  resolveChecks,
  type CheckResult,
  type CheckStatus,
  type Report,
  type ReportInput,
  type ReportSummary,
} from './report.js';
export { capIssuesPerCode, issueCap, DEFAULT_MAX_ISSUES_PER_CODE, TRUNCATION_CODE, type CapIssuesOptions } from './capIssues.js';
export { issuesFromZod } from './fromZod.js';
export { validateModel, type ModelValidation, type ValidateModelOptions } from './validateModel.js';
export { adjustSeverity, applySeverityPolicy, type SeverityOverrides } from './severityPolicy.js';
export { formatJson } from './format/json.js';
export { formatText, type TextFormatOptions } from './format/text.js';
export { escapeTerminalText } from './format/escapeTerminal.js';
export { formatJunit } from './format/junit.js';
export { formatJsonl, formatJsonlLines } from './format/jsonl.js';
export { formatSarif } from './format/sarif.js';
export { checksWithIssues, groupIssuesByCheck, type CheckFormatOptions, type CheckWithIssues } from './format/checkInfo.js';
export { describeDefinition, stampIssue, type CheckDefinition, type CheckDescription, type IdentifiedCheckDefinition } from './check.js';
export { createCheckOfCode } from './checkOfCode.js';
