import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * zod is loaded where input is validated, not at start-up (issue 22) nor in
 * a browser bundle of a function that validates nothing (issue 17): the
 * runtime imports reachable from these modules (static `import`, not
 * `import type` and not `await import()`) never reach zod.
 */
const SRC = resolve('src');
const STATIC = /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm;

/** The chain of modules from `start` to each module that imports zod. */
function zodChains(start: string): string[] {
  const parent = new Map<string, string | undefined>([[resolve(start), undefined]]);
  const queue = [resolve(start)];
  const chains: string[] = [];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC)) {
      if (specifier === 'zod' || specifier!.startsWith('zod/')) {
        const chain = [];
        for (let f: string | undefined = file; f !== undefined; f = parent.get(f)) chain.unshift(relative(SRC, f));
        chains.push(`${chain.join(' → ')} → ${specifier}`);
      }
      if (!specifier!.startsWith('.')) continue;
      const base = join(dirname(file), specifier!.replace(/\.js$/, ''));
      const target = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
      if (target !== undefined && !parent.has(target)) {
        parent.set(target, file);
        queue.push(target);
      }
    }
  }
  return chains;
}

describe('zod is loaded where it is used', () => {
  it.each([
    ['the validate command', 'src/cli/commands/validate.ts'],
    ['the code command', 'src/cli/commands/code.ts'],
    ['the CLI dispatcher', 'src/cli/run.ts'],
    ['parseArchivalCode', 'src/filing/parseArchivalCode.ts'],
    ['formatArchivalCode', 'src/filing/formatArchivalCode.ts'],
    ['retentionDates', 'src/rules/retentionDates.ts'],
  ])('%s reaches no zod', (_, module) => {
    expect(zodChains(module)).toEqual([]);
  });

  it('the walk finds zod where it is imported', () => {
    expect(zodChains('src/filing/profileDefinition.ts')).toContain('filing/profileDefinition.ts → zod');
  });
});
