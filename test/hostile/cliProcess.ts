// Runs the `dangan` CLI from source in a child process, bundled once with esbuild, under GNU time:
// exit code, the JSON report, stderr, wall time and peak RSS — what a CI runner would see.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForNode } from '../bundleForNode.mjs';
import type { Report } from '../../src/report/report.js';

const root = join(import.meta.dirname, '../..');

/** Bundles `src/cli/main.ts` into a temp folder (readable by every user: a test runs it as `nobody`). */
export async function bundleCli(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dangan-cli-'));
  chmodSync(dir, 0o755);
  const outfile = join(dir, 'cli.mjs');
  await bundleForNode(join(root, 'src/cli/main.ts'), outfile);
  return outfile;
}

/** What one run gave. */
export interface CliRun {
  code: number | null;
  report?: Report;
  stdout: string;
  stderr: string;
  /** Wall time, ms. */
  ms: number;
  /** Peak resident set size of the child, MiB (GNU time %M). */
  rssMiB: number;
}

/**
 * `dangan validate <args> --format json --lang en` (or another `command`) in a child process.
 *
 * @param cli - The bundle from {@link bundleCli}.
 * @param args - Path and options.
 * @param options - `uid`/`gid` to run as another user; `timeout` in ms (a hang is killed, and fails the test).
 */
export function validateInChild(cli: string, args: readonly string[], options: { uid?: number; gid?: number; timeout?: number; format?: string; command?: string } = {}): CliRun {
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', 'DANGAN_RSS_KB=%M', process.execPath, cli, options.command ?? 'validate', ...args, '--format', options.format ?? 'json', '--lang', 'en'], {
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
    maxBuffer: 256 << 20,
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  });
  const ms = performance.now() - started;
  const stderr = child.stderr ?? '';
  const rss = /DANGAN_RSS_KB=(\d+)/.exec(stderr);
  let report: Report | undefined;
  try {
    report = (options.format ?? 'json') === 'json' ? (JSON.parse(child.stdout) as Report) : undefined;
  } catch {
    report = undefined;
  }
  return { code: child.status, ...(report ? { report } : {}), stdout: child.stdout ?? '', stderr: stderr.replace(/DANGAN_RSS_KB=\d+\n?/, ''), ms, rssMiB: rss ? Number(rss[1]) / 1024 : Number.NaN };
}

/** A stack trace line, as Node prints one. */
export const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
