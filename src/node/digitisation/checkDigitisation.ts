import { readFile, stat } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';
import { readDigitisationCatalogue, type DigitisationCatalogue } from '../../digitisation/catalogue.js';
import { checkDigitisation as checkBatch, type DigitisationResult } from '../../digitisation/checkDigitisation.js';
import type { DigitisationOptions } from '../../digitisation/options.js';
import { batchSourceOf, type BatchSource } from '../../digitisation/source.js';
import { openZipSource } from '../zipSource.js';
import { openBatchDirectory } from './openBatchDirectory.js';

/**
 * Opens a batch on disk: a folder (positioned reads, see
 * {@link openBatchDirectory}) or a zip file.
 *
 * @param path - Folder or `.zip`.
 * @returns The batch source; call `close()` when done.
 * @throws Error when the path cannot be opened.
 * @example
 * const batch = await openBatchPath('批次01.zip');
 */
export async function openBatchPath(path: string): Promise<BatchSource> {
  return (await stat(path)).isDirectory() ? openBatchDirectory(path) : batchSourceOf(await openZipSource(path));
}

/**
 * Checks a digitisation batch on disk against its catalogue (数字化成果验收,
 * DA/T 31-2017): the Node entry of the isomorphic `checkDigitisation`. The
 * batch is a folder or zip path (or an opened {@link BatchSource}); the
 * catalogue a 目录文件.XML or CSV path (or an already read catalogue). When the
 * catalogue file sits inside the batch folder it is left out of the batch.
 *
 * @param batch - Folder, zip or source.
 * @param catalogue - Catalogue file path or catalogue.
 * @param options - As for the core function.
 * @returns Report, layout, per-entry summaries, statistics, sample.
 * @throws Error when the batch or the catalogue cannot be opened at all.
 * @example
 * const { report } = await checkDigitisation('批次01', '批次01/目录文件.XML', { ocr: true });
 */
export async function checkDigitisation(batch: string | BatchSource, catalogue: string | DigitisationCatalogue, options: DigitisationOptions = {}): Promise<DigitisationResult> {
  const locale = options.locale ?? 'zh-CN';
  const read = typeof catalogue === 'string' ? readDigitisationCatalogue(new Uint8Array(await readFile(catalogue)), basename(catalogue), locale) : catalogue;
  const source = typeof batch === 'string' ? await openBatchPath(batch) : batch;
  let ignore = options.ignore;
  if (typeof batch === 'string' && typeof catalogue === 'string') {
    const inside = resolve(catalogue);
    const root = resolve(batch) + sep;
    if (inside.startsWith(root)) {
      const relative = inside.slice(root.length).split(sep).join('/');
      const user = options.ignore;
      ignore = (path) => path === relative || (user?.(path) ?? false);
    }
  }
  try {
    return await checkBatch(source, read, { ...options, ...(ignore ? { ignore } : {}) });
  } finally {
    if (typeof batch === 'string') await source.close?.();
  }
}
