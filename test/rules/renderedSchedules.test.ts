import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSchedule } from '../../src/rules/_build/renderSchedule.js';
import { builtInSchedules } from '../../src/rules/index.js';

const dir = join(import.meta.dirname, '../../docs/schedules');
const FIX = 'run `node src/rules/_build/renderSchedules.mjs` and commit docs/schedules/';

describe('docs/schedules (rendered built-in schedules)', () => {
  it.each(Object.values(builtInSchedules).map((s) => [s.id, s] as const))('%s.md is up to date', (id, schedule) => {
    const committed = readFileSync(join(dir, `${id}.md`), 'utf8');
    expect(committed, FIX).toBe(renderSchedule(schedule));
  });

  it('has no page for a schedule that no longer exists', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.md')).sort(), FIX).toEqual(Object.keys(builtInSchedules).map((id) => `${id}.md`).sort());
  });

  it('shows one table row per schedule row, with its source', () => {
    for (const schedule of Object.values(builtInSchedules)) {
      const page = renderSchedule(schedule);
      const rows = page.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 编号 Code') && !l.startsWith('| 项目') && /\| (已核实|单一来源|推断)/.test(l));
      expect(rows, schedule.id).toHaveLength(schedule.rules.length);
      for (const rule of schedule.rules) expect(page).toContain(rule.source.standard);
    }
  });

  it('the render script agrees (--check exits 0)', () => {
    expect(() => execFileSync(process.execPath, ['src/rules/_build/renderSchedules.mjs', '--check'], { cwd: join(import.meta.dirname, '../..'), stdio: 'pipe' })).not.toThrow();
  });
});
