import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { danganOnPath, requireBuiltDist } from './builtDist.js';

/**
 * The CI recipes of docs/ci.md (examples/ci/) do what they say: their shell
 * commands (GitHub `run:`, GitLab `before_script:`/`script:`), run against
 * the example packages with the built `dangan` on the PATH, fail on an invalid
 * package (exit 1) or an unopenable one (exit 2), pass on valid ones, and
 * leave JUnit and SARIF files for the upload steps. The install line
 * (`npm install --global dangan`) is the only one not run: the built CLI
 * stands in for it.
 */
const ROOT = join(import.meta.dirname, '..');
const DIST = requireBuiltDist('the CI recipes (run against dist/)');

/** Shell commands of a GitHub Actions workflow: every `run:` value, block scalars included. */
function githubCommands(yaml: string): string[] {
  return blockValues(yaml, /^(\s*)(?:-\s+)?run:\s*(.*)$/);
}

/** Shell commands of a GitLab CI job: the items of `before_script:` and `script:`. */
function gitlabCommands(yaml: string): string[] {
  const lines = yaml.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const key = /^(\s*)(?:before_script|script):\s*$/.exec(lines[i]!);
    if (!key) continue;
    const indent = key[1]!.length;
    for (i++; i < lines.length && (lines[i]!.trim() === '' || lines[i]!.search(/\S/) > indent); i++) {
      const item = /^(\s*)-\s+(.*)$/.exec(lines[i]!);
      if (!item || item[2]!.startsWith('#')) continue;
      if (item[2] === '|') {
        const body: string[] = [];
        const itemIndent = item[1]!.length;
        while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || lines[i + 1]!.search(/\S/) > itemIndent)) body.push(lines[++i]!);
        out.push(dedent(body));
      } else out.push(item[2]!);
    }
    i--;
  }
  return out;
}

function blockValues(yaml: string, key: RegExp): string[] {
  const lines = yaml.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = key.exec(lines[i]!);
    if (!m) continue;
    if (m[2] !== '|') {
      out.push(m[2]!);
      continue;
    }
    const indent = m[1]!.length;
    const body: string[] = [];
    while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || lines[i + 1]!.search(/\S/) > indent)) body.push(lines[++i]!);
    out.push(dedent(body));
  }
  return out;
}

function dedent(lines: string[]): string {
  const width = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.search(/\S/)));
  return lines.map((l) => l.slice(width)).join('\n').trimEnd();
}

const RECIPES = [
  { file: 'github-actions.yml', commands: githubCommands },
  { file: 'gitlab-ci.yml', commands: gitlabCommands },
] as const;

let work: string;
beforeAll(() => {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.tmp', 'ci-'));
  danganOnPath(work);
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs a recipe's commands (but the install) in a fresh repository holding the given submitted packages. */
function runRecipe(commands: readonly string[], packages: Record<string, string | null>) {
  const repo = mkdtempSync(join(work, 'repo-'));
  mkdirSync(join(repo, 'submitted'));
  for (const [name, example] of Object.entries(packages)) {
    if (example === null) writeFileSync(join(repo, 'submitted', name), 'not a package');
    else cpSync(join(ROOT, 'examples', 'packages', example), join(repo, 'submitted', name), { recursive: true });
  }
  const script = commands.filter((c) => !c.startsWith('npm install')).join('\n');
  const r = spawnSync('bash', ['-e', '-c', script], { cwd: repo, encoding: 'utf8', env: { ...process.env, PATH: `${join(work, 'bin')}:${process.env.PATH}` } });
  return { status: r.status, stderr: r.stderr, repo };
}

describe('the CI recipes', () => {
  it('extracts the commands of both kinds of YAML', () => {
    expect(githubCommands('steps:\n  - run: npm ci\n  - name: x\n    run: |\n      a\n      b\n  - uses: y\n')).toEqual(['npm ci', 'a\nb']);
    expect(gitlabCommands('job:\n  before_script:\n    - npm i\n  script:\n    - a\n    - |\n      b\n      c\n  artifacts:\n    paths: [x]\n')).toEqual(['npm i', 'a', 'b\nc']);
  });

  for (const recipe of RECIPES) {
    const yaml = readFileSync(join(ROOT, 'examples', 'ci', recipe.file), 'utf8');
    const commands = recipe.commands(yaml);

    it(`${recipe.file}: installs dangan once and uploads JUnit and SARIF`, () => {
      expect(commands.filter((c) => c.startsWith('npm install'))).toEqual(['npm install --global dangan']);
      expect(commands.join('\n')).toMatch(/--format junit/);
      expect(commands.join('\n')).toMatch(/--format sarif/);
      if (recipe.file.startsWith('github')) {
        expect(yaml).toContain('github/codeql-action/upload-sarif@');
        expect(yaml).toContain('security-events: write');
        expect(yaml).toMatch(/report_paths: reports\/junit\/\*\.xml/);
      } else {
        expect(yaml).toMatch(/junit: reports\/junit\/\*\.xml/);
        expect(yaml).toMatch(/when: always/);
      }
    });

    describe.skipIf(!DIST.fresh)(`${recipe.file} run against the example packages${DIST.reason}`, () => {
      it('fails the job (exit 1) on an invalid package and writes both reports for each package', () => {
        const { status, stderr, repo } = runRecipe(commands, { valid: 'valid', faulty: 'faulty' });
        expect(status, stderr).toBe(1);
        expect(readdirSync(join(repo, 'reports', 'junit')).sort()).toEqual(['faulty.xml', 'valid.xml']);
        expect(readdirSync(join(repo, 'reports', 'sarif')).sort()).toEqual(['faulty.sarif', 'valid.sarif']);
        const lint = spawnSync('xmllint', ['--noout', join(repo, 'reports', 'junit', 'faulty.xml'), join(repo, 'reports', 'junit', 'valid.xml')], { encoding: 'utf8' });
        expect(lint.error, 'xmllint is needed (.ci/run installs libxml2-utils)').toBeUndefined();
        expect(lint.status, lint.stderr).toBe(0);
        expect(readFileSync(join(repo, 'reports', 'junit', 'faulty.xml'), 'utf8')).toMatch(/<failure/);
        expect(readFileSync(join(repo, 'reports', 'junit', 'valid.xml'), 'utf8')).not.toMatch(/<failure/);
        const sarif = JSON.parse(readFileSync(join(repo, 'reports', 'sarif', 'faulty.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string; level: string }[] }[] };
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs[0]!.results.some((r) => r.ruleId.length > 0 && r.level === 'error')).toBe(true);
      });

      it('passes the job (exit 0) when every package is valid', () => {
        const { status, stderr } = runRecipe(commands, { 'pkg-a': 'valid', 'pkg-b': 'valid' });
        expect(status, stderr).toBe(0);
      });

      it('fails the job (exit 2) when a package cannot be opened, and still writes its reports', () => {
        const { status, repo } = runRecipe(commands, { valid: 'valid', 'broken.zip': null });
        expect(status).toBe(2);
        expect(existsSync(join(repo, 'reports', 'junit', 'broken.zip.xml'))).toBe(true);
      });
    });
  }
});
