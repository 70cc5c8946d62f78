/**
 * 数字化成果验收: checking a digitisation batch (images of 件 or 卷) against
 * its catalogue and DA/T 31-2017. Isomorphic: no `node:` imports; Node opens
 * folders and zips through `dangan/node`.
 *
 * @module
 */
export { checkDigitisation, colourModeName, type DigitisationEntrySummary, type DigitisationResult, type DigitisationSample, type DigitisationStatistics } from './checkDigitisation.js';
export { readDigitisationCatalogue, type DigitisationCatalogue } from './catalogue.js';
export { describeDigitisationCheck, digitisationCheckIds, digitisationCheckOfCode, digitisationChecks, type DigitisationCheckDefinition, type DigitisationCheckId } from './checks.js';
export { entryCsvColumns, formatEntryCsv } from './entryCsv.js';
export { assignFile, batchLayouts, detectLayout, type BatchLayout, type FileAssignment } from './layout.js';
export { defaultBitDepths, digitisationDefaults, formatsForPurpose, type DigitisationOptions, type DigitisationPurpose } from './options.js';
export { parseSampleSize, sampleCount, sampleIndexes, seededRandom, type SampleSize } from './sample.js';
export { BATCH_READ_LIMIT, batchSourceOf, type BatchDigest, type BatchFileReader, type BatchSource } from './source.js';
export type { ByteReader, ColourMode, ImageFormat, ImageInfo } from './headers/imageInfo.js';
export { formatExtensions, formatOfExtension, readerOver, readImageInfo, sniffImageFormat } from './headers/readImageInfo.js';
