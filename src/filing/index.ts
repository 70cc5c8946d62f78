/**
 * 档号 (archival codes): profiles compiled from templates into a matcher and
 * a formatter, normalisation, validation, archival ordering and sequence
 * checks. See `docs/archival-code.md`.
 *
 * @module
 */
export type { ArchivalCodeComponents, ArchivalCodeInput, ComponentName } from './components.js';
export { fieldSpecs, type FieldKind, type FieldSpec } from './fields.js';
export {
  normalizeArchivalCode,
  normalizationRules,
  type NormalizationChange,
  type NormalizationRule,
  type NormalizationRuleRow,
  type NormalizedArchivalCode,
} from './normalize.js';
export { parseTemplate, type TemplateNode, type TemplateParseResult, type TemplateProblem } from './template.js';
export type {
  ArchivalCodeProfile,
  ArchivalCodeProfileDefinition,
  FormatProblem,
  OrgCodeForm,
  ProfileSegment,
} from './profile.js';
export { ArchivalCodeProfileError, compileProfile, profileDefinitionSchema, registerProfile } from './profileDefinition.js';
export { builtinProfileDefinitions } from './builtinProfiles.js';
export { DEFAULT_PROFILE_ID, getProfile, listProfiles, unregisterProfile } from './registry.js';
export type { ParseArchivalCodeOptions } from './options.js';
export { CONFORMITY_CHECK, validateComponents } from './validateComponents.js';
export { parseArchivalCode, type ArchivalCodeParseResult } from './parseArchivalCode.js';
export { ArchivalCodeFormatError, formatArchivalCode } from './formatArchivalCode.js';
export { isValidArchivalCode } from './isValidArchivalCode.js';
export { detectProfile, matchingProfiles } from './detectProfile.js';
export { compareArchivalCodes, naturalCompare, sortArchivalCodes } from './compareArchivalCodes.js';
export {
  CONTINUITY_CHECK,
  UNIQUENESS_CHECK,
  checkSequence,
  nextItemNumber,
  type CheckSequenceOptions,
  type NextItemNumber,
  type NextItemNumberOptions,
} from './sequence.js';
