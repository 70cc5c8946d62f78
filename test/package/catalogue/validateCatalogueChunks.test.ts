// validateCatalogueChunks (the file read chunk by chunk, as `dangan catalogue check` reads it) gives the
// report validateCatalogue gives for the whole file: same issues, same line:column and XPath, same summary.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobChunkSource, validateCatalogue, validateCatalogueChunks, type ByteChunkSource } from '../../../src/index.js';
import { openFileChunkSource } from '../../../src/node/index.js';
import { catalogueFixtures, catalogueXml, cleanEntries, faultyEntries } from '../../fixtures/catalogue/generate.js';

/** The bytes cut at the given offsets (modulo the length). */
function cutSource(bytes: Uint8Array, cuts: readonly number[]): ByteChunkSource {
  const at = [...new Set(cuts.map((c) => c % Math.max(1, bytes.length)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...at, bytes.length]) {
    pieces.push(bytes.slice(from, cut));
    from = cut;
  }
  let closed = false;
  return {
    read: async () => pieces.shift(),
    close: () => {
      expect(closed).toBe(false);
      closed = true;
    },
  };
}

const utf8 = (entries: typeof cleanEntries) => new TextEncoder().encode(catalogueXml(entries, { encoding: 'UTF-8' }).replace(/\n/g, '\r\n'));
const bases: Record<string, Uint8Array> = { ...catalogueFixtures(), 'clean.utf8.crlf.xml': utf8(cleanEntries), 'faulty.utf8.crlf.xml': utf8(faultyEntries) };
const cuts = fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 10 });

describe('validateCatalogueChunks', () => {
  it('property: the fixtures, cut anywhere, give the whole-file report', async () => {
    for (const [name, bytes] of Object.entries(bases)) {
      const expected = validateCatalogue(bytes, { path: name });
      expect(expected.issues.length > 0 || name.startsWith('clean')).toBe(true);
      await fc.assert(
        fc.asyncProperty(cuts, async (at) => {
          expect(await validateCatalogueChunks(cutSource(bytes, at), { path: name })).toEqual(expected);
        }),
        { numRuns: 60, seed: 22 },
      );
    }
  });

  it('property: mutated catalogues (bytes replaced, cut, spliced) read in chunks give the whole-file report', async () => {
    const base = bases['faulty.utf8.crlf.xml']!;
    await fc.assert(
      fc.asyncProperty(fc.nat(base.length - 1), fc.nat(base.length), fc.uint8Array({ maxLength: 8 }), cuts, async (at, cut, insert, where) => {
        const bytes = new Uint8Array([...base.subarray(0, at), ...insert, ...base.subarray(at + 1, Math.max(at + 1, cut))]);
        expect(await validateCatalogueChunks(cutSource(bytes, where))).toEqual(validateCatalogue(bytes));
      }),
      { numRuns: 400, seed: 64 },
    );
  });

  it('reads a file from disk (openFileChunkSource) and a Blob (blobChunkSource) in small chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangan-chunks-'));
    try {
      const bytes = bases['faulty.utf8.crlf.xml']!;
      const file = join(dir, '目录文件.XML');
      writeFileSync(file, bytes);
      const expected = validateCatalogue(bytes);
      const opened = openFileChunkSource(file, 1 << 20, 37);
      expect(opened.size).toBe(bytes.length);
      expect(await validateCatalogueChunks(opened.source!)).toEqual(expected);
      expect(openFileChunkSource(file, bytes.length - 1)).toEqual({ size: bytes.length }); // over the cap: not opened
      expect(await validateCatalogueChunks(blobChunkSource(new Blob([new Uint8Array(bytes)]), 53))).toEqual(expected);
      const gb = bases['faulty.gb18030.xml']!;
      writeFileSync(file, gb);
      expect(await validateCatalogueChunks(openFileChunkSource(file, 1 << 20, 41).source!)).toEqual(validateCatalogue(gb));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown encoding stops reading early: the summary still counts the whole file, and well-formedness is skipped, not passed', async () => {
    const text = catalogueXml(cleanEntries, { encoding: 'UTF-8' }).replace('encoding="UTF-8"', 'encoding="TTF-8"');
    const bytes = new TextEncoder().encode(text);
    const whole = validateCatalogue(bytes);
    const chunked = await validateCatalogueChunks(blobChunkSource(new Blob([bytes]), 16));
    expect(chunked).toEqual(whole);
    expect(whole.summary.bytes).toBe(bytes.length);
    expect(whole.issues.map((i) => i.code)).toEqual(['xml.encoding-unknown']);
    expect(Object.fromEntries(whole.checks.map((c) => [c.id, c.status]))).toMatchObject({ 'catalogue.encoding': 'failed', 'catalogue.well-formed': 'skipped' });
  });
});
