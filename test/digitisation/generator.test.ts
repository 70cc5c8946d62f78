import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const FIXTURES = join(import.meta.dirname, '../fixtures/digitisation');
const tmp = mkdtempSync(join(tmpdir(), 'dangan-digitisation-gen-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function files(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(root, full) : [relative(root, full)];
  });
}

describe('test batch generator (ImageMagick)', () => {
  it('needs ImageMagick 6 (convert-im6.q16): install the Debian package imagemagick', () => {
    // Fails, not skips, when the encoder is missing (.ci/run installs it).
    expect(execFileSync('convert-im6.q16', ['-version']).toString()).toMatch(/ImageMagick 6/);
  });

  it('regenerates the committed fixtures byte for byte (deterministic, and the fixtures are current)', { timeout: 120_000 }, () => {
    execFileSync(process.execPath, [join(FIXTURES, 'generate.mjs'), tmp]);
    const generated = files(tmp).filter((f) => !f.endsWith('.mjs')).sort();
    const committed = files(FIXTURES).filter((f) => !f.endsWith('.mjs')).sort();
    expect(generated).toEqual(committed);
    for (const file of generated) expect(readFileSync(join(tmp, file)).equals(readFileSync(join(FIXTURES, file))), file).toBe(true);
  });
});
