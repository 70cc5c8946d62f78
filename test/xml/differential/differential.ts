// Differential testing of readXml against libxml2 (xmllint): documents generated from the XML 1.0
// grammar with fast-check, then mutated byte by byte (deleted, inserted, duplicated, swapped).
// Both must give the same well-formedness verdict. Used by differential.test.ts (10,000 cases)
// and by `npm run fuzz` (test/fuzz/campaign.mjs, a million).
import fc from 'fast-check';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXml } from '../../../src/xml/index.js';
import { xmllintBatch } from '../w3c/suite.js';

const name = fc.constantFrom('a', 'b', 'doc', 'x1', '文件', '_n', 'a-b', 'a.b', 'é');
const space = fc.constantFrom(' ', '\n', '\t', '  ', '\r\n');
const optionalSpace = fc.constantFrom('', ' ', '\n');

const reference = fc.constantFrom('&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#65;', '&#x4E2D;', '&#0000000065;', '&#10;');
const textPiece = fc.oneof(fc.constantFrom('abc', ' ', '\n', '中文', '>', ']]', ']', "'", '"', '=', '/', '?', '!', '-', '--', '#', '%', ';'), reference);
const text = fc.array(textPiece, { maxLength: 4 }).map((parts) => parts.join(''));

const comment = fc.constantFrom('', ' c ', '-c-', ' <a> & ', " it's ").map((c) => `<!--${c}-->`);
const pi = fc.tuple(fc.constantFrom('pi', 'xml-stylesheet', 'p.q', 'x'), fc.constantFrom('', ' ', ' data', ' a="1" ?', " '>' ]]>")).map(([t, d]) => `<?${t}${d}?>`);
const cdata = fc.constantFrom('', 'x', '<a>&amp;', ']]', ']').map((c) => `<![CDATA[${c}]]>`);
const misc = fc.oneof(comment, pi, space);

const attributeValue = fc.tuple(fc.constantFrom('"', "'"), fc.array(fc.oneof(fc.constantFrom('v', ' ', '中', '>', '\t'), reference, fc.constantFrom("'", '"')), { maxLength: 3 })).map(
  ([quote, parts]) => `${quote}${parts.filter((p) => p !== quote).join('')}${quote}`,
);
const attributes = fc.uniqueArray(fc.tuple(fc.constantFrom('x', 'y', 'id', '属性', 'a-b'), attributeValue, optionalSpace), { maxLength: 3, selector: ([n]) => n }).map((list) =>
  list.map(([n, v, s]) => ` ${n}${s}=${s}${v}`).join(''),
);

const element: fc.Arbitrary<string> = fc.letrec<{ element: string }>((tie) => ({
  element: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(name, attributes, optionalSpace).map(([n, a, s]) => `<${n}${a}${s}/>`),
    fc
      .tuple(name, attributes, fc.array(fc.oneof(text, tie('element'), comment, pi, cdata), { maxLength: 4 }), optionalSpace)
      .map(([n, a, content, s]) => `<${n}${a}>${content.join('')}</${n}${s}>`),
  ),
})).element;

const xmlDeclaration = fc.option(
  fc.tuple(
    fc.constantFrom('"1.0"', "'1.0'", '"1.1"'),
    fc.option(fc.constantFrom('"UTF-8"', "'utf-8'"), { nil: undefined }),
    fc.option(fc.constantFrom('"yes"', "'no'"), { nil: undefined }),
    optionalSpace,
  ).map(([v, e, s, end]) => `<?xml version=${v}${e ? ` encoding=${e}` : ''}${s ? ` standalone=${s}` : ''}${end}?>`),
  { nil: '' },
);

const markupDeclaration = fc.oneof(
  fc.constantFrom(
    '<!ELEMENT a EMPTY>',
    '<!ELEMENT doc ANY>',
    '<!ELEMENT b (#PCDATA)>',
    '<!ELEMENT doc (#PCDATA|a|b)*>',
    '<!ELEMENT x1 (a,(b|doc)*,a?)+>',
    '<!ATTLIST doc x CDATA #IMPLIED y (p|q) "p" id ID #IMPLIED>',
    '<!ATTLIST a z NMTOKENS #FIXED "a b" w CDATA "&#60;&amp;">',
    '<!NOTATION g SYSTEM "g">',
    '<!NOTATION h PUBLIC "-//H//EN">',
  ),
  comment,
  pi,
  space,
);
const doctype = fc.option(
  fc.tuple(
    name,
    fc.constantFrom('', ' SYSTEM "x.dtd"', " PUBLIC '-//A//B' \"x.dtd\""),
    fc.option(fc.array(markupDeclaration, { maxLength: 4 }).map((d) => ` [${d.join('')}]`), { nil: '' }),
  ).map(([n, external, subset]) => `<!DOCTYPE ${n}${external}${subset}>`),
  { nil: '' },
);

/** A document from the XML 1.0 grammar (§2.1 [1]): XMLDecl? Misc* (doctypedecl Misc*)? element Misc*. */
export const xmlDocument: fc.Arbitrary<string> = fc
  .tuple(xmlDeclaration, fc.array(misc, { maxLength: 2 }), doctype, fc.array(misc, { maxLength: 2 }), element, fc.array(misc, { maxLength: 2 }))
  .map(([declaration, misc1, dt, misc2, root, misc3]) => `${declaration}${misc1.join('')}${dt}${misc2.join('')}${root}${misc3.join('')}`);

/** Bytes inserted by mutations: markup punctuation, letters, white space, a NUL, a byte that is never UTF-8, a CJK lead byte. */
const INSERTED = [...'<>&;"\'=/?![]-#%xX: \nab1'].map((c) => c.charCodeAt(0)).concat([0x00, 0xff, 0xe4]);

type Mutation = { kind: 'delete' | 'insert' | 'duplicate' | 'swap'; at: number; byte: number; length: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'duplicate', 'swap'),
  at: fc.nat(),
  byte: fc.constantFrom(...INSERTED),
  length: fc.integer({ min: 1, max: 4 }),
});

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = Array.from(bytes);
  for (const m of mutations) {
    if (out.length === 0) break;
    const at = m.at % out.length;
    if (m.kind === 'delete') out.splice(at, m.length);
    else if (m.kind === 'insert') out.splice(at, 0, m.byte);
    else if (m.kind === 'duplicate') out.splice(at, 0, ...out.slice(at, at + m.length));
    else {
      const other = (at + m.length) % out.length;
      [out[at], out[other]] = [out[other]!, out[at]!];
    }
  }
  return Uint8Array.from(out);
}

/** A generated document as UTF-8 bytes, untouched (a quarter of the cases) or with 1–3 byte mutations. */
export const mutatedDocument: fc.Arbitrary<Uint8Array> = fc
  .tuple(xmlDocument, fc.oneof({ weight: 1, arbitrary: fc.constant([] as Mutation[]) }, { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) }))
  .map(([doc, mutations]) => mutate(new TextEncoder().encode(doc), mutations));

/** Our well-formedness verdict: no error-severity issue and a tree. */
export function oursWellFormed(bytes: Uint8Array): { wellFormed: boolean; codes: string[] } {
  const { root, issues } = readXml(bytes);
  const errors = issues.filter((i) => i.severity === 'error').map((i) => i.code);
  return { wellFormed: errors.length === 0 && root !== undefined, codes: errors };
}

/** One case where the two verdicts differ. */
export interface Disagreement {
  bytes: Uint8Array;
  ours: boolean;
  codes: string[];
  xmllint: boolean;
  message?: string;
}

/** Outcome of {@link runDifferential}. */
export interface DifferentialRun {
  cases: number;
  agreed: number;
  disagreements: Disagreement[];
}

/**
 * Generates `cases` mutated documents (deterministic for a seed), judges each
 * with readXml and with xmllint (batched: one xmllint process per `batch`
 * files) and returns where they differ.
 */
export function runDifferential(options: { cases: number; seed: number; batch?: number; keep?: number; onProgress?: (done: number) => void }): DifferentialRun {
  const batch = options.batch ?? 2000;
  const keep = options.keep ?? 200;
  // Thousands of small files: a RAM disk, where there is one, writes them five times faster.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'dangan-xml-diff-'));
  const run: DifferentialRun = { cases: 0, agreed: 0, disagreements: [] };
  try {
    for (let done = 0, chunk = 0; done < options.cases; done += batch, chunk++) {
      const samples = fc.sample(mutatedDocument, { numRuns: Math.min(batch, options.cases - done), seed: options.seed + chunk });
      const files = samples.map((bytes, i) => {
        const file = join(dir, `${i}.xml`);
        writeFileSync(file, bytes);
        return file;
      });
      const lint = xmllintBatch(files, batch);
      samples.forEach((bytes, i) => {
        const ours = oursWellFormed(bytes);
        const theirs = lint.get(files[i]!)!;
        run.cases++;
        if (ours.wellFormed === theirs.wellFormed) run.agreed++;
        else if (run.disagreements.length < keep) {
          run.disagreements.push({ bytes, ours: ours.wellFormed, codes: ours.codes, xmllint: theirs.wellFormed, ...(theirs.message ? { message: theirs.message } : {}) });
        }
      });
      options.onProgress?.(run.cases);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return run;
}
