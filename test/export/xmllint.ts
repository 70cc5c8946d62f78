import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Validates XML bytes against one of the shipped XSDs with `xmllint --schema`.
 *
 * @returns xmllint's exit status and its messages.
 * @throws When xmllint cannot be started (not installed).
 */
export function xmllintSchema(xsd: string, xml: Uint8Array | string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dangan-xsd-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml);
    const result = spawnSync('xmllint', ['--noout', '--schema', resolve('schemas/xsd', xsd), file], { encoding: 'utf8' });
    // A missing xmllint fails the test that needs it (.ci/run installs libxml2-utils); it never skips.
    if (result.error) throw new Error(`xmllint (libxml2-utils) is needed: ${result.error.message}`);
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
