import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** True when xmllint (libxml2-utils) is on the PATH. */
export const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint) {
  // Visible in the test output: the XSD checks are skipped, not passed.
  console.warn('[dangan tests] xmllint not found: XSD validation tests are SKIPPED (apt-get install libxml2-utils)');
}

/**
 * Validates XML bytes against one of the shipped XSDs with `xmllint --schema`.
 *
 * @returns xmllint's exit status and its messages.
 */
export function xmllintSchema(xsd: string, xml: Uint8Array | string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dangan-xsd-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml);
    const result = spawnSync('xmllint', ['--noout', '--schema', resolve('schemas/xsd', xsd), file], { encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
