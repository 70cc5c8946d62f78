import { activityStatuses } from '../../model/activity.js';
import { agentTypes } from '../../model/agent.js';
import { parseArchivalDate } from '../../model/archivalDate.js';
import { parseRetentionPeriod } from '../../model/retentionPeriod.js';
import { dat46SecurityLevels } from '../../model/securityClassification.js';
import type { Severity } from '../../report/issue.js';

/** Lexical types the EEP schema gives simple elements and attributes. */
export type EepValueType = 'gYear' | 'dateTime' | 'positiveInteger' | 'nonNegativeInteger' | 'date' | 'ID' | 'IDREF';

/** A typed simple element or attribute (`@name` for attributes). */
export interface EepTypeRule {
  readonly type: EepValueType;
  /** Severity when the value does not parse; inferred formats are warnings. */
  readonly severity: Severity;
  readonly source: string;
}

/** Types by element (or `@attribute`) name (DA/T 48-2009 附录A; DA/T 46-2009 §1.2). */
export const EEP_TYPE_RULES: Readonly<Record<string, EepTypeRule>> = {
  版本: { type: 'gYear', severity: 'error', source: 'DA/T 48-2009 附录A' },
  '@eep版本': { type: 'gYear', severity: 'error', source: 'DA/T 48-2009 附录A' },
  年度: { type: 'gYear', severity: 'error', source: 'DA/T 46-2009 M11' },
  封装包创建时间: { type: 'dateTime', severity: 'error', source: 'DA/T 48-2009 附录A' },
  签名时间: { type: 'dateTime', severity: 'error', source: 'DA/T 46-2009 M59' },
  行为时间: { type: 'dateTime', severity: 'error', source: 'DA/T 46-2009 M82' },
  室编件号: { type: 'positiveInteger', severity: 'error', source: 'DA/T 46-2009 M17' },
  馆编件号: { type: 'positiveInteger', severity: 'error', source: 'DA/T 46-2009 M18' },
  页数: { type: 'positiveInteger', severity: 'error', source: 'DA/T 46-2009 M43' },
  计算机文件大小: { type: 'nonNegativeInteger', severity: 'error', source: 'DA/T 46-2009 M49' },
  // The XSD types 日期 as xs:string; YYYYMMDD is inferred (standards-electronic.md §1.2 M33).
  日期: { type: 'date', severity: 'warning', source: 'DA/T 46-2009 M33 (inferred YYYYMMDD)' },
  文档标识符: { type: 'ID', severity: 'error', source: 'DA/T 48-2009 附录A' },
  签名标识符: { type: 'ID', severity: 'error', source: 'DA/T 48-2009 附录A' },
  修改标识符: { type: 'ID', severity: 'error', source: 'DA/T 48-2009 附录A' },
  '@文档数据ID': { type: 'ID', severity: 'error', source: 'DA/T 48-2009 附录A' },
  '@编码ID': { type: 'ID', severity: 'error', source: 'DA/T 48-2009 附录A' },
  '@编码数据ID': { type: 'ID', severity: 'error', source: 'DA/T 48-2009 附录A' },
  被锁定签名标识符: { type: 'IDREF', severity: 'error', source: 'DA/T 48-2009 附录A' },
  '@引用编码数据ID': { type: 'IDREF', severity: 'error', source: 'DA/T 48-2009 附录A' },
};

/** A value domain of a simple element. */
export interface EepDomainRule {
  /** The listed values. */
  readonly values: readonly string[];
  /** Severity of a value outside the list: `info` where the standard lists `[其他]`. */
  readonly severity: Severity;
  /** Values accepted with a warning (used in practice, outside the standard list). */
  readonly tolerated?: readonly string[];
  /** A parser that accepts further written forms (e.g. `D30` for 保管期限). */
  readonly accepts?: (value: string) => boolean;
  readonly source: string;
}

/** Value domains by element name (standards-electronic.md §1.2, §2.2). */
export const EEP_DOMAIN_RULES: Readonly<Record<string, EepDomainRule>> = {
  聚合层次: { values: ['文件'], severity: 'error', source: 'DA/T 48-2009 附录A (fixed); DA/T 46-2009 M1' },
  封装包类型: { values: ['原始型', '修改型'], severity: 'error', source: 'DA/T 48-2009 附录A' },
  文件组合类型: { values: ['单件', '组合文件'], severity: 'error', source: 'DA/T 46-2009 M41' },
  文档主从声明: { values: ['主文档', '附属文档'], severity: 'error', source: 'DA/T 48-2009 附录A' },
  扫描色彩模式: { values: ['黑白二值', '灰度', '彩色'], severity: 'error', source: 'DA/T 46-2009 M55' },
  业务状态: { values: activityStatuses, severity: 'error', source: 'DA/T 46-2009 M80' },
  机构人员类型: { values: agentTypes, severity: 'error', source: 'DA/T 46-2009 M76' },
  密级: {
    values: dat46SecurityLevels,
    severity: 'error',
    // GB/T 7156 set used by some archive systems (standards-electronic.md §1.2 M38).
    tolerated: ['国内', '内部'],
    source: 'DA/T 46-2009 M38',
  },
  保管期限: {
    values: ['永久', '长期', '短期', '30年', '10年'],
    // [其他] in the domain; current practice writes 定期30年 / D30 (国家档案局令第8号).
    severity: 'warning',
    accepts: (value) => parseRetentionPeriod(value) !== undefined,
    source: 'DA/T 46-2009 M12',
  },
  文种: {
    values: ['命令', '令', '决定', '公告', '通告', '通知', '通报', '议案', '报告', '请示', '批复', '意见', '函', '会议纪要', '指示', '决议', '公报', '条例', '规定'],
    severity: 'info',
    source: 'DA/T 46-2009 M34 ([其他] allowed)',
  },
  紧急程度: { values: ['特提', '特急', '加急', '平急', '急件'], severity: 'info', source: 'DA/T 46-2009 M35 ([其他] allowed)' },
  稿本: { values: ['草稿', '定稿', '正本', '副本', '试行本', '修订本'], severity: 'info', source: 'DA/T 46-2009 M45 ([其他] allowed)' },
  授权行为: { values: ['公布', '复制', '浏览', '解密'], severity: 'info', source: 'DA/T 46-2009 M73 ([其他] allowed)' },
  控制标识: { values: ['开放', '控制'], severity: 'info', source: 'DA/T 46-2009 M74 ([其他] allowed)' },
};

const NC_NAME = /^[\p{L}_][\p{L}\p{N}\p{M}_.\-\u00B7\u203F\u2040]*$/u;
const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))?$/;

/**
 * Whether a value is in the lexical space of a type (XML Schema Part 2;
 * `date` is the archival 日期 of DA/T 22-2015 §5.5 read by `parseArchivalDate`).
 *
 * @param type - The type.
 * @param value - The value, already trimmed.
 * @returns True when it parses.
 * @example
 * isValidValue('dateTime', '2024-03-01T09:30:00') //=> true
 * isValidValue('dateTime', '2024-03-01 09:30:00') //=> false
 */
export function isValidValue(type: EepValueType, value: string): boolean {
  switch (type) {
    case 'gYear':
      return /^-?\d{4,}(Z|[+-]\d{2}:\d{2})?$/.test(value);
    case 'positiveInteger':
      return /^\+?0*[1-9]\d*$/.test(value);
    case 'nonNegativeInteger':
      return /^\+?\d+$/.test(value);
    case 'date':
      return parseArchivalDate(value).ok;
    case 'ID':
    case 'IDREF':
      return NC_NAME.test(value);
    case 'dateTime':
      return isDateTime(value);
  }
}

function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // 29 for February: checked below
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const maxDay = month === 2 ? (leap ? 29 : 28) : days;
  const midnight = hour === 24 && minute === 0 && second === 0;
  return month >= 1 && month <= 12 && day >= 1 && day <= maxDay && (hour < 24 || midnight) && minute < 60 && second < 60;
}
