import type { ParseArchivalCodeOptions } from '../filing/options.js';
import type { CheckRunOptions } from './checks/checkRun.js';
import type { ProgressEvent } from './source.js';
import { defaultLimits } from './limits.js';

/** Options of {@link validatePackage} and the profile validators. */
export interface ValidatePackageOptions extends CheckRunOptions {
  /** Profile: `auto` (default) detects it from the entries. */
  profile?: 'auto' | 'dat93' | 'eep' | 'bagit';
  /** Verify digests (`--no-fixity` sets false); the fixity checks are then `skipped`. Default true. */
  fixity?: boolean;
  /** Hashing workers, passed to `source.digest`. */
  jobs?: number;
  /** Progress while hashing. */
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Called as validation enters a phase: `listing` the entries, then `metadata`
   * (reading the package's XML) with the totals listed. Hashing reports through `onProgress`.
   */
  onPhase?: (phase: 'listing' | 'metadata', totals?: { files: number; bytes: number }) => void;
  /** 档号 profile for GD-1-7 (`auto` by default): a built-in id, a registered id or a compiled profile. */
  archivalCodeProfile?: ParseArchivalCodeOptions['profile'];
  /**
   * An institution's own 档号 profiles (compiled with `compileProfile`), used by GD-1-7 as
   * registered ones would be: `dangan validate --code-profiles FILE` passes them here, and so
   * does `buildTransferPackage`, so build and validate read local 档号 schemes alike.
   */
  archivalCodeProfiles?: ParseArchivalCodeOptions['profiles'];
  /** Largest XML file read, in bytes (default `limits.maxXmlBytes`, 256 MiB); the same as `limits.maxXmlBytes`, which it overrides. */
  maxXmlBytes?: number;
  /**
   * Accept EEP signatures made with md5RSA, sha1RSA or dsa-sha1 (DA/T 46-2009
   * M64 lists them) with a warning instead of an error
   * (`eep.signature.weak-algorithm`, docs/security.md). Default false.
   */
  allowWeakSignatures?: boolean;
  /** Content files over this size are identified by their head only, not searched for encryption/macro markers (default 256 MiB). */
  scanLimit?: number;
}

/** Defaults of {@link ValidatePackageOptions}. */
export const packageOptionDefaults = {
  maxXmlBytes: defaultLimits.maxXmlBytes,
  scanLimit: 256 * 1024 * 1024,
} as const;
