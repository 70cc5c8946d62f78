/**
 * BagIt (RFC 8493): validation over a {@link PackageSource}, and the pure
 * parsers and writers of BagIt tag files that bag creation reuses.
 *
 * @module
 */
export { validateBag, BAGIT_PROFILE, type ValidateBagOptions } from './validateBag.js';
export { BAG_ALGORITHMS, findBagAlgorithm, type BagAlgorithm } from './algorithms.js';
export { checkBagPath, BAG_PATH_RULES, type UnsafePathCode } from './pathSafety.js';
export { decodeBagPath, encodeBagPath } from '../../formats/bagit/manifestPath.js';
export { parseBagManifest, formatBagManifest, type BagManifestLine, type ParsedBagManifest } from '../../formats/bagit/manifest.js';
export { parseBagInfo, formatBagInfo, bagInfoValues, type BagTag, type ParsedBagInfo } from '../../formats/bagit/tagFile.js';
export { parseFetchFile, type BagFetchLine } from '../../formats/bagit/fetchFile.js';
export { parsePayloadOxum, formatPayloadOxum, type PayloadOxum } from '../../formats/bagit/oxum.js';
export { parseBagDeclaration, type BagDeclaration } from '../../formats/bagit/bagDeclaration.js';
export { parseBagVersion, type BagVersion } from '../../formats/bagit/version.js';
export { resolveBagTagEncoding, type TagEncoding } from '../../formats/bagit/tagText.js';
export { OS_ARTEFACT_RULES, osArtefactName } from './osFiles.js';
export { parseBagitProfile, bagitProfileSchema, type BagitProfile, type ParsedBagitProfile } from '../../formats/bagit/profileSchema.js';
export { matchesProfilePattern } from '../../formats/bagit/profile.js';
export { BAG_CHECKS, type BagCheckId } from '../../formats/bagit/checks.js';
