import type { ProgressEvent } from '../package/source.js';
import type { Locale, Severity } from '../report/issue.js';
import type { ColourMode, ImageFormat } from './headers/imageInfo.js';
import type { BatchLayout } from './layout.js';
import type { SampleSize } from './sample.js';

/**
 * What the images are for. DA/T 31-2017 存储格式 (inferred): masters
 * (长期保存) in TIFF; access copies (利用) in JPEG, JPEG 2000, PDF or OFD;
 * `any` allows all five.
 */
export type DigitisationPurpose = 'any' | 'master' | 'access';

/** Formats allowed per purpose by default (DA/T 31-2017 存储格式, inferred). */
export const formatsForPurpose: Readonly<Record<DigitisationPurpose, readonly ImageFormat[]>> = {
  any: ['tiff', 'jpeg', 'jp2', 'pdf', 'ofd'],
  master: ['tiff'],
  access: ['jpeg', 'jp2', 'pdf', 'ofd'],
};

/** Bits per sample expected per colour mode: 1 for 黑白二值, 8 for 灰度 and 彩色 (inferred). */
export const defaultBitDepths: Readonly<Record<ColourMode, readonly number[]>> = {
  bilevel: [1],
  grayscale: [8],
  colour: [8],
};

/** Default thresholds (DA/T 31-2017 扫描分辨率 and 数字化成果验收, inferred). */
export const digitisationDefaults = {
  /** 扫描分辨率 not below 200 dpi. */
  minDpi: 200,
  /** 300 dpi where the images will be OCRed. */
  ocrDpi: 300,
  /** A batch passes 抽检 at a pass rate of at least 95 %. */
  threshold: 0.95,
  /** A sample takes at least 5 % of the entries. */
  minSamplePercent: 5,
  /** Issues listed per code; the rest are counted. */
  maxIssuesPerCode: 1000,
  /** Files read at once. */
  jobs: 8,
} as const;

/** Options of `checkDigitisation`. */
export interface DigitisationOptions {
  /** How files are tied to entries; `auto` (default) detects it and reports which. */
  layout?: 'auto' | BatchLayout;
  /** What the images are for; decides the allowed formats unless `allowedFormats` is given. */
  purpose?: DigitisationPurpose;
  /** Allowed formats, overriding `purpose`. */
  allowedFormats?: readonly ImageFormat[];
  /** Lowest resolution in dpi; default 200, or 300 with `ocr`. */
  minDpi?: number;
  /** The images will be OCRed: 300 dpi unless `minDpi` says otherwise. */
  ocr?: boolean;
  /** Required colour mode; when absent, pages unlike the batch's main mode are warnings. */
  colourMode?: ColourMode;
  /** Bits per sample allowed per colour mode (default {@link defaultBitDepths}). */
  bitDepths?: Partial<Record<ColourMode, readonly number[]>>;
  /** Check a random sample of entries instead of all (抽检). */
  sample?: SampleSize;
  /** Seed of the sample (default 1); the same seed gives the same sample. */
  seed?: number;
  /** Pass rate (0–1) a sample must reach; default 0.95. */
  threshold?: number;
  /** Severity per check id or issue code; `off` drops it (a check turned off is `skipped`). */
  severity?: Readonly<Record<string, Severity | 'off'>>;
  /** Files read at once (default 8). */
  jobs?: number;
  /** Progress while reading headers. */
  onProgress?: (event: ProgressEvent) => void;
  /** Message locale; zh-CN by default. */
  locale?: Locale;
  /** Issues listed per code (default 1,000); the rest are counted in `limits.issues-truncated`. */
  maxIssuesPerCode?: number;
  /** Files of the batch to leave out (e.g. the catalogue itself when it sits in the batch). */
  ignore?: (path: string) => boolean;
}
