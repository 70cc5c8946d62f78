import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * zod is loaded where input is validated, not at start-up (issue 22) nor in
 * a browser bundle of a function that validates nothing (issue 17): the
 * runtime imports reachable from these modules (static `import`, not
 * `import type` and not `await import()`) never reach zod. Likewise the CLI
 * loads the SM2 curve arithmetic with the first SM2 signature and English
 * with `--lang en`, not on every start.
 */
const SRC = resolve('src');
const STATIC = /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm;

const isZod = (specifier: string) => specifier === 'zod' || specifier.startsWith('zod/');

/** The chain of modules from `start` to each import that `heavy` picks (a package name or a resolved source path). */
function importChains(start: string, heavy: (specifier: string) => boolean): string[] {
  const parent = new Map<string, string | undefined>([[resolve(start), undefined]]);
  const queue = [resolve(start)];
  const chains: string[] = [];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC)) {
      const base = join(dirname(file), specifier!.replace(/\.js$/, ''));
      const target = specifier!.startsWith('.') ? relative(SRC, base) : specifier!;
      if (heavy(target)) {
        const chain = [];
        for (let f: string | undefined = file; f !== undefined; f = parent.get(f)) chain.unshift(relative(SRC, f));
        chains.push(`${chain.join(' → ')} → ${target}`);
      }
      if (!specifier!.startsWith('.')) continue;
      const next = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
      if (next !== undefined && !parent.has(next)) {
        parent.set(next, file);
        queue.push(next);
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
    expect(importChains(module, isZod)).toEqual([]);
  });

  it('the walk finds zod where it is imported', () => {
    expect(importChains('src/filing/profileDefinition.ts', isZod)).toContain('filing/profileDefinition.ts → zod');
  });
});

describe('the CLI loads signature curves and English when they are used', () => {
  const curvesOrEnglish = (target: string) => target.startsWith('@noble/') || target.startsWith('report/messages/en');
  it.each([
    ['the CLI dispatcher', 'src/cli/run.ts'],
    ['the validate command', 'src/cli/commands/validate.ts'],
  ])('%s reaches neither @noble/curves nor the English messages', (_, module) => {
    expect(importChains(module, curvesOrEnglish)).toEqual([]);
  });

  it('the walk finds them where they are imported', () => {
    expect(importChains('src/node/eep/sm2.ts', curvesOrEnglish)).toContain('node/eep/sm2.ts → @noble/curves/abstract/weierstrass');
    expect(importChains('src/index.ts', curvesOrEnglish)).toContain('index.ts → report/messages/en/index');
  });
});

describe('the CLI loads a report formatter when its --format is asked for', () => {
  const formatters = (target: string) => /^report\/format\/(text|junit|sarif)$/.test(target);
  it.each([
    ['the CLI dispatcher', 'src/cli/run.ts'],
    ['the validate command', 'src/cli/commands/validate.ts'],
    ['the catalogue command', 'src/cli/commands/catalogue.ts'],
    ['the shared report output', 'src/cli/output.ts'],
  ])('%s reaches no text, JUnit or SARIF formatter', (_, module) => {
    expect(importChains(module, formatters)).toEqual([]);
  });

  it('the walk finds them where they are imported', () => {
    expect(importChains('src/index.ts', formatters).some((chain) => chain.endsWith('report/format/sarif'))).toBe(true);
  });
});
