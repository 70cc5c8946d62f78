/**
 * The parts of a 档号 (archival code), named after the glossary. Every value
 * is kept exactly as written (after normalisation), so `001` stays `001`:
 * DA/T 13-2022 leaves the width of 件号 to each archive, and a round trip
 * must not lose it. Compare numbers with {@link compareArchivalCodes}.
 *
 * @example
 * const c: ArchivalCodeComponents = {
 *   fondsCode: 'Z109', categoryCode: 'WS', year: '2011',
 *   retentionPeriod: 'Y', orgCode: 'BGS', itemNumber: '0001',
 * };
 */
export interface ArchivalCodeComponents {
  /** 全宗号, e.g. `Z109`. */
  fondsCode?: string;
  /** 目录号 (案卷目录号), DA/T 13-1994 and legacy codes, e.g. `001`. */
  catalogueNumber?: string;
  /** 档案门类代码, the first-level 类别号, e.g. `WS`. */
  categoryCode?: string;
  /** Lower levels of 类别号 below the 门类, one entry per level, e.g. `['JC', 'CC']`. */
  classCode?: string[];
  /** 项目号 of 科技 archives, e.g. `01`. */
  projectCode?: string;
  /** 年度, 4 digits. */
  year?: string;
  /** 保管期限 code: `Y`, `D30`, `D10`, `D<n>`; legacy `C`/`D`. */
  retentionPeriod?: string;
  /** 机构（问题）代码: 3 letters, 3 digits or (DA/T 13-2022) Chinese. */
  orgCode?: string;
  /** 案卷号 (also 册号). */
  volumeNumber?: string;
  /** 组号 of photographs. */
  groupNumber?: string;
  /** 件号. */
  itemNumber?: string;
  /** 页号 (张号). */
  pageNumber?: string;
}

/** The name of one component. */
export type ComponentName = keyof ArchivalCodeComponents;

/**
 * Components as accepted by {@link formatArchivalCode}: numbers may be given
 * as numbers (`itemNumber: 1`), and are zero-padded to the profile's width.
 */
export type ArchivalCodeInput = {
  [K in keyof ArchivalCodeComponents]?: K extends 'classCode' ? readonly string[] | string : string | number;
};
