export { validateEep, EEP_PROFILE } from './validateEep.js';
export { validateEepEntry } from './validateEepEntry.js';
export type { ValidateEepOptions } from './context.js';
export type { SignatureVerdict, SignatureVerificationRequest, VerifySignature } from './verifySignature.js';
export { EEP_CHECKS, EEP_DAT70_ITEMS, eepCheckOfIssueCode, type EepCheckDefinition, type EepCheckId } from './checks.js';
export { EEP_CONTENT_MODELS, type EepChildRule, type EepContentModel } from './schema.js';
export { EEP_DOMAIN_RULES, EEP_TYPE_RULES, isValidValue, type EepDomainRule, type EepTypeRule, type EepValueType } from './valueRules.js';
