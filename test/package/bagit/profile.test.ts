import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBagitProfile, validateBag, type BagitProfile } from '../../../src/package/bagit/index.js';
import { matchesProfilePattern } from '../../../src/formats/bagit/profile.js';
import type { DigestAlgorithm } from '../../../src/package/source.js';
import { bagFiles, memorySource } from './memorySource.js';

const ID = 'https://example.org/profiles/test-v1.json';
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/bagit-profiles/${name}`, import.meta.url), 'utf8'));

/** A minimal valid profile, with `fields` added. */
function profileOf(fields: Record<string, unknown> = {}): BagitProfile {
  const parsed = parseBagitProfile({
    'BagIt-Profile-Info': { 'BagIt-Profile-Identifier': ID, 'Source-Organization': 'dangan tests', 'External-Description': 'test profile', Version: '1', 'BagIt-Profile-Version': '1.4.0' },
    'Accept-BagIt-Version': ['1.0'],
    ...fields,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.profile;
}

interface BagSpec {
  payload?: Record<string, string>;
  info?: string;
  algorithms?: DigestAlgorithm[];
  version?: string;
  extra?: Record<string, string>;
}

/** A valid bag declaring the test profile, with extra bag-info lines and tag files. */
function bagOf(spec: BagSpec = {}): Record<string, string> {
  const payload = spec.payload ?? { 'a.txt': 'hello' };
  const octets = Object.values(payload).reduce((sum, c) => sum + new TextEncoder().encode(c).length, 0);
  const bagInfo = `BagIt-Profile-Identifier: ${ID}\n${spec.info ?? ''}Payload-Oxum: ${octets}.${Object.keys(payload).length}\n`;
  const files = bagFiles(payload, { bagInfo, algorithms: spec.algorithms ?? ['sha256'], ...(spec.version ? { version: spec.version } : {}) });
  return { ...files, ...(spec.extra ?? {}) };
}

async function profileCodes(files: Record<string, string>, profile: BagitProfile, mediaType?: string): Promise<string[]> {
  const source = { ...memorySource(files), ...(mediaType ? { mediaType } : {}) };
  const report = await validateBag(source, { bagitProfile: profile, suppress: ['bagit.lint.old-version', 'bagit.lint.weak-algorithm', 'bagit.lint.non-standard-algorithm'] });
  const other = report.issues.filter((i) => !i.code.startsWith('bagit.profile.'));
  expect(other.map((i) => i.code)).toEqual([]);
  const check = report.checks.find((c) => c.id === 'bagit.profile');
  const codes = report.issues.map((i) => i.code);
  expect(check?.status).toBe(codes.length === 0 ? 'passed' : 'failed');
  expect(report.valid).toBe(codes.length === 0);
  return codes;
}

describe('BagIt Profiles: each field satisfied and violated', () => {
  it('without a profile the report lists no bagit.profile check', async () => {
    const report = await validateBag(memorySource(bagOf()));
    expect(report.checks.map((c) => c.id)).not.toContain('bagit.profile');
  });

  it('BagIt-Profile-Identifier: present and equal / missing / another profile', async () => {
    expect(await profileCodes(bagOf(), profileOf())).toEqual([]);
    const files = bagFiles({ 'a.txt': 'hello' });
    expect(await profileCodes(files, profileOf())).toEqual(['bagit.profile.identifier-missing']);
    const other = bagFiles({ 'a.txt': 'hello' }, { bagInfo: 'BagIt-Profile-Identifier: https://example.org/other.json\nPayload-Oxum: 5.1\n' });
    const report = await validateBag(memorySource(other), { bagitProfile: profileOf(), locale: 'en' });
    expect(report.issues[0]).toMatchObject({ code: 'bagit.profile.identifier-mismatch', path: 'bag-info.txt', location: { line: 1 }, expected: ID, received: 'https://example.org/other.json' });
  });

  it('Bag-Info required: present / missing', async () => {
    const profile = profileOf({ 'Bag-Info': { 'Contact-Phone': { required: true }, 'Contact-Name': { required: false } } });
    expect(await profileCodes(bagOf({ info: 'contact-phone: +86 10 1234\n' }), profile)).toEqual([]);
    expect(await profileCodes(bagOf(), profile)).toEqual(['bagit.profile.bag-info-required']);
  });

  it('Bag-Info values: allowed / not allowed, with the message naming the field', async () => {
    const profile = profileOf({ 'Bag-Info': { 'Source-Organization': { values: ['York University', 'Simon Fraser University'] } } });
    expect(await profileCodes(bagOf({ info: 'Source-Organization: York University\n' }), profile)).toEqual([]);
    expect(await profileCodes(bagOf({ info: 'Source-Organization: Elsewhere\n' }), profile)).toEqual(['bagit.profile.bag-info-value']);
    const report = await validateBag(memorySource(bagOf({ info: 'Source-Organization: Elsewhere\n' })), { bagitProfile: profile, locale: 'en' });
    expect(report.issues[0]?.message).toContain('Bag-Info');
    expect(report.issues[0]).toMatchObject({ location: { line: 2 }, received: 'Elsewhere', expected: 'York University | Simon Fraser University' });
    const zh = await validateBag(memorySource(bagOf({ info: 'Source-Organization: Elsewhere\n' })), { bagitProfile: profile });
    expect(zh.issues[0]?.message).toContain('Profile 字段 Bag-Info');
  });

  it('Bag-Info repeatable: false / repeated (default true allows repeats)', async () => {
    const once = profileOf({ 'Bag-Info': { 'Contact-Name': { repeatable: false } } });
    expect(await profileCodes(bagOf({ info: 'Contact-Name: A\n' }), once)).toEqual([]);
    expect(await profileCodes(bagOf({ info: 'Contact-Name: A\nContact-Name: B\n' }), once)).toEqual(['bagit.profile.bag-info-repeated']);
    expect(await profileCodes(bagOf({ info: 'Contact-Name: A\nContact-Name: B\n' }), profileOf({ 'Bag-Info': { 'Contact-Name': {} } }))).toEqual([]);
  });

  it('Manifests-Required: present (bagit-python names too) / missing', async () => {
    expect(await profileCodes(bagOf({ algorithms: ['md5', 'sha256'] }), profileOf({ 'Manifests-Required': ['md5'] }))).toEqual([]);
    expect(await profileCodes(bagOf({ algorithms: ['sha3-256'] }), profileOf({ 'Manifests-Required': ['sha3_256'] }))).toEqual([]);
    expect(await profileCodes(bagOf(), profileOf({ 'Manifests-Required': ['md5'] }))).toEqual(['bagit.profile.manifest-required']);
  });

  it('Manifests-Allowed: listed / not listed', async () => {
    expect(await profileCodes(bagOf({ algorithms: ['sha256'] }), profileOf({ 'Manifests-Allowed': ['sha256', 'sha512'] }))).toEqual([]);
    expect(await profileCodes(bagOf({ algorithms: ['md5'] }), profileOf({ 'Manifests-Allowed': ['sha256', 'sha512'] }))).toEqual(['bagit.profile.manifest-not-allowed']);
  });

  it('Tag-Manifests-Required and Tag-Manifests-Allowed', async () => {
    expect(await profileCodes(bagOf({ algorithms: ['sha512'] }), profileOf({ 'Tag-Manifests-Required': ['sha512'], 'Tag-Manifests-Allowed': ['sha512'] }))).toEqual([]);
    const { 'tagmanifest-sha256.txt': _dropped, ...untagged } = bagOf();
    expect(await profileCodes(untagged, profileOf({ 'Tag-Manifests-Required': ['sha256'] }))).toEqual(['bagit.profile.tag-manifest-required']);
    expect(await profileCodes(bagOf({ algorithms: ['md5'] }), profileOf({ 'Tag-Manifests-Allowed': ['sha512'] }))).toEqual(['bagit.profile.tag-manifest-not-allowed']);
  });

  it('Tag-Files-Required: present / missing', async () => {
    const profile = profileOf({ 'Tag-Files-Required': ['DPN/dpnFirstNode.txt'] });
    expect(await profileCodes(bagOf({ extra: { 'DPN/dpnFirstNode.txt': 'x' } }), profile)).toEqual([]);
    expect(await profileCodes(bagOf(), profile)).toEqual(['bagit.profile.tag-file-required']);
  });

  it('Tag-Files-Allowed: matched by a * pattern / not matched; core tag files need no listing', async () => {
    const profile = profileOf({ 'Tag-Files-Allowed': ['DPN/*'] });
    expect(await profileCodes(bagOf({ extra: { 'DPN/dpnFirstNode.txt': 'x' } }), profile)).toEqual([]);
    expect(await profileCodes(bagOf({ extra: { 'notes.txt': 'x' } }), profile)).toEqual(['bagit.profile.tag-file-not-allowed']);
  });

  it('Payload-Files-Required (file and folder/) and Payload-Files-Allowed', async () => {
    const required = profileOf({ 'Payload-Files-Required': ['data/LICENSE.txt', 'data/src/'] });
    expect(await profileCodes(bagOf({ payload: { 'LICENSE.txt': 'x', 'src/a.c': 'y' } }), required)).toEqual([]);
    expect(await profileCodes(bagOf({ payload: { 'LICENSE.txt': 'x' } }), required)).toEqual(['bagit.profile.payload-file-required']);
    const allowed = profileOf({ 'Payload-Files-Allowed': ['data/*.pdf'] });
    expect(await profileCodes(bagOf({ payload: { 'a.pdf': 'x' } }), allowed)).toEqual([]);
    expect(await profileCodes(bagOf({ payload: { 'a.pdf': 'x', 'b.doc': 'y' } }), allowed)).toEqual(['bagit.profile.payload-file-not-allowed']);
  });

  it('Allow-Fetch.txt false and Fetch.txt-Required true', async () => {
    const withFetch = (): Record<string, string> => {
      const files = bagOf({ payload: { 'a.txt': 'hello', 'b.txt': 'world' } });
      delete files['data/b.txt'];
      return { ...files, 'fetch.txt': 'https://example.org/b.txt 5 data/b.txt\n' };
    };
    // A fetch.txt file left unfetched is a bagit.fetch.not-fetched error of its own: only the profile codes are compared.
    const codes = async (files: Record<string, string>, profile: BagitProfile) =>
      (await validateBag(memorySource(files), { bagitProfile: profile })).issues.map((i) => i.code).filter((c) => c.startsWith('bagit.profile.'));
    expect(await codes(withFetch(), profileOf({ 'Allow-Fetch.txt': false }))).toEqual(['bagit.profile.fetch-not-allowed']);
    expect(await codes(withFetch(), profileOf({ 'Allow-Fetch.txt': true, 'Fetch.txt-Required': true }))).toEqual([]);
    expect(await profileCodes(bagOf(), profileOf({ 'Allow-Fetch.txt': false }))).toEqual([]);
    expect(await profileCodes(bagOf(), profileOf({ 'Fetch.txt-Required': true }))).toEqual(['bagit.profile.fetch-required']);
  });

  it('Data-Empty: no file or one 0-byte file / content', async () => {
    const profile = profileOf({ 'Data-Empty': true });
    expect(await profileCodes(bagOf({ payload: { '.keep': '' } }), profile)).toEqual([]);
    expect(await profileCodes(bagOf({ payload: { 'a.txt': 'x' } }), profile)).toEqual(['bagit.profile.data-not-empty']);
    expect(await profileCodes(bagOf({ payload: { 'a.txt': '', 'b.txt': '' } }), profile)).toEqual(['bagit.profile.data-not-empty']);
  });

  it('Serialization and Accept-Serialization', async () => {
    const required = profileOf({ Serialization: 'required', 'Accept-Serialization': ['application/zip'] });
    expect(await profileCodes(bagOf(), required, 'application/zip')).toEqual([]);
    expect(await profileCodes(bagOf(), required)).toEqual(['bagit.profile.serialization-required']);
    expect(await profileCodes(bagOf(), required, 'application/x-tar')).toEqual(['bagit.profile.serialization-not-accepted']);
    // application/tar and application/x-tar are one family.
    expect(await profileCodes(bagOf(), profileOf({ 'Accept-Serialization': ['application/tar'] }), 'application/x-tar')).toEqual([]);
    const forbidden = profileOf({ Serialization: 'forbidden' });
    expect(await profileCodes(bagOf(), forbidden)).toEqual([]);
    expect(await profileCodes(bagOf(), forbidden, 'application/zip')).toEqual(['bagit.profile.serialization-forbidden']);
  });

  it('Accept-BagIt-Version: accepted / not accepted', async () => {
    expect(await profileCodes(bagOf({ version: '0.97' }), profileOf({ 'Accept-BagIt-Version': ['0.96', '0.97'] }))).toEqual([]);
    expect(await profileCodes(bagOf(), profileOf({ 'Accept-BagIt-Version': ['0.96', '0.97'] }))).toEqual(['bagit.profile.version-not-accepted']);
  });

  it('the specification example bagProfileFoo.json: a folder bag fails Serialization, version, Bag-Info and manifests', async () => {
    const parsed = parseBagitProfile(fixture('bagProfileFoo.json'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const report = await validateBag(memorySource(bagOf()), { bagitProfile: parsed.profile });
    expect(report.issues.map((i) => i.code).sort()).toEqual([
      'bagit.profile.bag-info-required',
      'bagit.profile.bag-info-required',
      'bagit.profile.bag-info-required',
      'bagit.profile.identifier-mismatch',
      'bagit.profile.manifest-required',
      'bagit.profile.serialization-required',
      'bagit.profile.version-not-accepted',
    ]);
  });
});

describe('malformed BagIt Profiles are refused with their problems', () => {
  it('reads both specification examples', () => {
    expect(parseBagitProfile(fixture('bagProfileFoo.json')).ok).toBe(true);
    expect(parseBagitProfile(JSON.stringify(fixture('bagProfileBar.json'))).ok).toBe(true);
  });

  it.each([
    ['not JSON', '{', 'JSON'],
    ['no BagIt-Profile-Info', null, 'BagIt-Profile-Info'],
    ['no Accept-BagIt-Version', { 'Accept-BagIt-Version': undefined }, 'Accept-BagIt-Version'],
    ['an empty Accept-BagIt-Version', { 'Accept-BagIt-Version': [] }, 'Accept-BagIt-Version'],
    ['a version that is not M.N', { 'Accept-BagIt-Version': ['one'] }, 'Accept-BagIt-Version.0'],
    ['required given as a string', { 'Bag-Info': { 'Contact-Name': { required: 'yes' } } }, 'Bag-Info.Contact-Name.required'],
    ['Serialization outside the enum', { Serialization: 'sometimes' }, 'Serialization'],
    ['Manifests-Allowed not covering Manifests-Required', { 'Manifests-Required': ['md5'], 'Manifests-Allowed': ['sha512'] }, 'Manifests-Allowed'],
    ['Tag-Files-Allowed not covering Tag-Files-Required', { 'Tag-Files-Required': ['a.txt'], 'Tag-Files-Allowed': ['b/*'] }, 'Tag-Files-Allowed'],
    ['Fetch.txt-Required without Allow-Fetch.txt', { 'Allow-Fetch.txt': false, 'Fetch.txt-Required': true }, 'Fetch.txt-Required'],
    ['Serialization required without media types', { Serialization: 'required' }, 'Accept-Serialization'],
    ['Manifests-Required not a list', { 'Manifests-Required': 'md5' }, 'Manifests-Required'],
  ] as [string, string | Record<string, unknown> | null, string][])('%s', (_name, change, field) => {
    const base = { 'BagIt-Profile-Info': { 'BagIt-Profile-Identifier': ID, 'Source-Organization': 'o', 'External-Description': 'd', Version: '1' }, 'Accept-BagIt-Version': ['1.0'] };
    // A string is the JSON text itself; `null` drops BagIt-Profile-Info; an object changes fields of a valid profile.
    const input = typeof change === 'string' ? change : change === null ? { 'Accept-BagIt-Version': ['1.0'] } : { ...base, ...change };
    const parsed = parseBagitProfile(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.some((p) => p.startsWith(field))).toBe(true);
  });

  it('* in patterns matches any characters, / included (as fnmatch); other characters are literal', () => {
    expect(matchesProfilePattern('DPN/a/b.txt', 'DPN/*')).toBe(true);
    expect(matchesProfilePattern('notes.txt', 'notes?txt')).toBe(false);
    expect(matchesProfilePattern('a(1).txt', 'a(1).txt')).toBe(true);
  });
});

