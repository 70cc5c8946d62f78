import type { LocaleMessages } from '../../definition.js';
import type { digitisationIssues } from '../digitisation.js';

/** English messages of {@link digitisationIssues}, by issue code. */
export const digitisationIssuesEn = {
  'digitisation.layout': 'Image layout: {layout} ({matched} of {files} files fit it)',
  'digitisation.entry-no-images': 'Catalogue entry "{code}" has no image files',
  'digitisation.file-orphan': 'File "{file}" belongs to no catalogue entry (layout {layout})',
  'digitisation.catalogue-code-duplicate': 'Archival code "{code}" repeats in the catalogue (entry {row} and {first}); images cannot be linked unambiguously',
  'digitisation.page-count-mismatch': '"{code}" has 页数 {expected} but {received} image pages; missing: {missing}; extra: {extra}',
  'digitisation.page-extra': 'File "{file}" is page {page} of "{code}", beyond its 页数 {expected}',
  'digitisation.pages-unknown': 'The page count of multi-page file "{file}" cannot be read; 页数 not compared',
  'digitisation.page-number-malformed': 'File name "{file}" carries no page number (expected "{code}-<page>" or the page number alone)',
  'digitisation.page-duplicate': '"{code}" page {page} has more than one file: "{file}" and "{first}"',
  'digitisation.page-gap': '"{code}" page numbers are not continuous from 1; missing: {gaps}',
  'digitisation.format-not-allowed': 'File "{file}" is {format}, not allowed for {purpose}; allowed: {allowed}',
  'digitisation.format-unknown': 'File "{file}" is not a recognised image or fixed-layout file',
  'digitisation.extension-mismatch': 'File "{file}" is named as {claimed} but its bytes are {format}',
  'digitisation.dpi-low': 'File "{file}" is {received} dpi, below the required {expected} dpi{estimated}',
  'digitisation.dpi-missing': 'File "{file}" records no resolution; {expected} dpi cannot be confirmed',
  'digitisation.colour-mode-mismatch': 'File "{file}" is {received}; {expected} is required',
  'digitisation.colour-mode-outlier': 'File "{file}" is {received}, while the batch is mostly {expected} ({share})',
  'digitisation.colour-mode-unknown': 'The colour mode of file "{file}" cannot be read',
  'digitisation.bit-depth-unexpected': 'File "{file}" ({mode}) has {received} bits per sample; {expected} expected',
  'digitisation.file-empty': 'File "{file}" is empty (0 bytes)',
  'digitisation.file-corrupt': 'File "{file}" ({format}) is corrupt or truncated: {reason}',
  'digitisation.file-unreadable': 'File "{file}" cannot be read: {reason}',
  'digitisation.duplicate': 'File "{file}" has the same bytes as "{first}" (SHA-256 {digest})',
  'digitisation.name-unportable': 'File name "{file}" breaks the naming rules: {reason}',
  'digitisation.sample': 'Sampled {sampled} of {entries} entries (seed {seed}); {passed} pass, pass rate {rate}, acceptance threshold {threshold}',
  'digitisation.sample-rejected': 'Pass rate {received} is below the acceptance threshold {expected}; the batch is rejected',
  'digitisation.sample-small': 'The sample is {received} of the entries, below {expected}',
  'digitisation.inspect': 'Inspect by eye ({what}): {files}',
} as const satisfies LocaleMessages<typeof digitisationIssues>;
