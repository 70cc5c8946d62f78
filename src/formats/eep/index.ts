export { decodeBase64, encodeBase64, type Base64Result } from './base64.js';
export {
  EEP_ENCODING_DESCRIPTION,
  EEP_FORMAT_DESCRIPTION,
  EEP_NAMESPACE,
  EEP_PACKAGE_TYPE_DESCRIPTIONS,
  EEP_VERSION,
  SIGNATURE_ALGORITHM_OIDS,
  type EepPackageType,
} from './constants.js';
export { decodingKey, fileExtension } from './decodingKey.js';
export { documentDataId, documentId, encodedDataId, encodingId, modificationId, signatureId } from './ids.js';
export type * from './model.js';
export { writeEep } from './writeEep.js';
export { readEep, type EepModifiedPackage, type EepOriginalPackage, type EepPackage, type EepSignatures, type ReadEepResult } from './readEep.js';
export { signEep, SIGNATURE_RULES, type EepSigner, type SignEepOptions, type SignEepResult } from './signEep.js';
export { wrapEep, type WrapEepResult } from './wrapEep.js';
