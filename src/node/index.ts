/**
 * dangan/node: Node.js adapters — directory and zip package sources, parallel
 * hashing and progress events. Registers the English messages (like the
 * `dangan` entry in Node), so `locale: 'en'` works with this entry alone.
 *
 * @module
 */
import { registerMessages } from '../report/locales.js';
import { issueCatalogueEn } from '../report/messages/en/index.js';

registerMessages('en', issueCatalogueEn);

export { openDirectorySource } from './directorySource.js';
export { openFileChunkSource, FILE_CHUNK_BYTES } from './fileChunkSource.js';
export { decodeName } from '../package/decodeName.js';
export { digestFileStream } from './digestStream.js';
export { digestFiles, hashFileSync, resolveWorkerUrl, READ_SIZE, type DigestFilesOptions, type FileToHash, type FileDigest } from './hashing/index.js';
export { createBag, wrapTransferPackage, type CreateBagOptions, type CreateBagResult } from './createBag.js';
export { updateBag, withPayloadOxum, type UpdateBagOptions, type UpdateBagResult } from './bagit/updateBag.js';
export { openTarSource } from './tarSource.js';
export * from './eep/index.js';
export { openZipSource } from './zipSource.js';
export { openPackagePath, packagePathKind, validatePath, validateWithAntivirus, type PackagePathKind, type ValidatePathOptions } from './validatePath.js';
export * from './antivirus/index.js';
export { buildTransferPackage, TRANSFER_PACKAGE_FILES, type BuildTransferPackageOptions, type BuildTransferPackageResult, type TransferPackageFile, type TransferPackageInput, type TransferPackageItem } from './buildTransferPackage.js';
export { matchFiles, type MatchedFiles } from './build/matchFiles.js';
export { checkDigitisation, openBatchPath } from './digitisation/checkDigitisation.js';
export { openBatchDirectory } from './digitisation/openBatchDirectory.js';
