/**
 * How a batch's files are tied to catalogue entries (数据挂接). DA/T 31-2017
 * 图像文件命名 (inferred) names images after the 档号: one folder per 档号
 * holding one file per page, files named `<档号>-<页号>`, or one multi-page
 * file (PDF, multi-page TIFF, OFD) named `<档号>` per entry.
 *
 * @module
 */

/** The ways a batch can be laid out. */
export type BatchLayout = 'folder-per-code' | 'code-page' | 'file-per-code';

/** Every layout, in the order auto-detection prefers on a tie. */
export const batchLayouts: readonly BatchLayout[] = ['folder-per-code', 'code-page', 'file-per-code'];

/** Where one file belongs. */
export interface FileAssignment {
  /** Index of the catalogue entry. */
  entry: number;
  /**
   * Page number from the name (single-page layouts); `undefined` for a
   * multi-page file; `NaN` when the name in an entry's folder carries none.
   */
  page?: number;
}

/**
 * The entry (and page) a file belongs to under one layout, or `undefined`.
 *
 * @param path - Batch-relative path, `/`-separated.
 * @param layout - The layout.
 * @param codes - 档号 → entry index.
 * @returns The assignment.
 * @example
 * assignFile('A-1/0002.jpg', 'folder-per-code', new Map([['A-1', 0]])) //=> { entry: 0, page: 2 }
 * assignFile('x/A-1-0002.jpg', 'code-page', new Map([['A-1', 0]])) //=> { entry: 0, page: 2 }
 */
export function assignFile(path: string, layout: BatchLayout, codes: ReadonlyMap<string, number>): FileAssignment | undefined {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  if (layout === 'folder-per-code') {
    if (slash < 0) return undefined;
    const folder = path.slice(path.lastIndexOf('/', slash - 1) + 1, slash);
    const entry = codes.get(folder);
    if (entry === undefined) return undefined;
    if (/^\d{1,9}$/.test(stem)) return { entry, page: Number(stem) };
    const suffix = stem.startsWith(`${folder}-`) ? stem.slice(folder.length + 1) : '';
    return { entry, page: /^\d{1,9}$/.test(suffix) ? Number(suffix) : Number.NaN };
  }
  if (layout === 'file-per-code') {
    const entry = codes.get(stem);
    return entry === undefined ? undefined : { entry };
  }
  const match = /^(.+)[-_](\d{1,9})$/.exec(stem);
  const entry = match ? codes.get(match[1] as string) : undefined;
  return entry === undefined ? undefined : { entry, page: Number(match?.[2]) };
}

/**
 * Detects the layout that fits most files (ties go to the earlier layout of
 * {@link batchLayouts}).
 *
 * @param paths - Paths of the batch's files.
 * @param codes - 档号 → entry index.
 * @returns The layout and how many files it fits.
 * @example
 * detectLayout(['A-1.pdf'], new Map([['A-1', 0]])) //=> { layout: 'file-per-code', matched: 1 }
 */
export function detectLayout(paths: readonly string[], codes: ReadonlyMap<string, number>): { layout: BatchLayout; matched: number } {
  const counts = batchLayouts.map(() => 0);
  for (const path of paths) {
    batchLayouts.forEach((layout, i) => {
      if (assignFile(path, layout, codes)) counts[i] = (counts[i] ?? 0) + 1;
    });
  }
  let best = 0;
  counts.forEach((count, i) => {
    if (count > (counts[best] ?? 0)) best = i;
  });
  return { layout: batchLayouts[best] as BatchLayout, matched: counts[best] ?? 0 };
}
