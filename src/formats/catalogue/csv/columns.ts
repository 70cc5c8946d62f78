/**
 * The columns of the 归档文件目录 (catalogue) in the order DA/T 22-2015 §5.5
 * prescribes. The CSV writer emits them in this order; the reader finds them
 * by name in any order.
 *
 * @module
 */

/** One catalogue column: its Chinese heading and where the standard names it. */
export interface CatalogueColumn {
  /** The heading exactly as the standard spells it. */
  readonly name: string;
  /** Standard and clause. */
  readonly source: string;
}

/**
 * The nine columns of 归档文件目录, in order. DA/T 22-2015 §5.5.
 *
 * @example
 * catalogueColumns[1] //=> { name: '档号', source: 'DA/T 22-2015 §5.5' }
 */
export const catalogueColumns = [
  { name: '序号', source: 'DA/T 22-2015 §5.5' },
  { name: '档号', source: 'DA/T 22-2015 §5.5' },
  { name: '文号', source: 'DA/T 22-2015 §5.5' },
  { name: '责任者', source: 'DA/T 22-2015 §5.5' },
  { name: '题名', source: 'DA/T 22-2015 §5.5' },
  { name: '日期', source: 'DA/T 22-2015 §5.5' },
  { name: '密级', source: 'DA/T 22-2015 §5.5' },
  { name: '页数', source: 'DA/T 22-2015 §5.5' },
  { name: '备注', source: 'DA/T 22-2015 §5.5' },
] as const satisfies readonly CatalogueColumn[];

/** A column heading of 归档文件目录. */
export type CatalogueColumnName = (typeof catalogueColumns)[number]['name'];

/**
 * The column headings in DA/T 22-2015 order.
 *
 * @example
 * catalogueColumnNames.join(',') //=> '序号,档号,文号,责任者,题名,日期,密级,页数,备注'
 */
export const catalogueColumnNames: readonly CatalogueColumnName[] = catalogueColumns.map((c) => c.name);
