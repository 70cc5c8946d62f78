/**
 * 装盒 (boxing), DA/T 22-2015 §6.4: items of different 年度, 机构（问题） or
 * 保管期限 never share a box. Boxes are filled in 档号 order inside each
 * lowest class; the spine carries 全宗号, 年度, 保管期限, 起止件号 and 盒号
 * (机构（问题） optional) and a 备考表 follows the files.
 *
 * @module
 */
import type { Box, RecordSheet } from '../../model/index.js';

/** What boxing reads of a numbered item. */
export interface BoxableItem {
  /** Key of the lowest class (年度/保管期限/机构 as the scheme uses them). */
  classKey: string;
  /** 年度. */
  year: number;
  /** 保管期限 code, e.g. `D30`. */
  retentionPeriod: string;
  /** 机构（问题）代码 when the scheme classifies by it. */
  orgCode?: string;
  /** 件号. */
  itemNumber: number;
  /** 页数. */
  pageCount: number;
  /** 档号. */
  archivalCode: string;
}

/** How full a box may get. An item larger than `maxPages` gets a box of its own. */
export interface BoxCapacity {
  /** Most items per box; 50 by default. */
  maxItems?: number;
  /** Most pages per box; no page limit by default. */
  maxPages?: number;
}

/**
 * A box label: a {@link Box} of the model (spine fields: 盒号 numbered across
 * the whole batch in shelf order, 全宗号, 年度, 保管期限 code, 机构（问题）代码
 * when the scheme classifies by it, 起止件号; cover: 全宗名称; the 备考表 when
 * it is complete), so it passes `boxSchema`, plus what the label prints
 * beside it: first and last 档号, item and page counts.
 */
export interface BoxLabel extends Box {
  /** First and last 档号 in the box. */
  archivalCodeRange: { first: string; last: string };
  /** Number of items. */
  itemCount: number;
  /** Pages in the box. */
  pageCount: number;
}

/** Options of {@link packBoxes}. */
export interface PackBoxesOptions extends BoxCapacity {
  /** 全宗号. */
  fondsCode: string;
  /** 全宗名称. */
  fondsName?: string;
  /** First 盒号; 1 by default. */
  firstBoxNumber?: number;
  /**
   * The 备考表 put in every box: 整理人, 整理日期, 检查人, 检查日期 (required by
   * the model) and 盒内文件情况说明. Without it the boxes carry none; a person
   * fills it in when the boxes are checked.
   */
  recordSheet?: RecordSheet;
}

/**
 * Packs numbered items into boxes. Items must come in 档号 order (class by
 * class, 件号 ascending); a new box starts at every change of class and
 * whenever the next item would overflow the capacity.
 *
 * @param items - Numbered items in 档号 order.
 * @param options - 全宗号, capacity, first 盒号 and the 备考表.
 * @returns The boxes, in shelf order.
 * @throws {RangeError} When a capacity is not a positive integer.
 * @example
 * packBoxes(items, { fondsCode: 'Z109', maxItems: 20 })[0].itemRange //=> { first: 1, last: 20 }
 */
export function packBoxes(items: readonly BoxableItem[], options: PackBoxesOptions): BoxLabel[] {
  const maxItems = options.maxItems ?? 50;
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  if (!Number.isInteger(maxItems) || maxItems < 1) throw new RangeError(`[dangan] maxItems must be a positive integer, got ${maxItems}`);
  if (maxPages !== Number.POSITIVE_INFINITY && (!Number.isInteger(maxPages) || maxPages < 1)) {
    throw new RangeError(`[dangan] maxPages must be a positive integer, got ${maxPages}`);
  }
  const boxes: BoxLabel[] = [];
  let current: { label: BoxLabel; classKey: string } | undefined;
  for (const item of items) {
    const fits =
      current !== undefined &&
      current.classKey === item.classKey &&
      current.label.itemCount < maxItems &&
      current.label.pageCount + item.pageCount <= maxPages;
    if (current && fits) {
      const label = current.label;
      label.itemRange.last = item.itemNumber;
      label.archivalCodeRange.last = item.archivalCode;
      label.itemCount += 1;
      label.pageCount += item.pageCount;
      continue;
    }
    const label: BoxLabel = {
      boxNumber: (options.firstBoxNumber ?? 1) + boxes.length,
      fondsCode: options.fondsCode,
      ...(options.fondsName ? { fondsName: options.fondsName } : {}),
      year: item.year,
      retentionPeriod: item.retentionPeriod,
      ...(item.orgCode !== undefined ? { orgCode: item.orgCode } : {}),
      itemRange: { first: item.itemNumber, last: item.itemNumber },
      archivalCodeRange: { first: item.archivalCode, last: item.archivalCode },
      itemCount: 1,
      pageCount: item.pageCount,
      ...(options.recordSheet ? { recordSheet: { ...options.recordSheet } } : {}),
    };
    boxes.push(label);
    current = { label, classKey: item.classKey };
  }
  return boxes;
}
