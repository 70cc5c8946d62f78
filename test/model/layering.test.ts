import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering of docs/architecture.md, checked rather than described: the
 * `layers` block of that document is parsed here and every relative import
 * under src/ is held to it (no upward import, no import between folders of
 * one layer except the `layers-allowed` edges), model/ and report/ import no
 * sibling, nothing reachable from src/index.ts imports `node:`, and runtime
 * imports have no cycle.
 */
const SRC = resolve('src');
const doc = readFileSync(resolve('docs/architecture.md'), 'utf8');

function block(name: string): string[] {
  const match = new RegExp('```' + name + '\\n([\\s\\S]*?)```').exec(doc);
  if (!match) throw new Error(`docs/architecture.md has no \`\`\`${name} block`);
  return match[1]!.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** Layer rank of each top-level folder or file of src/ (0 = bottom). */
const layers = block('layers').reverse();
const rank = new Map(layers.flatMap((line, i) => line.split(/\s+/).map((area) => [area, i] as const)));
const allowed = new Set(block('layers-allowed').map((l) => l.replace(/\s+/g, ' ')));

interface Import {
  from: string;
  to: string;
  /** True for `import type` / `export type` (erased at compile time). */
  typeOnly: boolean;
}

const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(SRC, f));

function resolveSpecifier(from: string, specifier: string): string {
  const base = normalize(join(dirname(from), specifier));
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base.replace(/\.js$/, ''), 'index.ts')]) {
    if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  }
  throw new Error(`${relative(SRC, from)}: cannot resolve ${specifier}`);
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'|import\(\s*'([^']+)'\s*\)/g;
const imports: Import[] = files.flatMap((from) => {
  const text = readFileSync(from, 'utf8');
  return [...text.matchAll(IMPORT)].flatMap((m) => {
    const specifier = m[3] ?? m[4]!;
    if (!specifier.startsWith('.')) return [{ from, to: specifier, typeOnly: m[2] !== undefined || m[4] !== undefined }];
    return [{ from, to: resolveSpecifier(from, specifier), typeOnly: m[2] !== undefined || m[4] !== undefined }];
  });
});

/** The top-level folder (or file) of src/ a path is in. */
function area(path: string): string {
  return relative(SRC, path).split(/[\\/]/)[0]!;
}

describe('docs/architecture.md layering', () => {
  it('names every top-level folder and file of src/ in one layer', () => {
    const areas = readdirSync(SRC).filter((name) => name.endsWith('.ts') || !name.includes('.'));
    expect(areas.filter((a) => !rank.has(a))).toEqual([]);
  });

  it('has no upward import and no import between folders of one layer (except the allowed ones)', () => {
    const wrong = imports
      .filter((i) => i.to.startsWith(SRC) && area(i.from) !== area(i.to))
      .filter((i) => {
        const from = rank.get(area(i.from))!;
        const to = rank.get(area(i.to))!;
        return to > from || (to === from && !allowed.has(`${area(i.from)} -> ${area(i.to)}`));
      })
      .map((i) => `${relative(SRC, i.from)} → ${relative(SRC, i.to)}`);
    expect(wrong).toEqual([]);
  });

  it('nothing in src/model or src/report imports a sibling area', () => {
    const sibling = imports.filter((i) => ['model', 'report'].includes(area(i.from)) && i.to.startsWith(SRC) && area(i.to) !== area(i.from));
    expect(sibling.map((i) => `${relative(SRC, i.from)} → ${relative(SRC, i.to)}`)).toEqual([]);
  });

  it('nothing reachable from src/index.ts imports a node: module', () => {
    const byFile = new Map<string, Import[]>();
    for (const i of imports) byFile.set(i.from, [...(byFile.get(i.from) ?? []), i]);
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of byFile.get(file) ?? []) {
        if (i.to.startsWith('node:')) offenders.push(`${relative(SRC, file)} imports ${i.to}`);
        else if (i.to.startsWith(SRC)) visit(i.to);
      }
    };
    visit(join(SRC, 'index.ts'));
    expect(seen.size).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });

  it('has no cycle among runtime imports', () => {
    const graph = new Map<string, string[]>(files.map((f) => [f, []]));
    for (const i of imports) if (!i.typeOnly && i.to.startsWith(SRC)) graph.get(i.from)!.push(i.to);
    expect(cycles(graph).map((c) => c.map((f) => relative(SRC, f)))).toEqual([]);
  });

  it('the cycle check finds a planted cycle (so the test above can fail)', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });

  it('gives every format one home under src/formats/', () => {
    for (const format of ['catalogue', 'itemMetadata', 'eep', 'fixity', 'description', 'bagit']) {
      expect(existsSync(join(SRC, 'formats', format)), format).toBe(true);
    }
    // What used to be split between src/package and src/export lives in src/formats now.
    for (const gone of ['package/catalogue', 'package/metadata', 'package/description', 'export/eep', 'export/fixity', 'export/metadata', 'export/catalogue']) {
      expect(existsSync(join(SRC, gone)), gone).toBe(false);
    }
  });
});

/** Strongly connected components of more than one file (Tarjan), each sorted. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const strong = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) strong(v);
  return found;
}
