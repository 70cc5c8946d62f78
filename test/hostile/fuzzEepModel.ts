// Structure-aware EEP mutations for the fuzz campaign (issue 23): a valid EEP (DA/T 48-2009) is cut
// into tags and text, and whole elements are dropped, duplicated, moved into each other or renamed,
// texts replaced with boundary values (empty, huge, invalid dates and Base64, control and bidi
// characters, non-BMP), ID and IDREF attributes made dangling or duplicate, nesting made deep, and
// the declaration's encoding changed — the structure a validator walks, not just its bytes.
import fc from 'fast-check';

type Token = { kind: 'open' | 'close' | 'empty' | 'text' | 'other'; text: string; name?: string };

/** Cuts XML text into tags and text runs. */
function tokenize(xml: string): Token[] {
  const tokens: Token[] = [];
  for (const match of xml.matchAll(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/([^\s>]+)\s*>|<([^\s/>]+)[^>]*?(\/?)>|[^<]+/g)) {
    const [text, closeName, openName, selfClosing] = match;
    if (closeName) tokens.push({ kind: 'close', text, name: closeName });
    else if (openName && !text.startsWith('<!') && !text.startsWith('<?')) tokens.push({ kind: selfClosing ? 'empty' : 'open', text, name: openName });
    else tokens.push({ kind: text.startsWith('<') ? 'other' : 'text', text });
  }
  return tokens;
}

/** The token range [start, end] of the element opened at `start` (itself for an empty element). */
function elementAt(tokens: readonly Token[], start: number): [number, number] | undefined {
  const token = tokens[start];
  if (token?.kind === 'empty') return [start, start];
  if (token?.kind !== 'open') return undefined;
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close' && --depth === 0) return [start, i];
  }
  return undefined;
}

const BOUNDARY_TEXTS = [
  '',
  ' ',
  '0',
  '-1',
  '99999999999999999999999',
  '2024-02-30',
  '0000-00-00T25:61:61',
  '!!!not base64!!!',
  'QUJD',
  '====',
  '\u202Eexe.pdf',
  '\u001b[31mred\u001b[0m',
  '\u0007\u0008',
  '𠀀𠀁',
  '&amp;&lt;',
  '1.2.3.4.5',
  'SM3',
  'MD5',
  'x'.repeat(5000),
];

type EepMutation = (tokens: Token[]) => Token[];
const elementStarts = (tokens: readonly Token[]) => tokens.flatMap((t, i) => (t.kind === 'open' || t.kind === 'empty' ? [i] : []));
const choose = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];

const eepMutation: fc.Arbitrary<EepMutation> = fc.oneof(
  // Drop an element.
  fc.nat().map((n): EepMutation => (tokens) => {
    const range = elementAt(tokens, choose(elementStarts(tokens), n) ?? -1);
    return range ? [...tokens.slice(0, range[0]), ...tokens.slice(range[1] + 1)] : tokens;
  }),
  // Duplicate an element next to itself.
  fc.nat().map((n): EepMutation => (tokens) => {
    const range = elementAt(tokens, choose(elementStarts(tokens), n) ?? -1);
    return range ? [...tokens.slice(0, range[1] + 1), ...tokens.slice(range[0], range[1] + 1), ...tokens.slice(range[1] + 1)] : tokens;
  }),
  // Move an element inside another (or inside itself: deeper nesting).
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): EepMutation => (tokens) => {
    const range = elementAt(tokens, choose(elementStarts(tokens), a) ?? -1);
    const host = choose(
      tokens.flatMap((t, i) => (t.kind === 'open' ? [i] : [])),
      b,
    );
    if (!range || host === undefined) return tokens;
    const moved = tokens.slice(range[0], range[1] + 1);
    return [...tokens.slice(0, host + 1), ...moved, ...tokens.slice(host + 1)];
  }),
  // Rename an element (open and close alike), or only its close tag (mismatched).
  fc.tuple(fc.nat(), fc.constantFrom('x', '电子文件封装包', '被签名对象', '编码数据', '签名', '', ':'), fc.boolean()).map(([n, name, both]): EepMutation => (tokens) => {
    const start = choose(elementStarts(tokens), n);
    const range = start === undefined ? undefined : elementAt(tokens, start);
    if (!range) return tokens;
    const copy = [...tokens];
    const open = copy[range[0]] as Token;
    if (both) copy[range[0]] = { ...open, text: open.text.replace(/^<[^\s/>]+/, `<${name}`) };
    if (range[1] !== range[0]) copy[range[1]] = { kind: 'close', text: `</${name}>`, name };
    return copy;
  }),
  // Replace a text run with a boundary value, or arbitrary text.
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...BOUNDARY_TEXTS), fc.string({ maxLength: 30 }))).map(([n, text]): EepMutation => (tokens) => {
    const texts = tokens.flatMap((t, i) => (t.kind === 'text' && t.text.trim() !== '' ? [i] : []));
    const at = choose(texts, n);
    if (at === undefined) return tokens;
    const copy = [...tokens];
    copy[at] = { kind: 'text', text: text.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;')) };
    return copy;
  }),
  // Make an ID or IDREF attribute dangling, duplicate or empty.
  fc.tuple(fc.nat(), fc.constantFrom('', 'dangling', 'ID1', 'x y', '1bad')).map(([n, value]): EepMutation => (tokens) => {
    const withId = tokens.flatMap((t, i) => ((t.kind === 'open' || t.kind === 'empty') && /\s[^\s=]*(?:标识|[Ii][Dd]|ref)[^\s=]*="/.test(t.text) ? [i] : []));
    const at = choose(withId, n);
    if (at === undefined) return tokens;
    const copy = [...tokens];
    const token = copy[at] as Token;
    copy[at] = { ...token, text: token.text.replace(/(\s[^\s=]*(?:标识|[Ii][Dd]|ref)[^\s=]*=")[^"]*"/, `$1${value}"`) };
    return copy;
  }),
  // Nest an element in itself many times (depth).
  fc.tuple(fc.nat(), fc.integer({ min: 2, max: 150 })).map(([n, times]): EepMutation => (tokens) => {
    const start = choose(elementStarts(tokens), n);
    const token = start === undefined ? undefined : tokens[start];
    if (!token?.name || start === undefined) return tokens;
    const opens = Array.from({ length: times }, (): Token => ({ kind: 'open', text: `<${token.name}>`, name: token.name }));
    const closes = Array.from({ length: times }, (): Token => ({ kind: 'close', text: `</${token.name}>`, name: token.name }));
    return [...tokens.slice(0, start), ...opens, ...closes, ...tokens.slice(start)];
  }),
  // Change the declared encoding.
  fc.constantFrom('GB18030', 'GB2312', 'UTF-16', 'ISO-8859-1', 'bogus').map((encoding): EepMutation => (tokens) =>
    tokens.map((t) => (t.kind === 'other' && t.text.startsWith('<?xml') ? { ...t, text: t.text.replace(/encoding="[^"]*"/, `encoding="${encoding}"`) } : t)),
  ),
);

/**
 * Structure-aware EEP inputs: one of `seeds` cut into tokens, one to four element-level mutations, joined back.
 *
 * @param seeds - Valid EEPs (UTF-8).
 * @returns The arbitrary.
 */
export function mutatedEep(seeds: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const texts = seeds.map((seed) => new TextDecoder().decode(seed));
  return fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(eepMutation, { minLength: 1, maxLength: 4 })).map(([index, mutations]) => {
    let tokens = tokenize(texts[index] as string);
    for (const mutate of mutations) tokens = mutate(tokens);
    return new TextEncoder().encode(tokens.map((t) => t.text).join(''));
  });
}
