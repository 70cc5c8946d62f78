export type {
  DigestAlgorithm,
  DigestOptions,
  DigestRequest,
  DigestResult,
  PackageEntry,
  PackageSource,
  ProgressEvent,
} from './source.js';
