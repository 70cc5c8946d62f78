import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimTable, FileIndex, joinClaims } from '../../../src/package/fixity/claimTable.js';
import type { FixityClaim } from '../../../src/formats/fixity/fixityClaim.js';
import type { PackageEntry } from '../../../src/package/source.js';

const entries: PackageEntry[] = [
  { path: 'pkg', kind: 'directory', size: 0 },
  { path: 'pkg/a', kind: 'directory', size: 0 },
  { path: 'pkg/a/1.pdf', kind: 'file', size: 10 },
  { path: 'pkg/a/2.pdf', kind: 'file', size: 20 },
  { path: 'pkg/其他/固化验证信息.XML', kind: 'file', size: 5 },
];
const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
const claim: fc.Arbitrary<FixityClaim> = fc.oneof(
  fc.record({ algorithm: fc.constant('sm3' as const), digest: hex(64) }),
  fc.record({ algorithm: fc.constant('md5' as const), digest: hex(32) }),
  fc.record({ algorithm: fc.constant('sha512' as const), digest: hex(128) }),
).chain(({ algorithm, digest }) =>
  fc.record({
    path: fc.constantFrom('a/1.pdf', 'a/2.pdf', '其他/固化验证信息.XML', 'a/missing.pdf', '../escape.pdf', '/abs.pdf'),
    algorithm: fc.constant(algorithm),
    digest: fc.constant(digest),
    bytes: fc.option(fc.nat(), { nil: undefined }),
    kind: fc.constantFrom('fixity-file' as const, 'metadata' as const, 'manifest' as const),
    evidence: fc.constantFrom('pkg/其他/固化验证信息.XML', 'pkg/a/电子档案元数据.XML', 'pkg/manifest-md5.txt'),
    location: fc.option(
      fc.record({ line: fc.integer({ min: 1, max: 1e6 }), column: fc.integer({ min: 1, max: 999 }), xpath: fc.option(fc.constantFrom('/固化验证信息/文件', '/固化验证信息/文件[12345]', '/文件实体/电子属性[2]/数字摘要'), { nil: undefined }) }).map(
        ({ xpath, ...rest }) => (xpath === undefined ? rest : { ...rest, xpath }),
      ),
      { nil: undefined },
    ),
  }),
);

describe('ClaimTable keeps claims as columns and gives them back as they were', () => {
  it('property: every claim round-trips; listed safe paths become file indexes, the others stay as written', () => {
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 40 }), (claims) => {
        const files = new FileIndex(entries);
        const table = new ClaimTable(files, 'pkg/');
        for (const c of claims) table.push(c);
        expect(table.length).toBe(claims.length);
        claims.forEach((c, n) => {
          expect(table.get(n)).toEqual({ ...c, location: c.location });
          expect(table.fileOf(n)).toBe(files.indexOf(`pkg/${c.path}`) >= 0 && !c.path.startsWith('..') && !c.path.startsWith('/') ? files.indexOf(`pkg/${c.path}`) : -1);
          expect(table.digestIs(n, c.digest)).toBe(true);
          expect(table.digestIs(n, c.digest.toUpperCase())).toBe(c.digest === c.digest.toUpperCase());
          expect(table.digestIs(n, `${c.digest.slice(0, -1)}${c.digest.endsWith('0') ? '1' : '0'}`)).toBe(false);
          expect(table.digestIs(n, undefined)).toBe(false);
        });
      }),
    );
  });

  it('truncate drops the claims from a point on, and pushing again reuses their room', () => {
    const table = new ClaimTable(new FileIndex(entries), 'pkg/');
    const base = { algorithm: 'md5' as const, kind: 'fixity-file' as const, evidence: 'e' };
    table.push({ ...base, path: 'gone.pdf', digest: 'a'.repeat(32) });
    table.push({ ...base, path: 'a/1.pdf', digest: 'b'.repeat(32) });
    table.truncate(0);
    expect(table.length).toBe(0);
    table.push({ ...base, path: 'a/2.pdf', digest: 'c'.repeat(32) });
    expect(table.get(0)).toMatchObject({ path: 'a/2.pdf', digest: 'c'.repeat(32) });
    expect(table.fileOf(0)).toBe(1);
  });

  it('joinClaims reads several tables as one, in order', () => {
    const files = new FileIndex(entries);
    const [a, b] = [new ClaimTable(files, 'pkg/'), new ClaimTable(files, 'pkg/')];
    const base = { algorithm: 'md5' as const, kind: 'metadata' as const, evidence: 'e' };
    a.push({ ...base, path: 'a/1.pdf', digest: '1'.repeat(32) });
    b.push({ ...base, path: 'a/2.pdf', digest: '2'.repeat(32), bytes: 20 });
    b.push({ ...base, path: 'x.pdf', digest: '3'.repeat(32) });
    const joined = joinClaims([a, new ClaimTable(files, 'pkg/'), b]);
    expect(joined.length).toBe(3);
    expect([0, 1, 2].map((n) => [joined.get(n).path, joined.fileOf(n), joined.bytesOf(n)])).toEqual([
      ['a/1.pdf', 0, undefined],
      ['a/2.pdf', 1, 20],
      ['x.pdf', -1, undefined],
    ]);
    expect(() => joined.get(3)).toThrow(RangeError);
  });
});
