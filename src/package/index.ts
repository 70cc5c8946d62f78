export type {
  DigestAlgorithm,
  DigestOptions,
  DigestRequest,
  DigestResult,
  PackageEntry,
  PackageSource,
  ProgressEvent,
} from './source.js';
export * from './catalogue/index.js';
export * from './eep/index.js';
export * from './bagit/index.js';
