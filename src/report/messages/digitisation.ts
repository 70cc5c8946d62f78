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
  },
  'digitisation.entry-no-images': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '目录条目“{code}”没有挂接任何图像文件',
  },
  'digitisation.file-orphan': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '文件“{file}”不属于目录中的任何条目（按{layout}方式）',
  },
  'digitisation.catalogue-code-duplicate': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '目录中档号“{code}”重复（第{row}条与第{first}条），图像无法唯一挂接',
  },
  'digitisation.page-count-mismatch': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '“{code}”页数为 {expected}，实际图像 {received} 页；缺页：{missing}；多页：{extra}',
  },
  'digitisation.page-extra': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '文件“{file}”为“{code}”第 {page} 页，超出目录页数 {expected}',
  },
  'digitisation.pages-unknown': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '无法读出多页文件“{file}”的页数，未核对页数',
  },
  'digitisation.page-number-malformed': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '文件名“{file}”中没有页号（应为“{code}-页号”或页号本身）',
  },
  'digitisation.page-duplicate': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '“{code}”第 {page} 页有多个文件：“{file}”与“{first}”',
  },
  'digitisation.page-gap': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '“{code}”页号不连续（应从 1 连续编号），缺少：{gaps}',
  },
  'digitisation.format-not-allowed': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件“{file}”为 {format} 格式，{purpose}不允许；允许：{allowed}',
  },
  'digitisation.format-unknown': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件“{file}”不是可识别的图像或版式文件',
  },
  'digitisation.extension-mismatch': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件“{file}”扩展名表示 {claimed}，内容实为 {format}',
  },
  'digitisation.dpi-low': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件“{file}”分辨率为每英寸 {received} 像素，低于要求的每英寸 {expected} 像素{estimated}',
  },
  'digitisation.dpi-missing': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '文件“{file}”未记录分辨率，无法确认不低于每英寸 {expected} 像素',
  },
  'digitisation.colour-mode-mismatch': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件“{file}”色彩模式为{received}，要求{expected}',
  },
  'digitisation.colour-mode-outlier': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '文件“{file}”色彩模式为{received}，而本批次以{expected}为主（{share}）',
  },
  'digitisation.colour-mode-unknown': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '无法读出文件“{file}”的色彩模式',
  },
  'digitisation.bit-depth-unexpected': {
    aspect: 'usability',
    severity: 'warning',
    'zh-CN': '文件“{file}”（{mode}）每样本 {received} 位，预期 {expected} 位',
  },
  'digitisation.file-empty': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '文件“{file}”为 0 字节',
  },
  'digitisation.file-corrupt': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件“{file}”（{format}）已损坏或不完整：{reason}',
  },
  'digitisation.file-unreadable': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '无法读取文件“{file}”：{reason}',
  },
  'digitisation.duplicate': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '文件“{file}”与“{first}”内容完全相同（SHA-256 {digest}）',
  },
  'digitisation.name-unportable': {
    aspect: 'usability',
    severity: 'error',
    'zh-CN': '文件名“{file}”不符合命名要求：{reason}',
  },
  'digitisation.sample': {
    aspect: 'integrity',
    severity: 'info',
    'zh-CN': '抽检 {sampled}/{entries} 条（种子 {seed}），合格 {passed} 条，合格率 {rate}，验收标准 {threshold}',
  },
  'digitisation.sample-rejected': {
    aspect: 'integrity',
    severity: 'error',
    'zh-CN': '合格率 {received} 低于验收标准 {expected}，本批次不予通过',
  },
  'digitisation.sample-small': {
    aspect: 'integrity',
    severity: 'warning',
    'zh-CN': '抽检比例 {received} 低于 {expected}',
  },
  'digitisation.inspect': {
    aspect: 'usability',
    severity: 'info',
    'zh-CN': '人工检查（{what}）：{files}',
  },
} as const satisfies IssueTable;
