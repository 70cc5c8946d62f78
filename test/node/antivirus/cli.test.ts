// `dangan validate --antivirus`: GD-4-1 and GD-4-2 in JSON, JUnit and SARIF, from a real clamd.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';
import type { Report } from '../../../src/report/report.js';
import { readXml } from '../../../src/xml/parse.js';
import { memoryIo } from '../../cli/memoryIo.js';
import { EICAR, EICAR_SIGNATURE, startClamd, type RunningClamd } from './startClamd.js';

const valid = join(import.meta.dirname, '../../fixtures/packages/cases/valid');
const tmp = mkdtempSync(join(tmpdir(), 'dangan-av-cli-'));
const ITEM = 'Z109/WS/Z109-WS·2024-Y-BGS-0001';
const infected = join(tmp, 'infected');
cpSync(valid, infected, { recursive: true });
writeFileSync(join(infected, ITEM, '附件.txt'), EICAR);

let clamd: RunningClamd;
beforeAll(async () => {
  clamd = await startClamd();
}, 90_000);
afterAll(async () => {
  await clamd?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

async function cli(args: string[], tty = false) {
  const m = memoryIo('', tty);
  const code = await run(['validate', ...args], m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('dangan validate --antivirus', () => {
  it('JSON: exit 0 on a clean package with GD-4-1/GD-4-2 passed and the engine version; exit 1 on an infected one', async () => {
    const clean = await cli([valid, '--antivirus', `clamd=${clamd.socket}`, '--format', 'json']);
    expect(clean.code).toBe(0);
    const report = JSON.parse(clean.stdout) as Report;
    expect(report.checks.filter((c) => c.id === 'security.antivirus-installed' || c.id === 'security.virus-scan').map(({ id, status }) => ({ id, status }))).toEqual([
      { id: 'security.antivirus-installed', status: 'passed' },
      { id: 'security.virus-scan', status: 'passed' },
    ]);
    expect(report.issues).toEqual([expect.objectContaining({ code: 'antivirus.engine', check: 'GD-4-1', severity: 'info', received: expect.objectContaining({ engine: 'ClamAV' }) })]);

    const bad = await cli([infected, '--antivirus', `clamd=${clamd.socket}`, '--format', 'json']);
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.stdout) as Report).issues).toContainEqual(expect.objectContaining({ code: 'antivirus.infected', path: `${ITEM}/附件.txt`, received: EICAR_SIGNATURE }));
  });

  it('JUnit: the security.virus-scan testcase fails with the finding; SARIF: an error result at the file for rule security.virus-scan', async () => {
    const junit = await cli([infected, '--antivirus', `clamd=${clamd.socket}`, '--format', 'junit', '--lang', 'en']);
    const cases = (readXml(junit.stdout).root?.children ?? []).flatMap((suite) => suite.children).filter((c) => c.name === 'testcase');
    const scan = cases.find((c) => c.attributes.name?.startsWith('security.virus-scan'));
    const failure = scan?.children.find((c) => c.name === 'failure');
    expect(failure?.text ?? '').toContain(EICAR_SIGNATURE);
    const installed = cases.find((c) => c.attributes.name?.startsWith('security.antivirus-installed'));
    expect(installed?.children.filter((c) => c.name === 'failure' || c.name === 'skipped')).toEqual([]);

    const sarif = JSON.parse((await cli([infected, '--antivirus', `clamd=${clamd.socket}`, '--format', 'sarif'])).stdout);
    const results = sarif.runs[0].results as { ruleId: string; level: string; kind?: string; locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    const finding = results.find((r) => r.ruleId === 'security.virus-scan' && r.level === 'error');
    expect(decodeURIComponent(finding?.locations?.[0]?.physicalLocation.artifactLocation.uri ?? '')).toContain('附件.txt');
    // No longer a manual review item.
    expect(results.filter((r) => r.kind === 'review').map((r) => r.ruleId)).not.toContain('security.virus-scan');
  });

  it('shows the scanning phase on a terminal once validation is done, with files and bytes; nothing off a terminal or with --quiet', async () => {
    const shown = await cli([valid, '--antivirus', `clamd=${clamd.socket}`, '--lang', 'en'], true);
    expect(shown.code).toBe(0);
    const lines = shown.stderr.split('\r\u001b[K').filter(Boolean);
    const scanning = lines.filter((line) => line.startsWith('scanning for viruses: '));
    expect(scanning.length).toBeGreaterThan(0);
    expect(scanning[0]).toMatch(/^scanning for viruses: \d+\/\d+ files, .+ \/ .+, /);
    // It comes after the validation's own phases.
    expect(lines.findIndex((line) => line.startsWith('scanning'))).toBeGreaterThan(lines.findIndex((line) => line.startsWith('listing')));
    const zh = await cli([valid, '--antivirus', `clamd=${clamd.socket}`], true);
    expect(zh.stderr).toContain('正在病毒检测：');
    expect((await cli([valid, '--antivirus', `clamd=${clamd.socket}`, '--quiet'], true)).stderr).toBe('');
    expect((await cli([valid, '--antivirus', `clamd=${clamd.socket}`])).stderr).toBe('');
  });

  it('exits 1 when the engine is unreachable, and 2 on malformed antivirus options', async () => {
    const gone = await cli([valid, '--antivirus', `clamd=${join(tmp, 'none.sock')}`, '--format', 'json']);
    expect(gone.code).toBe(1);
    expect((JSON.parse(gone.stdout) as Report).checks).toContainEqual(expect.objectContaining({ id: 'security.virus-scan', status: 'skipped' }));
    for (const args of [
      ['--antivirus', 'norton'],
      ['--antivirus', 'clamd=localhost:99999'],
      ['--antivirus', 'clamd', '--antivirus-command', 'x {file}'],
      ['--antivirus-max-age', '7'],
      ['--antivirus', 'clamd', '--antivirus-max-age', 'soon'],
      ['--antivirus-command', "scan '{file}"],
    ]) {
      expect((await cli([valid, ...args])).code, args.join(' ')).toBe(2);
    }
  });
});
