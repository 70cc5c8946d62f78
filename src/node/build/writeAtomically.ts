import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * A temporary sibling of `target` to write into: same folder (so the final
 * rename is atomic on one file system), hidden, with a random part so two runs
 * never share it, and `.zip` kept for zip output.
 *
 * @param target - The final output path.
 * @returns The temporary path (not created).
 * @example
 * temporarySibling('/out/移交信息包') //=> '/out/.移交信息包.dangan-3f9a1c2e'
 */
export function temporarySibling(target: string): string {
  const name = basename(target);
  const zip = /\.zip$/i.test(name) ? '.zip' : '';
  return join(dirname(target), `.${name}.dangan-${randomBytes(4).toString('hex')}${zip}`);
}

/**
 * Renames a finished output into place. A target that is an empty folder is
 * replaced (the writers accept an absent or empty output); anything else there
 * is an error.
 *
 * @param temporary - The completed temporary output.
 * @param target - Where it goes.
 * @throws Error when the target exists and is not an empty folder, or the rename fails.
 * @example
 * await moveIntoPlace(temp, '/out/移交信息包')
 */
export async function moveIntoPlace(temporary: string, target: string): Promise<void> {
  const existing = await stat(target).catch(() => undefined);
  if (existing) {
    if (!existing.isDirectory() || (await readdir(target)).length > 0) throw new Error(`[dangan] ${target} exists and is not an empty folder`);
    await rmdir(target);
  }
  await rename(temporary, target);
}

/**
 * Writes an output through a temporary sibling: `write` fills it, `accept`
 * decides (typically by validating it) whether it goes into place; otherwise,
 * and on any exception, the temporary output is removed, so a failed run
 * leaves nothing behind and can simply be rerun.
 *
 * @param target - The final output path.
 * @param write - Writes the output at the temporary path.
 * @param accept - Looks at the written output; true to move it into place.
 * @returns What `write` and `accept` returned, and whether the output was placed.
 * @example
 * const { placed } = await writeAtomically(out, (tmp) => writeBag(tmp), async (tmp) => (await validate(tmp)).valid)
 */
export async function writeAtomically<W, A>(
  target: string,
  write: (temporary: string) => Promise<W>,
  accept: (temporary: string, written: W) => Promise<{ place: boolean; verdict: A }>,
): Promise<{ written: W; verdict: A; placed: boolean }> {
  const temporary = temporarySibling(target);
  let placed = false;
  try {
    const written = await write(temporary);
    const { place, verdict } = await accept(temporary, written);
    if (place) {
      await moveIntoPlace(temporary, target);
      placed = true;
    }
    return { written, verdict, placed };
  } finally {
    if (!placed) await rm(temporary, { recursive: true, force: true });
  }
}
