/**
 * Antivirus engines for DA/T 70-2018 GD-4-1 and GD-4-2: clamd over its socket
 * (INSTREAM), clamscan, or any command-line scanner; and the package scan
 * that streams every file to them (see `docs/security.md`).
 *
 * @module
 */
export { parseClamavVersion, type AntivirusEngine, type EngineInfo, type ScanVerdict } from './engine.js';
export { createClamdEngine, parseClamdAddress, DEFAULT_CLAMD_SOCKET, type ClamdAddress, type ClamdOptions } from './clamdClient.js';
export { createClamscanEngine, createCommandEngine, splitCommand, FILE_PLACEHOLDER, type CommandEngineOptions } from './commandEngine.js';
export { embeddedFiles, decodeBase64Chunks, type EmbeddedFile } from './embeddedContent.js';
export { scanPackageSource, startPackageScan, scanFileOnDisk, withAntivirus, type AntivirusSettings, type AntivirusOutcome, type PackageScan } from './scanPackage.js';
export { createAntivirusEngine, resolveAntivirus, type AntivirusSpec } from './createEngine.js';
