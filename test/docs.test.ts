import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { danganOnPath, requireBuiltDist } from './builtDist.js';

/**
 * Every TypeScript and shell sample in README.md and docs/ works as written:
 *
 * - ```ts blocks type-check (strict) against the built package, imported as
 *   `dangan` and `dangan/node`, then run with Node;
 * - ```sh blocks run with `bash -e` and `dangan` on the PATH;
 *
 * both in a fresh folder holding a copy of examples/ (so paths read
 * `examples/…`, as from the root of a clone). Info-string words:
 * `continued` appends a ts block to the one before it (same module);
 * `exit=N` expects a shell block to stop with status N; `no-run` skips a block
 * (keep it rare: the block must say why nearby). Untyped fences (synopses,
 * trees, XML) are not run.
 */
const ROOT = join(import.meta.dirname, '..');
const DIST = requireBuiltDist('the docs samples (run against dist/)');

interface Block {
  file: string;
  line: number;
  lang: 'ts' | 'sh';
  flags: Set<string>;
  code: string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'api' ? [] : markdownFiles(path);
    return e.name.endsWith('.md') ? [path] : [];
  });
}

const LANGS: Readonly<Record<string, Block['lang']>> = { ts: 'ts', typescript: 'ts', sh: 'sh', bash: 'sh', shell: 'sh' };

/** Fences never closed: the rest of such a file would render as code and its samples would not run. */
const unclosed: string[] = [];

/** The fenced blocks of a Markdown file, with the line each starts on. */
function fencedBlocks(file: string, text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, info, rest] = open as unknown as [string, string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`).test(lines[j]!)) body.push(lines[j++]!.slice(indent.length));
    if (j === lines.length) unclosed.push(`${relative(ROOT, file)}:${i + 1}`);
    const lang = LANGS[info.toLowerCase()];
    if (lang) blocks.push({ file: relative(ROOT, file), line: i + 1, lang, flags: new Set(rest.split(/\s+/).filter(Boolean)), code: body.join('\n') });
    i = j;
  }
  return blocks;
}

const files = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];
const blocks = files.flatMap((f) => fencedBlocks(f, readFileSync(f, 'utf8')));

/** ts modules: a `continued` block joins the one before it in the same file. */
interface Module {
  name: string;
  blocks: Block[];
}
const modules: Module[] = [];
for (const block of blocks.filter((b) => b.lang === 'ts' && !b.flags.has('no-run'))) {
  const previous = modules.at(-1);
  if (block.flags.has('continued') && previous && previous.blocks[0]!.file === block.file) previous.blocks.push(block);
  else modules.push({ name: `${block.file.replace(/[^A-Za-z0-9]+/g, '_')}_${block.line}`, blocks: [block] });
}
/** The module text, with a `//#line` map back to the Markdown. */
const moduleText = (m: Module) => `export {};\n${m.blocks.map((b) => b.code).join('\n')}\n`;
function sourceLine(m: Module, moduleLine: number): string {
  let line = moduleLine - 1; // the `export {}` line
  for (const b of m.blocks) {
    const n = b.code.split('\n').length;
    if (line <= n) return `${b.file}:${b.line + line}`;
    line -= n;
  }
  return `${m.blocks[0]!.file}:?`;
}

let work: string;
let diagnostics: string[] = [];

/** A fresh folder with a copy of examples/, under .tmp/ so that `dangan` resolves to this package (self-reference). */
function runFolder(name: string): string {
  const dir = join(work, 'run', name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  return dir;
}

beforeAll(() => {
  if (!DIST.fresh) return;
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.tmp', 'docs-'));
  mkdirSync(join(work, 'blocks'));
  danganOnPath(work);
  for (const m of modules) writeFileSync(join(work, 'blocks', `${m.name}.mts`), moduleText(m));
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023'], types: ['node'], noEmit: true, skipLibCheck: true },
      include: ['blocks/*.mts'],
    }),
  );
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(work, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8' });
  diagnostics = tsc.stdout.split('\n').filter((l) => l.includes('error TS'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the docs samples', () => {
  it('finds the samples of README.md and docs/', () => {
    expect(modules.length).toBeGreaterThanOrEqual(8);
    expect(blocks.filter((b) => b.lang === 'sh').length).toBeGreaterThanOrEqual(3);
    const parsed = fencedBlocks('x.md', 'a\n```ts continued\nconst a = 1;\n```\n```sh exit=1\nfalse\n```\n```\nnot run\n```\n');
    expect(parsed.map((b) => [b.lang, [...b.flags], b.code, b.line])).toEqual([
      ['ts', ['continued'], 'const a = 1;', 2],
      ['sh', ['exit=1'], 'false', 5],
    ]);
  });

  it('closes every fence (an open one would hide the samples after it)', () => {
    expect(unclosed).toEqual([]);
    fencedBlocks(join(ROOT, 'x.md'), 'a\n```yaml\nk: v\n## English\n```sh\ntrue\n');
    expect(unclosed.splice(0)).toEqual(['x.md:2']);
  });

  it('keeps no-run rare', () => {
    const skipped = blocks.filter((b) => b.flags.has('no-run'));
    // Today: README's install and two-command blocks in each language (run by .ci/run), docs/performance.md's bench
    // runs (minutes of work, run by npm run bench), and docs/security.md's ClamAV set-up in each language (apt-get,
    // systemctl and docker change the machine; test/node/antivirus starts its own clamd instead).
    expect(skipped.length, skipped.map((b) => `${b.file}:${b.line}`).join(', ')).toBeLessThanOrEqual(11);
  });
});

describe('the docs links', () => {
  it('point at files that exist', () => {
    const dead = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
        .map((m) => m[1]!)
        .filter((target) => !/^[a-z]+:/i.test(target) && !existsSync(join(dirname(file), decodeURI(target))))
        .map((target) => `${relative(ROOT, file)}: ${target}`),
    );
    expect(dead).toEqual([]);
  });
});

describe.skipIf(!DIST.fresh)(`ts samples type-check and run against the built package${DIST.reason}`, () => {
  for (const m of modules) {
    const where = `${m.blocks[0]!.file}:${m.blocks[0]!.line}`;
    it(`${where} type-checks`, () => {
      const own = diagnostics
        .filter((d) => d.startsWith(`blocks/${m.name}.mts(`) || d.includes(`/blocks/${m.name}.mts(`))
        .map((d) => d.replace(/^.*?\.mts\((\d+),(\d+)\)/, (_, l: string, c: string) => `${sourceLine(m, Number(l))}:${c}`));
      expect(own).toEqual([]);
    });

    it(`${where} runs`, () => {
      const dir = runFolder(m.name);
      const js = transformSync(moduleText(m), { loader: 'ts', format: 'esm', target: 'node20' }).code;
      const file = join(dir, `${m.name}.mjs`);
      writeFileSync(file, js);
      const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect({ status: r.status, stderr: r.stderr.slice(0, 2000) }).toEqual({ status: 0, stderr: '' });
    }, 90_000);
  }
});

describe.skipIf(!DIST.fresh)(`sh samples run as written${DIST.reason}`, () => {
  for (const block of blocks.filter((b) => b.lang === 'sh' && !b.flags.has('no-run'))) {
    const expected = Number([...block.flags].find((f) => f.startsWith('exit='))?.slice(5) ?? 0);
    it(`${block.file}:${block.line} exits ${expected}`, () => {
      const dir = runFolder(`sh_${block.file.replace(/[^A-Za-z0-9]+/g, '_')}_${block.line}`);
      const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', block.code], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, PATH: `${join(work, 'bin')}:${process.env.PATH}`, NO_COLOR: '1' },
      });
      expect({ status: r.status, stderr: r.status === expected ? '' : r.stderr.slice(0, 2000) }).toEqual({ status: expected, stderr: '' });
    }, 150_000);
  }
});
