import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { Report } from '../../src/report/report.js';
import { memoryIo } from './memoryIo.js';

const ID = 'https://example.org/profiles/dangan-test-v1.json';
const FOO = join(import.meta.dirname, '../fixtures/bagit-profiles/bagProfileFoo.json');

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dangan-bagit-profile-'));
  mkdirSync(join(tmp, 'src', 'sub'), { recursive: true });
  writeFileSync(join(tmp, 'src', 'a.txt'), 'hello');
  writeFileSync(join(tmp, 'src', 'sub', '说明.txt'), '说明');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]) {
  const m = memoryIo();
  const code = await run(args, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

function writeProfile(fields: Record<string, unknown>, name = 'profile.json'): string {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify({
    'BagIt-Profile-Info': { 'BagIt-Profile-Identifier': ID, 'Source-Organization': 'dangan', 'External-Description': 'test', Version: '1', 'BagIt-Profile-Version': '1.4.0' },
    'Accept-BagIt-Version': ['1.0'],
    ...fields,
  }));
  return path;
}

const PROFILE = {
  'Bag-Info': {
    'Source-Organization': { required: true, values: ['某某档案馆'] },
    'Contact-Email': { required: true },
    'Payload-Oxum': { required: true, repeatable: false },
  },
  'Manifests-Required': ['md5', 'sha256'],
  'Manifests-Allowed': ['md5', 'sha256', 'sha512'],
  'Tag-Manifests-Required': ['sha256'],
};

describe('dangan bag --bagit-profile writes a bag that meets the profile', () => {
  it('adds the required algorithms, the identifier and the single allowed value; validate agrees', async () => {
    const profile = writeProfile(PROFILE);
    const out = join(tmp, 'bag');
    const made = await cli(['bag', join(tmp, 'src'), '--out', out, '--bagit-profile', profile, '--bag-info', 'Contact-Email=a@example.org', '--date', '2025-01-02', '--format', 'json']);
    expect(made.code).toBe(0);
    const result = JSON.parse(made.stdout) as { algorithms: string[]; report: Report };
    expect(result.algorithms.sort()).toEqual(['md5', 'sha256']);
    expect(result.report.checks.find((c) => c.id === 'bagit.profile')?.status).toBe('passed');
    const info = readFileSync(join(out, 'bag-info.txt'), 'utf8');
    expect(info).toContain(`BagIt-Profile-Identifier: ${ID}\n`);
    expect(info).toContain('Source-Organization: 某某档案馆\n');
    expect(info).toContain('Contact-Email: a@example.org\n');
    const validated = await cli(['validate', out, '--bagit-profile', profile, '--format', 'json']);
    expect(validated.code).toBe(0);
    expect((JSON.parse(validated.stdout) as Report).checks.find((c) => c.id === 'bagit.profile')?.status).toBe('passed');
  });

  it('a required value it cannot infer is a usage error (exit 2) naming the tag, and nothing is written', async () => {
    const out = join(tmp, 'bag');
    const made = await cli(['bag', join(tmp, 'src'), '--out', out, '--bagit-profile', writeProfile(PROFILE)]);
    expect(made.code).toBe(2);
    expect(made.stderr).toContain('Contact-Email');
    expect(made.stderr).toContain('--info');
    expect(() => readFileSync(join(out, 'bagit.txt'))).toThrow();
  });

  it('a value outside the allowed values, or a profile that does not accept 1.0, is refused', async () => {
    const out = join(tmp, 'bag');
    const wrong = await cli(['bag', join(tmp, 'src'), '--out', out, '--bagit-profile', writeProfile(PROFILE), '--info', 'Contact-Email=a@b', '--info', 'Source-Organization=Elsewhere']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Source-Organization');
    const old = await cli(['bag', join(tmp, 'src'), '--out', out, '--bagit-profile', writeProfile({ 'Accept-BagIt-Version': ['0.97'] }, 'old.json')]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('Accept-BagIt-Version');
  });
});

describe('dangan validate --bagit-profile', () => {
  it('a plain bag violates the specification example bagProfileFoo.json: exit 1, one code per field', async () => {
    const out = join(tmp, 'bag');
    expect((await cli(['bag', join(tmp, 'src'), '--out', out])).code).toBe(0);
    const { code, stdout } = await cli(['validate', out, '--bagit-profile', FOO, '--format', 'json', '--lang', 'en']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(new Set(report.issues.map((i) => i.code))).toEqual(
      new Set(['bagit.profile.identifier-missing', 'bagit.profile.bag-info-required', 'bagit.profile.manifest-required', 'bagit.profile.serialization-required', 'bagit.profile.version-not-accepted']),
    );
    expect(report.issues.find((i) => i.code === 'bagit.profile.manifest-required')?.message).toContain('Manifests-Required');
  });

  it('a malformed, missing or remote profile is a usage error (exit 2) with its problems', async () => {
    const bag = join(tmp, 'bag');
    await cli(['bag', join(tmp, 'src'), '--out', bag]);
    // Field types first (zod), then the rules between fields.
    const typed = await cli(['validate', bag, '--bagit-profile', writeProfile({ Serialization: 'maybe', 'Allow-Fetch.txt': 'no' }, 'typed.json')]);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain('Serialization');
    expect(typed.stderr).toContain('Allow-Fetch.txt');
    expect(typed.stdout).toBe('');
    const crossed = await cli(['validate', bag, '--bagit-profile', writeProfile({ 'Manifests-Required': ['md5'], 'Manifests-Allowed': ['sha512'] }, 'crossed.json')]);
    expect(crossed.code).toBe(2);
    expect(crossed.stderr).toContain('Manifests-Allowed: must cover "md5" of Manifests-Required');
    writeFileSync(join(tmp, 'notjson.json'), '{ "BagIt-Profile-Info": ');
    expect((await cli(['validate', bag, '--bagit-profile', join(tmp, 'notjson.json')])).stderr).toContain('JSON');
    expect((await cli(['validate', bag, '--bagit-profile', join(tmp, 'absent.json')])).code).toBe(2);
    const remote = await cli(['validate', bag, '--bagit-profile', 'https://example.org/profile.json']);
    expect(remote.code).toBe(2);
    expect(remote.stderr).toContain('not a URL');
  });

  it('is for bags only: --profile dat93 with --bagit-profile is a usage error', async () => {
    const { code, stderr } = await cli(['validate', join(tmp, 'src'), '--profile', 'dat93', '--bagit-profile', FOO]);
    expect(code).toBe(2);
    expect(stderr).toContain('--bagit-profile');
  });
});

describe('dangan bag --zip | --tar | --tgz writes a serialized bag (issue 18 item 2)', () => {
  it.each([
    ['--zip', 'bag.zip', 'application/zip'],
    ['--tar', 'bag.tar', 'application/tar'],
    ['--tgz', 'bag.tar.gz', 'application/gzip'],
  ])('%s: one file, validated in place by dangan validate, meeting a profile that requires serialization', async (flag, name, mediaType) => {
    const profile = writeProfile({ Serialization: 'required', 'Accept-Serialization': [mediaType] });
    const out = join(tmp, name);
    const made = await cli(['bag', join(tmp, 'src'), '--out', out, flag, '--bagit-profile', profile, '--date', '2025-01-02', '--format', 'json']);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const result = JSON.parse(made.stdout) as { bag: string; placed: boolean; files: number; report: Report };
    expect(result).toMatchObject({ bag: out, placed: true, files: 2 });
    const validated = await cli(['validate', out, '--bagit-profile', profile, '--format', 'json']);
    expect(validated.code).toBe(0);
    // The same bag as a folder fails Serialization: required.
    const folder = join(tmp, 'folder-bag');
    expect((await cli(['bag', join(tmp, 'src'), '--out', folder, '--bagit-profile', profile])).code).toBe(2);
    // No temporary file or folder is left beside the archive.
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(tmp).filter((f) => f.includes('dangan-'))).toEqual([]);
  });

  it('the archive unpacks to a single folder named after it (bsdtar lists it)', async () => {
    const out = join(tmp, '案卷 1.tgz');
    expect((await cli(['bag', join(tmp, 'src'), '--out', out, '--tgz', '--date', '2025-01-02'])).code).toBe(0);
    const { execFileSync } = await import('node:child_process');
    const listed = execFileSync('bsdtar', ['-tf', out], { encoding: 'utf8' }).trim().split('\n').map((l) => l.replace(/\/$/, ''));
    expect(new Set(listed.map((l) => l.split('/')[0]))).toEqual(new Set(['案卷 1']));
    expect(listed).toContain('案卷 1/bagit.txt');
    expect(listed).toContain('案卷 1/data/sub/说明.txt');
  });

  it('--zip without --out, or two formats, is a usage error', async () => {
    expect((await cli(['bag', join(tmp, 'src'), '--zip'])).code).toBe(2);
    expect((await cli(['bag', join(tmp, 'src'), '--out', join(tmp, 'x.zip'), '--zip', '--tar'])).code).toBe(2);
  });
});
