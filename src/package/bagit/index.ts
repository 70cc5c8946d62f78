/**
 * BagIt (RFC 8493): validation over a {@link PackageSource}, and the pure
 * parsers and writers of BagIt tag files that bag creation reuses.
 *
 * @module
 */
export { validateBag, BAGIT_PROFILE, type ValidateBagOptions } from './validateBag.js';
export { BAG_ALGORITHMS, findBagAlgorithm, type BagAlgorithm } from './algorithms.js';
export { checkPathSafety, PATH_RULES, type UnsafePathCode } from './pathSafety.js';
export { decodeManifestPath, encodeManifestPath } from './manifestPath.js';
export { parseManifest, formatManifest, type ManifestLine, type ParsedManifest } from './manifest.js';
export { parseTagFile, formatTagFile, tagValues, type BagTag, type ParsedTagFile } from './tagFile.js';
export { parseFetch, isFetchUrl, type FetchLine } from './fetchFile.js';
export { parseOxum, formatOxum, type PayloadOxum } from './oxum.js';
export { parseBagDeclaration, type BagDeclaration } from './bagDeclaration.js';
export { parseBagVersion, isRfc8493, KNOWN_BAG_VERSIONS, type BagVersion } from './version.js';
export { resolveTagEncoding, splitLines, hasUtf8Bom, type TagEncoding, type TextLine } from './tagText.js';
export { OS_FILE_RULES, osArtefactName } from './osFiles.js';
