import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIo } from './memoryIo.js';
import { requireBuiltDist } from '../builtDist.js';
import { packageCheckIds } from '../../src/package/checks/registry.js';
import type { Report } from '../../src/report/report.js';
import { readXml } from '../../src/xml/parse.js';
import { signEep } from '../../src/formats/eep/signEep.js';
import { writeEep } from '../../src/formats/eep/writeEep.js';
import { createEepSigner } from '../../src/node/eep/createEepSigner.js';
import { sampleItem } from '../export/eep/sampleItem.js';

const cases = join(import.meta.dirname, '../fixtures/packages/cases');
const valid = join(cases, 'valid');
const tmp = mkdtempSync(join(tmpdir(), 'dangan-validate-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


async function cli(args: string[], tty = false) {
  const m = memoryIo('', tty);
  const code = await run(['validate', ...args], m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('dangan validate', () => {
  it('exits 0 on a valid package and prints exactly one Report as JSON, nothing on stderr off a TTY', async () => {
    const { code, stdout, stderr } = await cli([valid, '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report).toMatchObject({ valid: true, profile: 'dat93', issues: [] });
    expect(report.checks.map((c) => c.id)).toEqual(packageCheckIds);
    expect(stderr).toBe('');
  });

  it('exits 1 on an invalid package; text is grouped by 四性 in the chosen language', async () => {
    const zh = await cli([join(cases, 'fixity.digest--mismatch')]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('不通过 [dat93]');
    expect(zh.stdout).toContain('真实性 (2)');
    expect(zh.stdout).not.toContain('\u001b['); // no colour off a TTY
    const en = await cli([join(cases, 'fixity.digest--mismatch'), '--lang', 'en']);
    expect(en.stdout).toContain('INVALID [dat93]');
    expect(en.stdout).toContain('SM3 digest mismatch (evidence: 其他/固化验证信息.XML)');
  });

  it('--no-fixity skips hashing: the planted digest fault is not seen and fixity.digest is skipped', async () => {
    const { code, stdout } = await cli([join(cases, 'fixity.digest--mismatch'), '--no-fixity', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.checks.find((c) => c.id === 'fixity.digest')?.status).toBe('skipped');
  });

  it('validates a zip and an explicit profile; --output writes the file', async () => {
    const output = join(tmp, 'report.json');
    const { code, stdout } = await cli([join(cases, 'security.entries--path-unsafe.zip'), '--profile', 'dat93', '--format', 'json', '--output', output]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const report = JSON.parse(readFileSync(output, 'utf8')) as Report;
    expect(report.issues.map((i) => i.code)).toEqual(['package.path-unsafe']);
  });

  it('exits 2 for usage errors and for input that cannot be opened', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli([valid, '--profile', 'mets'])).code).toBe(2);
    expect((await cli([valid, '--jobs', '0'])).code).toBe(2);
    expect((await cli([valid, '--format', 'xml'])).code).toBe(2);
    const missing = await cli([join(tmp, 'nowhere'), '--format', 'json']);
    expect(missing.code).toBe(2);
    expect((JSON.parse(missing.stdout) as Report).issues[0]?.code).toBe('input.unreadable');
    const broken = join(tmp, 'broken.zip');
    writeFileSync(broken, Buffer.from('PK\x03\x04 not really a zip', 'latin1'));
    const corrupt = await cli([broken, '--format', 'json']);
    expect(corrupt.code).toBe(2);
    expect((JSON.parse(corrupt.stdout) as Report).issues.map((i) => i.code)).toEqual(['input.unreadable']);
  });

  it('shows progress by phase on stderr only on a TTY, in the chosen language, and not with --quiet', async () => {
    const zh = await cli([valid, '--format', 'json'], true);
    expect(zh.stderr).toContain('正在列出文件');
    expect(zh.stderr).toMatch(/正在读取元数据：\d+ 个文件，[\d.]+ (?:B|KB|MB)/);
    expect(zh.stderr.endsWith('\r\u001b[K')).toBe(true); // the line is cleared before the report
    const en = await cli([valid, '--format', 'json', '--lang', 'en'], true);
    expect(en.stderr).toMatch(/hashing: \d+\/\d+ files, [\d.]+ (?:B|KB) \/ [\d.]+ (?:B|KB)/);
    expect((await cli([valid, '--format', 'json', '--quiet'], true)).stderr).toBe('');
  });

  it('--format junit: one testcase per check, failures carry every error issue', async () => {
    const { code, stdout } = await cli([join(cases, 'content.format--png-as-pdf'), '--format', 'junit', '--lang', 'en']);
    expect(code).toBe(1);
    const { root, issues } = readXml(stdout);
    expect(issues).toEqual([]);
    const suite = root!.child('testsuite')!;
    const testcases = suite.childrenNamed('testcase');
    expect(testcases).toHaveLength(packageCheckIds.length);
    expect(suite.attributes.tests).toBe(String(packageCheckIds.length));
    const failed = testcases.filter((t) => t.child('failure'));
    expect(failed.map((t) => t.attributes.name)).toEqual(['content.format Content formats identified by bytes match declarations']);
    const failure = failed[0]!.child('failure')!;
    expect(failure.attributes.type).toBe('content.format-mismatch');
    expect(failure.text.split('\n')).toHaveLength(2);
    expect(failure.text).toContain('Z109/WS/Z109-WS·2024-Y-BGS-0001/正文.pdf');
    expect(testcases.filter((t) => t.child('skipped')).map((t) => t.attributes.name?.split(' ')[0])).toContain('security.virus-scan');
    expect(suite.attributes.failures).toBe('1');
  });

  it('--format sarif: SARIF 2.1.0, rules are the checks, 1-based regions, percent-encoded URIs', async () => {
    const { stdout } = await cli([join(cases, 'metadata.type--year'), '--format', 'sarif']);
    const log = JSON.parse(stdout);
    expect(log.version).toBe('2.1.0');
    const [runLog] = log.runs;
    expect(runLog.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(packageCheckIds);
    const errors = runLog.results.filter((r: { level: string }) => r.level === 'error');
    expect(errors).toHaveLength(1);
    const [result] = errors;
    expect(result.ruleId).toBe('metadata.type');
    expect(runLog.tool.driver.rules[result.ruleIndex].id).toBe('metadata.type');
    expect(runLog.tool.driver.rules[result.ruleIndex].properties).toMatchObject({ aspect: 'authenticity', dat70: 'GD-1-3' });
    const location = result.locations[0].physicalLocation;
    expect(location.region).toEqual({ startLine: 6, startColumn: 45 });
    expect(decodeURIComponent(location.artifactLocation.uri)).toBe('Z109/WS/Z109-WS·2024-Y-BGS-0001/电子档案元数据.XML');
    expect(location.artifactLocation.uri).not.toMatch(/[^\x21-\x7e]/);
    expect(runLog.results.filter((r: { kind?: string }) => r.kind === 'review').map((r: { ruleId: string }) => r.ruleId)).toContain('security.virus-scan');
  });

  it('an .eep with one Base64 character of 编码数据 changed, same length: unsigned exits 0 with eep.unsigned (info), RSA-signed exits 1', async () => {
    const flip = (eep: Uint8Array) => new TextDecoder().decode(eep).replace('5a65CiUl', '5a66CiUl');
    const unsigned = join(tmp, 'flip.eep');
    writeFileSync(unsigned, flip(writeEep(sampleItem())));
    const plain = await cli([unsigned, '--format', 'json']);
    expect(plain.code).toBe(0);
    expect((JSON.parse(plain.stdout) as Report).issues.map((i) => [i.code, i.severity])).toEqual([['eep.unsigned', 'info']]);
    const key = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/eep', name), 'utf8');
    const signer = createEepSigner({ privateKey: key('rsa-key.pem'), certificates: [key('rsa-cert.pem')] });
    const result = await signEep(writeEep(sampleItem()), signer, { time: '2024-03-02T10:00:00' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const signed = join(tmp, 'flip-signed.eep');
    writeFileSync(signed, flip(result.bytes));
    const caught = await cli([signed, '--format', 'json', '--lang', 'en']);
    expect(caught.code).toBe(1);
    expect((JSON.parse(caught.stdout) as Report).issues.map((i) => i.code)).toEqual(['eep.signature.invalid']);
  });
});

// The binary test needs a build of the current sources (skipped, with the reason printed, when dist/ is missing or stale).
const DIST = requireBuiltDist('dangan validate (built binary)');
const BIN = DIST.bin;

describe.skipIf(!DIST.fresh)(`dangan validate (built binary)${DIST.reason}`, () => {
  it('exits 0, 1 and 2 as the contract says, with one JSON Report on stdout and nothing on stderr off a TTY', () => {
    const ok = spawnSync(process.execPath, [BIN, 'validate', valid, '--format', 'json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as Report).valid).toBe(true);
    expect(ok.stderr).toBe('');
    const bad = spawnSync(process.execPath, [BIN, 'validate', join(cases, 'security.entries--encrypted-entry.zip'), '--format', 'sarif'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).runs[0].results.some((r: { properties: { code: string } }) => r.properties.code === 'package.entry-encrypted')).toBe(true);
    expect(spawnSync(process.execPath, [BIN, 'validate'], { encoding: 'utf8' }).status).toBe(2);
  });

  it('keeps its exit code and prints no stack trace when the reader closes the pipe early (| head)', () => {
    // A catalogue with 3,000 faulty entries: a report of megabytes, far more than a pipe holds, so the
    // writes after `head -c 1` has exited meet a closed pipe.
    const catalogue = join(tmp, 'many-faults.xml');
    writeFileSync(catalogue, `<?xml version="1.0" encoding="UTF-8"?>\n<文件目录>\n${'  <文件><日期>20150231</日期></文件>\n'.repeat(3000)}</文件目录>\n`);
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" catalogue check "${catalogue}" --format json | head -c 1 > /dev/null; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(piped.stderr).toBe('');
    expect(piped.stdout.trim()).toBe('status=1');
  });
});
