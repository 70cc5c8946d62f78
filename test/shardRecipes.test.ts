import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { danganOnPath, requireBuiltDist } from './builtDist.js';

/**
 * The batch-engine recipes of docs/ci.md (issue 22, "beyond one machine") are
 * YAML that parses, and their commands do what the page says: each recipe's
 * shard commands, run once per shard index the recipe declares (Kubernetes
 * `completions`, the GitHub matrix, GitLab `parallel`) with the variables the
 * engine sets, then its merge command, give the report of one whole run of
 * the same package. Only the install lines and the engines' own steps
 * (checkout, artifacts) are not run: the built CLI stands in for the install,
 * one shared folder for the artifacts and volumes.
 */
const ROOT = join(import.meta.dirname, '..');
const DIST = requireBuiltDist('the shard recipes (run against dist/)');
const PACKAGE = 'examples/packages/faulty';

/** The ```yaml blocks of a Markdown text, in order. */
function yamlBlocks(text: string): string[] {
  return [...text.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** The `dangan …` command lines of a ```text block (the Kubernetes merge step). */
function textCommands(text: string): string[] {
  return [...text.matchAll(/^```text\n([\s\S]*?)^```$/gm)].flatMap((m) => m[1]!.split('\n').filter((l) => l.startsWith('dangan ')));
}

const chinese = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8').split('\n## English')[0]!;
const blocks = yamlBlocks(chinese);

interface KubernetesJob {
  kind: string;
  spec: { completions: number; parallelism: number; completionMode: string; template: { spec: { restartPolicy: string; containers: { command: string[]; args: string[] }[] } } };
}
interface GithubWorkflow {
  jobs: { shard: { strategy: { matrix: { index: number[] } }; steps: { run?: string }[] }; merge: { needs: string; steps: { run?: string }[] } };
}
interface GitlabPipeline {
  shard: { parallel: number; script: string[] };
  merge: { needs: string[]; script: string[] };
}

const recipe = {
  kubernetes: blocks.map((b) => parse(b) as Partial<KubernetesJob>).find((d) => d?.kind === 'Job') as KubernetesJob,
  github: blocks.map((b) => parse(b) as Partial<GithubWorkflow>).find((d) => d?.jobs?.shard !== undefined) as GithubWorkflow,
  gitlab: blocks.map((b) => parse(b) as Partial<GitlabPipeline>).find((d) => d?.shard?.parallel !== undefined) as GitlabPipeline,
};

let work: string;
beforeAll(() => {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.tmp', 'shard-recipes-'));
  danganOnPath(work);
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs one shell command in `cwd` the way the recipe's engine would, with `dangan` on the PATH. */
function sh(command: string, cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, ...env, PATH: `${join(work, 'bin')}:${process.env.PATH}` } });
  return { status: r.status, stderr: r.stderr };
}

/** A fresh folder holding the package where the GitHub and GitLab recipes look for it. */
function repository(): string {
  const repo = mkdtempSync(join(work, 'repo-'));
  cpSync(join(ROOT, PACKAGE), join(repo, 'submitted', 'package'), { recursive: true });
  return repo;
}

/**
 * A JUnit report with order and timing taken out (a merged report lists the shards' issues
 * shard by shard, issue 22 allows that): per testcase its name, its outcome and the sorted
 * lines of its failure text.
 */
function junit(path: string): string[] {
  const xml = readFileSync(path, 'utf8');
  return [...xml.matchAll(/<testcase [^>]*name="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)].map(([, name, body = '']) => {
    const failure = /<failure [^>]*type="([^"]*)"[^>]*>([\s\S]*?)<\/failure>/.exec(body);
    const outcome = failure ? `failure ${failure[1]}` : body.includes('<skipped') ? 'skipped' : 'passed';
    return [name, outcome, ...(failure?.[2]!.split('\n').map((l) => l.trim()).sort() ?? [])].join('\n');
  });
}

/** One whole run over the package where the recipe found it (the report names the path it was given). */
function singleRun(dir: string, path: string): string[] {
  const out = join(dir, 'single.xml');
  expect(sh(`dangan validate ${path} --format junit --output ${out}`, dir).status).toBe(1);
  const testcases = junit(out);
  expect(testcases.filter((t) => t.includes('\nfailure fixity.mismatch\n')).length).toBe(1);
  return testcases;
}

const isInstall = (c: string) => /^(npm install|npx --yes dangan --version)/.test(c);

describe('the batch-engine recipes of docs/ci.md', () => {
  it('are YAML that parses, one recipe of each engine', () => {
    for (const block of blocks) expect(parseAllDocuments(block).flatMap((d) => d.errors.map((e) => e.message))).toEqual([]);
    expect(recipe.kubernetes.spec.completionMode).toBe('Indexed');
    expect(recipe.kubernetes.spec.template.spec.restartPolicy).toBe('Never');
    expect(recipe.github.jobs.merge.needs).toBe('shard');
    expect(recipe.gitlab.merge.needs).toEqual(['shard']);
  });

  describe.skipIf(!DIST.fresh)(`run against the faulty example package${DIST.reason}`, () => {
    it('the Kubernetes Indexed Job: one pod per completion index, then the merge, gives the single run', () => {
      const { spec } = recipe.kubernetes;
      const dir = mkdtempSync(join(work, 'k8s-'));
      cpSync(join(ROOT, PACKAGE), join(dir, 'intake', 'package'), { recursive: true });
      mkdirSync(join(dir, 'reports'));
      // The volumes /intake and /reports become folders of this run; `npx --yes dangan` is the built CLI.
      const local = (c: string) => c.replaceAll('npx --yes dangan', 'dangan').replaceAll('/intake/', `${dir}/intake/`).replaceAll('/reports/', `${dir}/reports/`);
      const container = spec.template.spec.containers[0]!;
      expect(container.command).toEqual(['sh', '-c']);
      for (let index = 0; index < spec.completions; index++) {
        const pod = sh(local(container.args.join(' ')), dir, { JOB_COMPLETION_INDEX: String(index) });
        expect(pod.status, pod.stderr).toBe(0);
      }
      expect(readdirSync(join(dir, 'reports')).length).toBe(spec.completions);
      const [merge] = textCommands(chinese);
      expect(sh(local(merge!), dir).status).toBe(1);
      expect(junit(join(dir, 'reports', 'report.xml'))).toEqual(singleRun(dir, `${dir}/intake/package`));
    });

    it('the GitHub Actions matrix: one job per matrix index, then the merge job, gives the single run', () => {
      const { shard, merge } = recipe.github.jobs;
      const repo = repository();
      for (const index of shard.strategy.matrix.index) {
        for (const step of shard.steps.filter((s) => s.run !== undefined && !isInstall(s.run))) {
          const job = sh(step.run!.replaceAll('${{ matrix.index }}', String(index)), repo);
          expect(job.status, job.stderr).toBe(0);
        }
      }
      const commands = merge.steps.flatMap((s) => (s.run !== undefined && !isInstall(s.run) ? [s.run] : []));
      expect(commands).toHaveLength(1);
      expect(sh(commands[0]!, repo).status).toBe(1);
      expect(junit(join(repo, 'report.xml'))).toEqual(singleRun(repo, 'submitted/package'));
    });

    it('GitLab parallel: CI_NODE_INDEX 1..N with CI_NODE_TOTAL, then the merge job, gives the single run', () => {
      const { shard, merge } = recipe.gitlab;
      const repo = repository();
      for (let node = 1; node <= shard.parallel; node++) {
        for (const line of shard.script.filter((c) => !isInstall(c))) {
          const job = sh(line, repo, { CI_NODE_INDEX: String(node), CI_NODE_TOTAL: String(shard.parallel) });
          expect(job.status, job.stderr).toBe(0);
        }
      }
      const commands = merge.script.filter((c) => !isInstall(c));
      expect(commands).toHaveLength(1);
      expect(sh(commands[0]!, repo).status).toBe(1);
      expect(junit(join(repo, 'report.xml'))).toEqual(singleRun(repo, 'submitted/package'));
    });

    it('a matrix that forgot a shard is refused by the merge (exit 2), not merged into a partial verdict', () => {
      const repo = repository();
      const [first] = recipe.gitlab.shard.script.filter((c) => !isInstall(c));
      expect(sh(first!, repo, { CI_NODE_INDEX: '1', CI_NODE_TOTAL: '2' }).status).toBe(0);
      const [merge] = recipe.gitlab.merge.script.filter((c) => !isInstall(c));
      expect(sh(merge!, repo).status).toBe(2);
    });
  });
});
