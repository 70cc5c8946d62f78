export type {
  DigestAlgorithm,
  DigestOptions,
  DigestRequest,
  DigestResult,
  PackageEntry,
  PackageSource,
  ProgressEvent,
  SourceFinding,
} from './source.js';
export { ReadLimitError } from './source.js';
export { createEtaEstimator } from './eta.js';
export { abortableSource } from './abortableSource.js';
export * from '../formats/catalogue/index.js';
export * from './eep/index.js';
export * from './bagit/index.js';
export { validatePackage, type ValidateAnyPackageOptions } from './validatePackage.js';
export { validateTransferPackage } from './dat93/validateTransferPackage.js';
export { detectPackageProfile, type PackageProfile } from './detectProfile.js';
export { mergeReports } from './mergeReports.js';
export { checkShard, ownsPathOf, packageFingerprint, reportShard, shardOfPath, type OwnsPath, type PackageShard } from './shard.js';
export { packageOptionDefaults, type ValidatePackageOptions } from './options.js';
export {
  checkOfIssueCode,
  packageCheckIds,
  packageChecks,
  type CheckDefinition,
  type CheckStage,
  type PackageCheckDefinition,
  type PackageCheckId,
} from './checks/registry.js';
export { createCheckRun, type CheckRun, type CheckRunOptions, type CheckSeverityOverride } from './checks/checkRun.js';
export { describePackageCheck, packageCheckOfIssue } from './checks/describeCheck.js';
export { readItemMetadata, ITEM_METADATA_ROOT, type ItemMetadataReading, type MetadataXmlElement } from '../formats/itemMetadata/readItemMetadata.js';
export type { ComputerFile, ItemArchivalCode, ItemMetadata } from '../formats/itemMetadata/itemMetadataModel.js';
export { computerFileRules, dat46ElementRules, type MetadataDomain, type MetadataElementRule, type MetadataValueType } from '../formats/itemMetadata/dat46Elements.js';
export { findForbiddenCharacter, forbiddenCharacterRules, type ForbiddenCharacterRule } from '../formats/itemMetadata/forbiddenCharacters.js';
export { parsePackageDescription, type PackageDescriptionField, type ParsedPackageDescription } from '../formats/description/parsePackageDescription.js';
export { packageDescriptionKeyRules, type PackageDescriptionRuleKey } from '../formats/description/descriptionKeys.js';
export { digestHexLength, parseDigestAlgorithm, type FixityClaim, type FixityEvidenceKind } from '../formats/fixity/fixityClaim.js';
export { parseManifestText, type ManifestLine } from '../formats/fixity/parseManifestText.js';
export { FIXITY_FILE_ROOT } from './dat93/collectFixityClaims.js';
export { isSafePath } from './layout/isSafePath.js';
export { findPackageRoot, mapPackageLayout, type ItemFolder, type PackageLayout } from './layout/packageLayout.js';
export { identifyFormat } from './format/identifyFormat.js';
export { contentFormats, macroExtensions, type ContentFormatDefinition, type ContentFormatId } from './format/formats.js';
export { subSource } from './subSource.js';
export { defaultLimits, refuseEntries, resolveLimits, screenLimits, unportableNameReason, withLimitIssues, type LimitScreening, type Limits } from './limits.js';
