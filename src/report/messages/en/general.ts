import type { LocaleMessages } from '../../definition.js';
import type { generalIssues } from '../general.js';

/** English messages of {@link generalIssues}, by issue code. */
export const generalIssuesEn = {
  'input.unreadable': 'The input cannot be read: {reason}',
  'model.invalid': 'Field "{fieldName}" is invalid: {reason}',
} as const satisfies LocaleMessages<typeof generalIssues>;
