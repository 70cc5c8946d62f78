import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateBag } from '../../../src/package/bagit/index.js';
import type { PackageSource } from '../../../src/package/source.js';
import { bagFiles, hex, memorySource, type MemoryFile } from './memorySource.js';

const codesOf = async (files: Record<string, MemoryFile>, options = {}) =>
  (await validateBag(memorySource(files), options)).issues.map((i) => `${i.severity}:${i.code}`);

/** Recomputes the tag manifests after a test edited tag files, so only the edit under test is wrong. */
function retag(files: Record<string, string>, algorithm: 'sha256' = 'sha256'): Record<string, string> {
  const names = Object.keys(files).filter((n) => !n.startsWith('data/') && !n.startsWith('tagmanifest-'));
  return { ...files, [`tagmanifest-${algorithm}.txt`]: names.map((n) => `${hex(algorithm, files[n] as string)}  ${n}\n`).join('') };
}

describe('validateBag on well-formed bags', () => {
  it('accepts a 1.0 bag with no issue and reports every stage', async () => {
    const report = await validateBag(memorySource(bagFiles({ 'a.txt': 'hello', '文书/通知.txt': '通知' }, { algorithms: ['sha256', 'sha512'] })));
    expect(report).toMatchObject({ valid: true, profile: 'bagit', summary: { errors: 0, warnings: 0, files: 2, bytes: 11 } });
    expect(report.checks.map((c) => `${c.id}:${c.status}`)).toEqual([
      'bagit.declaration:passed',
      'bagit.structure:passed',
      'bagit.manifests:passed',
      'bagit.metadata:passed',
      'bagit.fetch:skipped',
      'bagit.oxum:passed',
      'bagit.completeness:passed',
      'bagit.fixity:passed',
      'bagit.lint:passed',
    ]);
  });

  it('1.0 names with percent-encoded CR, LF and % match the files; sm3 is verified and noted as non-standard', async () => {
    const files = bagFiles({ 'a\nb.txt': 'x', 'c\rd%.txt': 'y', '100%25.txt': 'z' }, { algorithms: ['sm3'], manifestPath: (p) => p.replace(/[%\r\n]/g, (c) => (c === '%' ? '%25' : c === '\r' ? '%0D' : '%0A')) });
    expect(await codesOf(files)).toEqual(['info:bagit.lint.non-standard-algorithm']);
  });

  it('before 1.0, %25 is not decoded: data/%25.txt names a file called "%25.txt"', async () => {
    expect(await codesOf(bagFiles({ '%25.txt': 'x' }, { version: '0.97', algorithms: ['sha256'] }))).toEqual(['warning:bagit.lint.old-version']);
  });

  it('matches an NFD manifest name to an NFC file, with a different-normalization lint', async () => {
    const files = bagFiles({ 'Nu\u0301n\u0303ez': '' }, { algorithms: ['sha256'] });
    expect(await codesOf(files)).toEqual(['warning:bagit.lint.different-normalization']);
  });

  it('reads package-info.txt for 0.93–0.95 and bag-info.txt from 0.96', async () => {
    const base = bagFiles({ 'a.txt': 'abc' }, { version: '0.95', bagInfo: 'Payload-Oxum: 9.9\n' });
    const { 'bag-info.txt': info, ...rest } = base;
    const old = retag({ ...rest, 'package-info.txt': info as string });
    expect(await codesOf(old, { suppress: ['bagit.lint.old-version'] })).toEqual(['error:bagit.oxum.mismatch']);
  });
});

describe('every MUST of RFC 8493 (issue 18 item 5)', () => {
  it('§2.2.1: a tag manifest that lists a payload file is an error', async () => {
    const files = bagFiles({ 'a.txt': 'a' });
    files['tagmanifest-sha256.txt'] += `${hex('sha256', 'a')}  data/a.txt\n`;
    const report = await validateBag(memorySource(files), { locale: 'en' });
    expect(report.valid).toBe(false);
    expect(report.issues.map((i) => `${i.severity}:${i.code}`)).toEqual(['error:bagit.manifest.tag-lists-payload']);
    expect(report.issues[0]).toMatchObject({ path: 'tagmanifest-sha256.txt', location: { line: 4, column: 1 }, received: 'data/a.txt', message: expect.stringContaining('§2.2.1') });
  });

  it('§2.2.1: a tag manifest that lists another tag manifest is an error', async () => {
    const files = bagFiles({ 'a.txt': 'a' }, { algorithms: ['sha256', 'sha512'] });
    files['tagmanifest-sha256.txt'] += `${hex('sha256', files['tagmanifest-sha512.txt'] as string)}  tagmanifest-sha512.txt\n`;
    const report = await validateBag(memorySource(files));
    expect(report.issues.map((i) => `${i.severity}:${i.code}:${i.received}`)).toEqual(['error:bagit.manifest.tag-lists-tag-manifest:tagmanifest-sha512.txt']);
  });

  it('§2.2.1: a tag manifest that omits a payload manifest is an error, whatever its algorithm', async () => {
    const files = bagFiles({ 'a.txt': 'a' });
    files['tagmanifest-sha256.txt'] = (files['tagmanifest-sha256.txt'] as string).split('\n').filter((l) => !l.endsWith('manifest-sha256.txt')).join('\n');
    const report = await validateBag(memorySource(files));
    expect(report.issues.map((i) => `${i.severity}:${i.code}:${i.path}:${i.expected}`)).toEqual(['error:bagit.manifest.tag-omits-payload-manifest:tagmanifest-sha256.txt:manifest-sha256.txt']);
    const unknown = bagFiles({ 'a.txt': 'a' });
    unknown['manifest-blake3.txt'] = 'ab  data/a.txt\n';
    const codes = await codesOf(unknown);
    expect(codes).toContain('error:bagit.manifest.tag-omits-payload-manifest');
    // A bag without tag manifests has nothing to omit (tag manifests are optional, §2.2.1).
    const none = bagFiles({ 'a.txt': 'a' });
    delete none['tagmanifest-sha256.txt'];
    expect(await codesOf(none)).toEqual([]);
  });

  it('§2.1.1: a bag declaring BagIt-Version 2.0, 1.1 or 0.92 is invalid', async () => {
    for (const version of ['2.0', '1.1', '0.92']) {
      const report = await validateBag(memorySource(bagFiles({ 'a.txt': 'a' }, { version })));
      expect(report.valid, version).toBe(false);
      expect(report.issues.map((i) => `${i.severity}:${i.code}`), version).toContain('error:bagit.bagit-txt.version-unsupported');
    }
  });

  it('§2.1.1: a blank line in bagit.txt is an extra line, an error', async () => {
    const files = bagFiles({ 'a.txt': 'a' });
    files['bagit.txt'] += '\n';
    expect(await codesOf(retag(files))).toEqual(['error:bagit.bagit-txt.extra-line']);
  });

  it('§2.2.3: blank and whitespace-only lines in fetch.txt are errors with their line', async () => {
    const files = bagFiles({ 'a.txt': 'a', 'b.txt': 'b' }, { bagInfo: 'Payload-Oxum: 1.1\n' });
    delete files['data/b.txt'];
    files['fetch.txt'] = 'https://example.org/b 1 data/b.txt\n\n \t\n';
    const report = await validateBag(memorySource(retag(files)));
    const blank = report.issues.filter((i) => i.code === 'bagit.fetch.blank-line');
    expect(blank.map((i) => `${i.severity}:${i.path}:${i.location?.line}`)).toEqual(['error:fetch.txt:2', 'error:fetch.txt:3']);
    expect(report.checks.find((c) => c.id === 'bagit.fetch')?.status).toBe('failed');
  });

  it('a payload file merely named bagit.txt is not a bag within the bag; bagit.txt + manifest + data/ is', async () => {
    expect(await codesOf(bagFiles({ 'bagit.txt': 'notes', 'sub/bagit.txt': 'more notes', 'manifest-md5.txt': 'x' }))).toEqual([]);
    const nested = bagFiles({ 'inner/bagit.txt': 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n', 'inner/manifest-sha256.txt': '', 'inner/data/x': 'x' });
    const report = await validateBag(memorySource(nested));
    expect(report.issues.map((i) => `${i.code}:${i.path}`)).toEqual(['bagit.lint.bag-within-bag:data/inner/bagit.txt']);
  });
});

describe('validateBag rules (each bag breaks one rule)', () => {
  it('a missing payload file, an unlisted one, and a missing tag file', async () => {
    const files = bagFiles({ 'a.txt': 'a', 'b.txt': 'b' });
    delete files['data/b.txt'];
    files['data/extra.txt'] = '';
    const report = await validateBag(memorySource(files), { locale: 'en' });
    expect(report.issues.find((i) => i.code === 'bagit.payload.missing')).toMatchObject({ path: 'data/b.txt', severity: 'error', aspect: 'integrity', message: expect.stringContaining('manifest-sha256.txt') });
    expect(report.issues.find((i) => i.code === 'bagit.payload.unlisted')?.path).toBe('data/extra.txt');
    const noInfo = bagFiles({ 'a.txt': 'a' });
    delete noInfo['bag-info.txt'];
    expect(await codesOf(noInfo)).toEqual(['warning:bagit.lint.payload-oxum-missing', 'error:bagit.tag-file.missing']);
  });

  it('two stored names that are equal after NFC conflict (RFC 8493 §6.1)', async () => {
    const files: Record<string, MemoryFile> = { ...bagFiles({ 'caf\u00e9': '1' }), 'data/cafe\u0301': { bytes: '2', renamed: true } };
    expect(await codesOf(files)).toContain('error:bagit.payload.normalization-conflict');
  });

  it('links and special files are reported, never followed', async () => {
    const source = memorySource({ ...bagFiles({ 'a.txt': 'a' }), 'data/link': { kind: 'symlink' } });
    const report = await validateBag(source);
    expect(report.issues.map((i) => `${i.code}:${i.path}`)).toContain('bagit.entry.not-regular:data/link');
    expect(source.log).not.toContain('data/link');
  });

  it('fetch.txt: a listed file not yet fetched makes the bag incomplete; bad URLs, paths and lines are errors; nothing is fetched', async () => {
    const files = bagFiles({ 'a.txt': 'a', 'b.txt': 'b' }, { bagInfo: 'Payload-Oxum: 1.1\n' });
    delete files['data/b.txt'];
    files['fetch.txt'] = 'https://example.org/b - data/b.txt\nnot-a-url 1 data/c.txt\nhttps://example.org/x 3 bag-info.txt\nhttps://example.org/y - ../y\ngarbage\n';
    const report = await validateBag(memorySource(retag(files)));
    const found = report.issues.map((i) => `${i.code}:${i.path ?? ''}:${i.location?.line ?? ''}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'bagit.fetch.not-fetched:data/b.txt:',
        'bagit.fetch.url-invalid:fetch.txt:2',
        'bagit.fetch.outside-payload:fetch.txt:3',
        'bagit.path.traversal:fetch.txt:4',
        'bagit.fetch.malformed-line:fetch.txt:5',
        'bagit.fetch.unlisted:data/c.txt:',
      ]),
    );
    expect(found.some((f) => f.startsWith('bagit.payload.missing'))).toBe(false);
  });

  it('manifest problems: malformed lines (with line number), entries outside data/, unsupported algorithms, no payload manifest', async () => {
    const files = bagFiles({ 'a.txt': 'a' });
    files['manifest-sha256.txt'] += `zz  data/b\n${hex('sha256', 'x')}  bag-info.txt\n`;
    files['manifest-blake3.txt'] = 'ab  data/a.txt\n';
    const report = await validateBag(memorySource(retag(files)));
    expect(report.issues.find((i) => i.code === 'bagit.manifest.malformed-line')).toMatchObject({ path: 'manifest-sha256.txt', location: { line: 2, column: 1 } });
    expect(report.issues.find((i) => i.code === 'bagit.manifest.outside-payload')?.received).toBe('bag-info.txt');
    expect(report.issues.find((i) => i.code === 'bagit.manifest.unsupported-algorithm')?.severity).toBe('warning');
    const none = bagFiles({ 'a.txt': 'a' });
    delete none['manifest-sha256.txt'];
    expect(await codesOf(retag(none))).toContain('error:bagit.manifest.missing');
  });

  it('a bag without data/ and a bag without bagit.txt', async () => {
    expect(await codesOf({ 'bagit.txt': 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n', 'notes.txt': '' })).toEqual(
      expect.arrayContaining(['error:bagit.payload.directory-missing', 'error:bagit.manifest.missing']),
    );
    expect(await codesOf({ 'data/a': 'a' })).toEqual(['error:bagit.bagit-txt.missing']);
  });

  it('Payload-Oxum: malformed is an error; repeated is an error (RFC 8493 §2.2.2), a warning with allowRepeatedOxum', async () => {
    expect(await codesOf(retag(bagFiles({ 'a.txt': 'a' }, { bagInfo: 'Payload-Oxum: one.1\n' })))).toEqual(['error:bagit.oxum.malformed']);
    const twice = retag(bagFiles({ 'a.txt': 'a' }, { bagInfo: 'Payload-Oxum: 1.1\npayload-oxum: 1.1\n' }));
    const strict = await validateBag(memorySource(twice));
    expect(strict.valid).toBe(false);
    expect(strict.issues.map((i) => `${i.severity}:${i.code}`)).toEqual(['error:bagit.oxum.multiple']);
    const lenient = await validateBag(memorySource(twice), { allowRepeatedOxum: true });
    expect(lenient.valid).toBe(true);
    expect(lenient.issues.map((i) => `${i.severity}:${i.code}`)).toEqual(['warning:bagit.oxum.multiple']);
    // The lenient reading still checks every value.
    const wrong = retag(bagFiles({ 'a.txt': 'a' }, { bagInfo: 'Payload-Oxum: 1.1\nPayload-Oxum: 2.1\n' }));
    expect(await codesOf(wrong, { allowRepeatedOxum: true })).toEqual(['warning:bagit.oxum.multiple', 'error:bagit.oxum.mismatch']);
  });

  it('bag-info.txt lines that are neither elements nor continuations are errors with their line', async () => {
    const report = await validateBag(memorySource(retag(bagFiles({ 'a.txt': 'a' }, { bagInfo: 'Payload-Oxum: 1.1\nno colon\n' }))));
    expect(report.issues).toEqual([expect.objectContaining({ code: 'bagit.bag-info.malformed-line', path: 'bag-info.txt', location: { line: 2, column: 1 } })]);
  });

  it('tag files: a UTF-8 BOM in a manifest is skipped with a warning; bytes invalid in the declared encoding are an error', async () => {
    const files = bagFiles({ 'a.txt': 'a' });
    files['manifest-sha256.txt'] = `\uFEFF${files['manifest-sha256.txt']}`;
    expect(await codesOf(retag(files))).toEqual(['warning:bagit.tag-file.bom']);
    const bad: Record<string, MemoryFile> = { ...bagFiles({ 'a.txt': 'a' }) };
    bad['bag-info.txt'] = new Uint8Array([0x41, 0x3a, 0x20, 0xc3]);
    expect(await codesOf(bad, { fixity: false })).toEqual(['error:bagit.tag-file.decode-failed', 'warning:bagit.lint.payload-oxum-missing']);
  });

  it('GB18030 tag files are decoded as declared (with a tag-file-encoding lint)', async () => {
    const gb = new Uint8Array([...new TextEncoder().encode('Source-Organization: '), 0xb5, 0xb5, 0xb0, 0xb8, 0xb9, 0xdd, 0x0a, ...new TextEncoder().encode('Payload-Oxum: 1.1\n')]);
    const files: Record<string, MemoryFile> = { ...bagFiles({ 'a.txt': 'a' }), 'bagit.txt': 'BagIt-Version: 1.0\nTag-File-Character-Encoding: GB18030\n', 'bag-info.txt': gb };
    expect(await codesOf(files, { fixity: false })).toEqual(['warning:bagit.lint.tag-file-encoding']);
  });

  it('duplicate entries: same digest is a warning before 1.0 and an error in 1.0; different digests always an error', async () => {
    const dup = (version: string, second: string) => {
      const files = bagFiles({ 'a.txt': 'a' }, { version });
      files['manifest-sha256.txt'] += `${second}  data/a.txt\n`;
      return retag(files);
    };
    expect(await codesOf(dup('0.97', hex('sha256', 'a')), { suppress: ['bagit.lint.old-version'] })).toEqual(['warning:bagit.manifest.duplicate']);
    expect(await codesOf(dup('1.0', hex('sha256', 'a')))).toEqual(['error:bagit.manifest.duplicate']);
    expect(await codesOf(dup('0.97', hex('sha256', 'b')), { suppress: ['bagit.lint.old-version'] })).toEqual(['error:bagit.manifest.duplicate-mismatch']);
  });

  it('case collisions on disk are linted; OS artefacts are linted', async () => {
    expect(await codesOf(bagFiles({ 'Read.me': 'a', 'read.ME': 'b', 'x/Thumbs.db': '' }))).toEqual(
      expect.arrayContaining(['warning:bagit.lint.different-case', 'warning:bagit.lint.os-files']),
    );
  });

  it('a payload file that cannot be read is an error, not a throw', async () => {
    const inner = memorySource(bagFiles({ 'a.txt': 'a' }));
    const broken: PackageSource = {
      ...inner,
      async *digest(requests) {
        for (const r of requests) yield { path: r.path, bytes: 0, digests: {}, error: 'EIO' };
      },
    };
    const report = await validateBag(broken);
    expect(report.valid).toBe(false);
    expect(report.issues.filter((i) => i.code === 'bagit.fixity.unreadable').map((i) => i.path)).toContain('data/a.txt');
    const throwing: PackageSource = {
      ...inner,
      async *digest() {
        throw new Error('disk gone');
      },
    };
    expect((await validateBag(throwing)).issues.map((i) => `${i.code}:${i.params?.reason}`)).toEqual(['bagit.fixity.unreadable:disk gone']);
    const noDeclaration: PackageSource = { ...inner, read: () => Promise.reject(new Error('EIO')) };
    expect((await validateBag(noDeclaration)).issues.map((i) => `${i.code}:${i.path}`)).toEqual(['bagit.fixity.unreadable:bagit.txt']);
    const unlistable: PackageSource = { ...inner, entries: () => Promise.reject(new Error('EACCES')) };
    expect((await validateBag(unlistable)).issues).toEqual([expect.objectContaining({ code: 'input.unreadable', severity: 'error' })]);
  });
});

describe('options', () => {
  const oldBag = () => bagFiles({ 'a.txt': 'a' }, { version: '0.97', algorithms: ['md5'] });

  it('suppress drops lint codes; severityOverrides turns a lint into an error', async () => {
    expect(await codesOf(oldBag())).toEqual(['warning:bagit.lint.old-version', 'warning:bagit.lint.weak-algorithm']);
    expect(await codesOf(oldBag(), { suppress: ['bagit.lint.old-version', 'bagit.lint.weak-algorithm'] })).toEqual([]);
    const strict = await validateBag(memorySource(oldBag()), { severityOverrides: { 'bagit.lint.weak-algorithm': 'error' } });
    expect(strict.valid).toBe(false);
    expect(await codesOf(oldBag(), { severityOverrides: { 'bagit.lint.old-version': 'off', 'bagit.lint.weak-algorithm': 'info' } })).toEqual(['info:bagit.lint.weak-algorithm']);
    await expect(validateBag(memorySource(oldBag()), { suppress: ['bagit.fixity.mismatch'] })).rejects.toThrow(TypeError);
  });

  it('messages follow the locale (zh-CN by default, en on request)', async () => {
    const zh = await validateBag(memorySource(oldBag()));
    const en = await validateBag(memorySource(oldBag()), { locale: 'en' });
    expect(zh.issues[0]?.message).toBe('BagIt 版本 0.97 早于 1.0');
    expect(en.issues[0]?.message).toBe('BagIt version 0.97 is older than 1.0');
  });

  it('fixity: false never hashes; fast never hashes and never lists payload against manifests', async () => {
    const files = bagFiles({ 'a.txt': 'a' });
    files['data/a.txt'] = 'b';
    const source = memorySource(files);
    expect((await validateBag(source, { fixity: false })).valid).toBe(true);
    expect(source.log.filter((p) => p.startsWith('data/'))).toEqual([]);
    const fast = await validateBag(source, { fast: true });
    expect(fast.valid).toBe(true);
    expect(fast.checks.filter((c) => c.status === 'skipped').map((c) => c.id)).toEqual(['bagit.fetch', 'bagit.completeness', 'bagit.fixity']);
    expect((await validateBag(source)).issues.map((i) => i.code)).toEqual(['bagit.fixity.mismatch']);
  });
});

describe('robustness', () => {
  it('property: arbitrary tag-file content never makes validateBag throw; every issue is catalogued and placed', async () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('BagIt-Version: 1.0', 'BagIt-Version : 0.97', 'Tag-File-Character-Encoding: UTF-16', `${hex('sha256', 'a')}  data/a.txt`, `${hex('sha256', 'a')} *./data/%0A`, 'http://x/a - ../a', 'Payload-Oxum: 1.1', '  folded'),
    );
    const text = fc.tuple(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r')).map(([lines, eol]) => lines.join(eol));
    const declaration = fc.oneof({ arbitrary: fc.constant('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'), weight: 3 }, { arbitrary: text, weight: 1 });
    await fc.assert(
      fc.asyncProperty(fc.record({ declaration, manifest: text, info: text, fetch: text, raw: fc.uint8Array({ maxLength: 32 }) }), async (t) => {
        const files: Record<string, MemoryFile> = {
          'bagit.txt': t.declaration,
          'manifest-sha256.txt': t.manifest,
          'tagmanifest-md5.txt': t.raw,
          'bag-info.txt': t.info,
          'fetch.txt': t.fetch,
          'data/a.txt': 'a',
        };
        const report = await validateBag(memorySource(files));
        expect(report.profile).toBe('bagit');
        for (const issue of report.issues) {
          expect(issue.code).toMatch(/^(bagit\.|input\.)/);
          expect(issue.message).not.toMatch(/\{\w+\}/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
