export { createEepSigner, type EepSignerOptions } from './createEepSigner.js';
export { verifyEepSignature } from './verifyEepSignature.js';
export { SIGNATURE_ALGORITHMS, signatureAlgorithm, type SignatureAlgorithmRow } from './algorithms.js';
export { SM2_DEFAULT_ID, sm2PublicKey, sm2Sign, sm2Supported, sm2Verify, type Sm2Point } from './sm2.js';
export { validateEepFile } from './validateEepFile.js';
export { writeEepFile, type WriteEepFileOptions, type WriteEepFileResult } from './writeEepFile.js';
