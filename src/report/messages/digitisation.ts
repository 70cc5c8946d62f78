import type { IssueTable } from '../definition.js';

/**
 * Issue codes of 数字化成果验收 (acceptance of a digitisation batch against its
 * catalogue, DA/T 31-2017; see `src/digitisation/checks.ts` for the check each
 * code belongs to and the clause it rests on).
 */
export const digitisationIssues = {
  'digitisation.layout': {
    aspect: 'integrity',
    severity: 'info',
    'zh-CN': '图像组织方式：{layout}（{matched}/{files} 个文件符合）',
    en: 'Image layout: {layout} ({matched} of {files} files fit it)',
  },
  'digitisation.entry-no-images': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '目录条目“{code}”没有挂接任何图像文件',
    en: 'Catalogue entry "{code}" has no image files',
  },
  'digitisation.file-orphan': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '文件“{file}”不属于目录中的任何条目（按{layout}方式）',
    en: 'File "{file}" belongs to no catalogue entry (layout {layout})',
  },
  'digitisation.catalogue-code-duplicate': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '目录中档号“{code}”重复（第{row}条与第{first}条），图像无法唯一挂接',
    en: 'Archival code "{code}" repeats in the catalogue (entry {row} and {first}); images cannot be linked unambiguously',
  },
  'digitisation.page-count-mismatch': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '“{code}”页数为 {expected}，实际图像 {received} 页；缺页：{missing}；多页：{extra}',
    en: '"{code}" has 页数 {expected} but {received} image pages; missing: {missing}; extra: {extra}',
  },
  'digitisation.page-extra': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '文件“{file}”为“{code}”第 {page} 页，超出目录页数 {expected}',
    en: 'File "{file}" is page {page} of "{code}", beyond its 页数 {expected}',
  },
  'digitisation.pages-unknown': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '无法读出多页文件“{file}”的页数，未核对页数',
    en: 'The page count of multi-page file "{file}" cannot be read; 页数 not compared',
  },
  'digitisation.page-number-malformed': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '文件名“{file}”中没有页号（应为“{code}-页号”或页号本身）',
    en: 'File name "{file}" carries no page number (expected "{code}-<page>" or the page number alone)',
  },
  'digitisation.page-duplicate': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '“{code}”第 {page} 页有多个文件：“{file}”与“{first}”',
    en: '"{code}" page {page} has more than one file: "{file}" and "{first}"',
  },
  'digitisation.page-gap': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '“{code}”页号不连续（应从 1 连续编号），缺少：{gaps}',
    en: '"{code}" page numbers are not continuous from 1; missing: {gaps}',
  },
  'digitisation.format-not-allowed': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件“{file}”为 {format} 格式，{purpose}不允许；允许：{allowed}',
    en: 'File "{file}" is {format}, not allowed for {purpose}; allowed: {allowed}',
  },
  'digitisation.format-unknown': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件“{file}”不是可识别的图像或版式文件',
    en: 'File "{file}" is not a recognised image or fixed-layout file',
  },
  'digitisation.extension-mismatch': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件“{file}”扩展名表示 {claimed}，内容实为 {format}',
    en: 'File "{file}" is named as {claimed} but its bytes are {format}',
  },
  'digitisation.dpi-low': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件“{file}”分辨率 {received} dpi，低于要求的 {expected} dpi{estimated}',
    en: 'File "{file}" is {received} dpi, below the required {expected} dpi{estimated}',
  },
  'digitisation.dpi-missing': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '文件“{file}”未记录分辨率，无法确认不低于 {expected} dpi',
    en: 'File "{file}" records no resolution; {expected} dpi cannot be confirmed',
  },
  'digitisation.colour-mode-mismatch': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件“{file}”色彩模式为{received}，要求{expected}',
    en: 'File "{file}" is {received}; {expected} is required',
  },
  'digitisation.colour-mode-outlier': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '文件“{file}”色彩模式为{received}，而本批次以{expected}为主（{share}）',
    en: 'File "{file}" is {received}, while the batch is mostly {expected} ({share})',
  },
  'digitisation.colour-mode-unknown': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '无法读出文件“{file}”的色彩模式',
    en: 'The colour mode of file "{file}" cannot be read',
  },
  'digitisation.bit-depth-unexpected': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '文件“{file}”（{mode}）每样本 {received} 位，预期 {expected} 位',
    en: 'File "{file}" ({mode}) has {received} bits per sample; {expected} expected',
  },
  'digitisation.file-empty': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '文件“{file}”为 0 字节',
    en: 'File "{file}" is empty (0 bytes)',
  },
  'digitisation.file-corrupt': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件“{file}”（{format}）已损坏或不完整：{reason}',
    en: 'File "{file}" ({format}) is corrupt or truncated: {reason}',
  },
  'digitisation.file-unreadable': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '无法读取文件“{file}”：{reason}',
    en: 'File "{file}" cannot be read: {reason}',
  },
  'digitisation.duplicate': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '文件“{file}”与“{first}”内容完全相同（SHA-256 {digest}）',
    en: 'File "{file}" has the same bytes as "{first}" (SHA-256 {digest})',
  },
  'digitisation.name-unportable': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件名“{file}”不符合命名要求：{reason}',
    en: 'File name "{file}" breaks the naming rules: {reason}',
  },
  'digitisation.sample': {
    aspect: 'integrity',
    severity: 'info',
    'zh-CN': '抽检 {sampled}/{entries} 条（种子 {seed}），合格 {passed} 条，合格率 {rate}，验收标准 {threshold}',
    en: 'Sampled {sampled} of {entries} entries (seed {seed}); {passed} pass, pass rate {rate}, acceptance threshold {threshold}',
  },
  'digitisation.sample-rejected': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '合格率 {received} 低于验收标准 {expected}，本批次不予通过',
    en: 'Pass rate {received} is below the acceptance threshold {expected}; the batch is rejected',
  },
  'digitisation.sample-small': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '抽检比例 {received} 低于 {expected}',
    en: 'The sample is {received} of the entries, below {expected}',
  },
  'digitisation.inspect': {
    aspect: 'usability',
    severity: 'info',
    'zh-CN': '人工检查（{what}）：{files}',
    en: 'Inspect by eye ({what}): {files}',
  },
} as const satisfies IssueTable;
