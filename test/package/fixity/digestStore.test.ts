import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DigestStore } from '../../../src/package/fixity/digestStore.js';
import type { ContentScan } from '../../../src/package/format/contentScanner.js';
import type { DigestResult } from '../../../src/package/source.js';

const pdfScan = (): ContentScan => ({ format: 'pdf', textHead: false, markers: new Set(), complete: true });

describe('DigestStore keeps digest results as bytes and gives them back as they were', () => {
  it('round-trips lower-case hex digests of every algorithm, sizes and scans', () => {
    const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
    fc.assert(
      fc.property(
        fc.array(fc.record({ sm3: hex(64), md5: hex(32), sha512: hex(128), bytes: fc.nat(), scanned: fc.boolean() }), { minLength: 1, maxLength: 20 }),
        (rows) => {
          const store = new DigestStore();
          const results: DigestResult[] = rows.map((r, i) => ({ path: `a/${i}.pdf`, bytes: r.bytes, digests: { sm3: r.sm3, md5: r.md5, sha512: r.sha512 }, ...(r.scanned ? { scan: pdfScan() } : {}) }));
          for (const result of results) store.set(result);
          for (const result of results) {
            expect(store.get(result.path)).toEqual(result);
            expect(store.bytesOf(result.path)).toBe(result.bytes);
          }
        },
      ),
    );
  });

  it('shares one scan object between files that scanned alike, and tells different scans apart', () => {
    const store = new DigestStore();
    store.set({ path: 'a.pdf', bytes: 1, digests: {}, scan: pdfScan() });
    store.set({ path: 'b.pdf', bytes: 1, digests: {}, scan: pdfScan() });
    store.set({ path: 'c.pdf', bytes: 1, digests: {}, scan: { ...pdfScan(), markers: new Set(['pdf-encrypt']) } });
    expect(store.scanOf('a.pdf')).toBe(store.scanOf('b.pdf'));
    expect(store.scanOf('c.pdf')?.markers.has('pdf-encrypt')).toBe(true);
    expect(store.scanOf('a.pdf')?.markers.size).toBe(0);
  });

  it('keeps as they are the results that do not fit bytes: read errors, upper-case or short digests', () => {
    const store = new DigestStore();
    const odd: DigestResult[] = [
      { path: 'e', bytes: 0, digests: {}, error: 'EACCES' },
      { path: 'u', bytes: 3, digests: { md5: 'ABCDEF0123456789ABCDEF0123456789' } },
      { path: 's', bytes: 3, digests: { md5: 'abc' } },
    ];
    for (const result of odd) store.set(result);
    for (const result of odd) expect(store.get(result.path)).toBe(result);
  });

  it('says what a request still lacks: nothing, missing algorithms, a scan, or everything after an error', () => {
    const store = new DigestStore();
    store.set({ path: 'a', bytes: 1, digests: { sm3: '0'.repeat(64) } });
    store.set({ path: 'e', bytes: 0, digests: {}, error: 'gone' });
    expect(store.lacks({ path: 'a', algorithms: ['sm3'] })).toBeUndefined();
    expect(store.lacks({ path: 'a', algorithms: ['sm3', 'md5'] })).toEqual({ path: 'a', algorithms: ['md5'] });
    expect(store.lacks({ path: 'a', algorithms: ['sm3'], scan: { limit: 9 } })).toEqual({ path: 'a', algorithms: [], scan: { limit: 9 } });
    const whole = { path: 'e', algorithms: ['sm3' as const] };
    expect(store.lacks(whole)).toBe(whole);
    expect(store.lacks({ path: 'new', algorithms: ['sm3'] })).toEqual({ path: 'new', algorithms: ['sm3'] });
  });

  it('replaces what it kept for a path, and forgets it on delete', () => {
    const store = new DigestStore();
    store.set({ path: 'a', bytes: 1, digests: { md5: '1'.repeat(32) } });
    store.set({ path: 'a', bytes: 2, digests: { md5: '2'.repeat(32) } });
    expect(store.get('a')).toEqual({ path: 'a', bytes: 2, digests: { md5: '2'.repeat(32) } });
    store.delete('a');
    expect(store.get('a')).toBeUndefined();
  });
});

describe('DigestStore marks what a prefetch queued', () => {
  it('marks a path once, keeps its result over the mark, and a delete clears both', () => {
    const store = new DigestStore();
    expect(store.mark('a.pdf')).toBe(true);
    expect(store.mark('a.pdf')).toBe(false);
    // Marked, not kept: nothing to answer from.
    expect(store.get('a.pdf')).toBeUndefined();
    expect(store.lacks({ path: 'a.pdf', algorithms: ['md5'] })).toEqual({ path: 'a.pdf', algorithms: ['md5'] });
    store.set({ path: 'a.pdf', bytes: 3, digests: { md5: '0'.repeat(32) } });
    expect(store.mark('a.pdf')).toBe(false);
    expect(store.get('a.pdf')).toEqual({ path: 'a.pdf', bytes: 3, digests: { md5: '0'.repeat(32) } });
    store.set({ path: 'b.pdf', bytes: 0, digests: {}, error: 'gone' });
    expect(store.mark('b.pdf')).toBe(false);
    store.delete('a.pdf');
    expect(store.mark('a.pdf')).toBe(true);
  });
});
