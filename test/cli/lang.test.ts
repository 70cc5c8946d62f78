import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuiltDist } from '../builtDist.js';

/**
 * The CLI loads its English messages only when a command asks for them (start-up, issue 22),
 * so this runs the built binary in fresh processes: the test setup registers English in-process.
 */
const DIST = requireBuiltDist('the CLI languages (run against dist/)');
const FAULTY = join(import.meta.dirname, '../fixtures/packages/cases/fixity.digest--mismatch');

function validate(...args: string[]): string {
  const r = spawnSync(process.execPath, [DIST.bin, 'validate', FAULTY, ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(1);
  return r.stdout;
}

describe.skipIf(!DIST.fresh)(`the CLI's languages in a fresh process${DIST.reason}`, () => {
  it.each([[['--lang', 'en']], [['--lang=en']], [['--format', 'json', '--lang', 'en']]])('%j prints English messages', (args) => {
    expect(validate(...args)).toContain('SM3 digest mismatch');
  });

  it('zh-CN by default and with --lang zh-CN', () => {
    for (const out of [validate(), validate('--lang', 'zh-CN')]) {
      expect(out).toContain('SM3 数字摘要不符');
      expect(out).not.toContain('digest mismatch');
    }
  });
});
