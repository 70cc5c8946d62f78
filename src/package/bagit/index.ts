/**
 * BagIt (RFC 8493): validation over a {@link PackageSource}, and the pure
 * parsers and writers of BagIt tag files that bag creation reuses.
 *
 * @module
 */
export { validateBag, BAGIT_PROFILE, type ValidateBagOptions } from './validateBag.js';
export { BAG_ALGORITHMS, findBagAlgorithm, type BagAlgorithm } from './algorithms.js';
export { checkBagPath, BAG_PATH_RULES, type UnsafePathCode } from './pathSafety.js';
export { decodeBagPath, encodeBagPath } from './manifestPath.js';
export { parseBagManifest, formatBagManifest, type BagManifestLine, type ParsedBagManifest } from './manifest.js';
export { parseBagInfo, formatBagInfo, bagInfoValues, type BagTag, type ParsedBagInfo } from './tagFile.js';
export { parseFetchFile, type BagFetchLine } from './fetchFile.js';
export { parsePayloadOxum, formatPayloadOxum, type PayloadOxum } from './oxum.js';
export { parseBagDeclaration, type BagDeclaration } from './bagDeclaration.js';
export { parseBagVersion, type BagVersion } from './version.js';
export { resolveBagTagEncoding, type TagEncoding } from './tagText.js';
export { OS_ARTEFACT_RULES, osArtefactName } from './osFiles.js';
