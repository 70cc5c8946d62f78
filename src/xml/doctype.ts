import type { Lexer } from './lexer.js';
import { isXmlName } from './names.js';
import { charReferenceAt, isXmlChar } from './references.js';

/** What {@link scanDoctype} learnt from a document type declaration. */
export interface DoctypeScan {
  /** Offset just after the closing `>`. */
  end: number;
  /** Names of the general and parameter entities declared in the internal subset. */
  entities: string[];
  /** Names of the general entities declared in the internal subset. */
  generalEntities: Set<string>;
  /** True when the DOCTYPE names an external subset (SYSTEM or PUBLIC). */
  external: boolean;
  /** True when the internal subset references a parameter entity (whose declarations are never read). */
  parameterReferences: boolean;
  /** True when the XML declaration says `standalone="yes"`: then every entity must be declared internally (§4.1 WFC: Entity Declared). */
  standalone: boolean;
}

// XML 1.0 §2.3 [13] PubidChar, besides ASCII letters and digits.
const PUBID_PUNCTUATION = " \r\n-'()+,./:=?;!*#@$_%";

function isPubidChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || (c < 0x80 && PUBID_PUNCTUATION.includes(String.fromCharCode(c)));
}

const PREDEFINED = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);

// XML 1.0 §3.3 [55]-[57] attribute types that are a single keyword.
const ATTRIBUTE_TYPES = new Set(['CDATA', 'ID', 'IDREF', 'IDREFS', 'ENTITY', 'ENTITIES', 'NMTOKEN', 'NMTOKENS']);

/**
 * Tokenises a document type declaration at `start` (`<!DOCTYPE`, XML 1.0
 * §2.8 [28]) and its internal subset, declaration by declaration: element
 * declarations with their content models (§3.2), attribute-list declarations
 * (§3.3), entity and notation declarations (§4.2, §4.7), comments, processing
 * instructions, parameter-entity references between declarations and quoted
 * literals. Nothing is loaded or expanded. Every grammar error is fatal, at
 * the offset where it is.
 *
 * @param lx - The scan's lexer.
 * @param start - Offset of `<!DOCTYPE`.
 * @param standalone - Whether the XML declaration says `standalone="yes"`.
 * @returns The end offset and what was declared.
 */
export function scanDoctype(lx: Lexer, start: number, standalone: boolean): DoctypeScan {
  const scan: DoctypeScan = { end: start, entities: [], generalEntities: new Set(), external: false, parameterReferences: false, standalone };
  let p = lx.requireSpace(start + 9, 'after "<!DOCTYPE"');
  p += lx.name(p, 'the DOCTYPE').length;
  let q = lx.skipSpace(p);
  if (q > p && (lx.at('SYSTEM', q) || lx.at('PUBLIC', q))) {
    q = externalId(lx, q, false);
    scan.external = true;
    q = lx.skipSpace(q);
  }
  if (lx.text.charCodeAt(q) === 0x5b /* [ */) q = lx.skipSpace(internalSubset(lx, q + 1, scan));
  if (q >= lx.n) lx.endedInside('the DOCTYPE');
  if (lx.text.charCodeAt(q) !== 0x3e) lx.malformed(q, `unexpected "${lx.text.slice(q, q + 8)}" in the DOCTYPE`);
  scan.end = q + 1;
  return scan;
}

/** §2.8 [28b] intSubset, from just after `[`; returns the offset after `]`. */
function internalSubset(lx: Lexer, from: number, scan: DoctypeScan): number {
  let p = from;
  for (;;) {
    lx.tick(p);
    p = lx.skipSpace(p);
    if (p >= lx.n) lx.endedInside('the DOCTYPE');
    const c = lx.text.charCodeAt(p);
    if (c === 0x5d /* ] */) return p + 1;
    if (c === 0x25 /* % */) {
      // §2.8 [28a] DeclSep: a parameter-entity reference between declarations.
      p = parameterReference(lx, p);
      scan.parameterReferences = true;
    } else if (lx.at('<!--', p)) p = lx.comment(p);
    else if (lx.at('<?', p)) p = lx.processingInstruction(p);
    else if (lx.at('<!ELEMENT', p)) p = elementDeclaration(lx, p);
    else if (lx.at('<!ATTLIST', p)) p = attributeListDeclaration(lx, p, scan);
    else if (lx.at('<!ENTITY', p)) p = entityDeclaration(lx, p, scan);
    else if (lx.at('<!NOTATION', p)) p = notationDeclaration(lx, p);
    else lx.malformed(p, `a markup declaration was expected in the internal subset, found "${lx.text.slice(p, p + 10)}"`);
  }
}

/** `%name;` at p; returns the offset after `;`. */
function parameterReference(lx: Lexer, p: number): number {
  const name = lx.name(p + 1, 'a parameter-entity reference');
  return lx.expect(';', p + 1 + name.length, 'a parameter-entity reference');
}

/** The `S? >` that closes a declaration; returns the offset after `>`. */
function close(lx: Lexer, p: number, what: string): number {
  return lx.expect('>', lx.skipSpace(p), what);
}

/** §3.2 [45] `<!ELEMENT S Name S contentspec S? >`. */
function elementDeclaration(lx: Lexer, start: number): number {
  const what = 'an element declaration';
  let p = lx.requireSpace(start + 9, `after "<!ELEMENT"`);
  p += lx.name(p, what).length;
  p = lx.requireSpace(p, `after the name in ${what}`);
  if (lx.at('EMPTY', p)) p += 5;
  else if (lx.at('ANY', p)) p += 3;
  else if (lx.text.charCodeAt(p) === 0x28 /* ( */) {
    const q = lx.skipSpace(p + 1);
    p = lx.at('#PCDATA', q) ? mixed(lx, q + 7) : contentParticleGroup(lx, p, 1);
  } else lx.malformed(p, `${what}: EMPTY, ANY or a content model was expected`);
  return close(lx, p, what);
}

/** §3.2.2 [51] Mixed, after `(#PCDATA`; returns the offset after `)` or `)*`. */
function mixed(lx: Lexer, from: number): number {
  let p = lx.skipSpace(from);
  let names = 0;
  while (lx.text.charCodeAt(p) === 0x7c /* | */) {
    lx.tick(p);
    p = lx.skipSpace(p + 1);
    p += lx.name(p, 'a mixed content model').length;
    p = lx.skipSpace(p);
    names++;
  }
  p = lx.expect(')', p, 'a mixed content model');
  if (lx.text.charCodeAt(p) === 0x2a /* * */) return p + 1;
  if (names > 0) lx.malformed(p, 'a mixed content model with element names must end with ")*"');
  return p;
}

/** Offset after an optional `?`, `*` or `+`. */
function occurrence(lx: Lexer, p: number): number {
  const c = lx.text.charCodeAt(p);
  return c === 0x3f || c === 0x2a || c === 0x2b ? p + 1 : p;
}

/** §3.2.1 [47]-[50] a choice or sequence at `(`; nesting is bounded by `maxDepth`. */
function contentParticleGroup(lx: Lexer, open: number, depth: number): number {
  if (depth > lx.limits.maxDepth) lx.fail('xml.limit-depth', open, { params: { limit: lx.limits.maxDepth }, received: depth });
  let p = open + 1;
  let separator = 0;
  for (;;) {
    lx.tick(p);
    p = lx.skipSpace(p);
    if (lx.text.charCodeAt(p) === 0x28) p = contentParticleGroup(lx, p, depth + 1);
    else p += lx.name(p, 'a content model').length;
    p = lx.skipSpace(occurrence(lx, p));
    const c = lx.text.charCodeAt(p);
    if (c === 0x29 /* ) */) return occurrence(lx, p + 1);
    if (c !== 0x7c && c !== 0x2c) {
      if (p >= lx.n) lx.endedInside('a content model');
      lx.malformed(p, `a content model: "|", "," or ")" was expected, found "${lx.text.slice(p, p + 8)}"`);
    }
    if (separator !== 0 && c !== separator) lx.malformed(p, 'a content model may not mix "|" and ","');
    separator = c;
    p++;
  }
}

/** §3.3 [52] `<!ATTLIST S Name AttDef* S? >`. */
function attributeListDeclaration(lx: Lexer, start: number, scan: DoctypeScan): number {
  const what = 'an attribute-list declaration';
  let p = lx.requireSpace(start + 9, 'after "<!ATTLIST"');
  p += lx.name(p, what).length;
  for (;;) {
    lx.tick(p);
    const q = lx.skipSpace(p);
    if (lx.text.charCodeAt(q) === 0x3e) return q + 1;
    if (q === p) {
      if (q >= lx.n) lx.endedInside(what);
      lx.malformed(q, `white space is required before an attribute definition in ${what}`);
    }
    p = q + lx.name(q, what).length;
    p = lx.requireSpace(p, `after the attribute name in ${what}`);
    p = attributeType(lx, p, what);
    p = lx.requireSpace(p, `after the attribute type in ${what}`);
    p = defaultDeclaration(lx, p, what, scan);
  }
}

/** §3.3.1 [54] AttType. */
function attributeType(lx: Lexer, p: number, what: string): number {
  if (lx.text.charCodeAt(p) === 0x28) return enumeration(lx, p, true);
  const keyword = lx.readName(p);
  if (keyword === 'NOTATION') return enumeration(lx, lx.requireSpace(p + 8, 'after NOTATION'), false);
  if (!ATTRIBUTE_TYPES.has(keyword)) lx.malformed(p, `${what}: "${keyword || lx.text.slice(p, p + 8)}" is not an attribute type`);
  return p + keyword.length;
}

/** §3.3.1 [58]-[59] `( S? Nmtoken (S? | S? Nmtoken)* S? )`, or names for NOTATION. */
function enumeration(lx: Lexer, open: number, tokens: boolean): number {
  if (lx.text.charCodeAt(open) !== 0x28) lx.malformed(open, 'an enumerated attribute type must start with "("');
  let p = open;
  do {
    lx.tick(p);
    p = lx.skipSpace(p + 1);
    const token = lx.readName(p);
    const ok = tokens ? token.length > 0 && isXmlName(`a${token}`) : isXmlName(token);
    if (!ok) {
      if (p + token.length >= lx.n) lx.endedInside('an enumerated attribute type');
      lx.malformed(p, `"${token || lx.text.slice(p, p + 8)}" is not a ${tokens ? 'name token' : 'name'}`);
    }
    p = lx.skipSpace(p + token.length);
  } while (lx.text.charCodeAt(p) === 0x7c);
  return lx.expect(')', p, 'an enumerated attribute type');
}

/** §3.3.2 [60] DefaultDecl. */
function defaultDeclaration(lx: Lexer, p: number, what: string, scan: DoctypeScan): number {
  if (lx.at('#REQUIRED', p)) return p + 9;
  if (lx.at('#IMPLIED', p)) return p + 8;
  let q = p;
  if (lx.at('#FIXED', p)) q = lx.requireSpace(p + 6, 'after #FIXED');
  else if (lx.text.charCodeAt(p) === 0x23) lx.malformed(p, `${what}: "${lx.readName(p + 1)}" is not #REQUIRED, #IMPLIED or #FIXED`);
  const literal = lx.quoted(q, 'a default attribute value');
  references(lx, literal.from, literal.to, scan);
  return literal.end;
}

/**
 * §4.2 [70] EntityDecl: `<!ENTITY S Name S EntityDef S? >` or
 * `<!ENTITY S % S Name S PEDef S? >`. Recorded, never expanded.
 */
function entityDeclaration(lx: Lexer, start: number, scan: DoctypeScan): number {
  const what = 'an entity declaration';
  let p = lx.requireSpace(start + 8, 'after "<!ENTITY"');
  const parameter = lx.text.charCodeAt(p) === 0x25;
  if (parameter) p = lx.requireSpace(p + 1, 'after "%" in a parameter-entity declaration');
  const name = lx.name(p, what);
  p = lx.requireSpace(p + name.length, `after the entity name in ${what}`);
  const c = lx.text.charCodeAt(p);
  if (c === 0x22 || c === 0x27) {
    const literal = lx.quoted(p, 'an entity value');
    entityValue(lx, literal.from, literal.to);
    p = literal.end;
  } else if (lx.at('SYSTEM', p) || lx.at('PUBLIC', p)) {
    p = externalId(lx, p, false);
    const q = lx.skipSpace(p);
    if (lx.at('NDATA', q)) {
      if (q === p) lx.malformed(q, 'white space is required before NDATA');
      if (parameter) lx.malformed(q, 'a parameter entity cannot be unparsed (NDATA)');
      const r = lx.requireSpace(q + 5, 'after NDATA');
      p = r + lx.name(r, 'the notation of an unparsed entity').length;
    }
  } else lx.malformed(p, `${what}: a quoted value, SYSTEM or PUBLIC was expected`);
  scan.entities.push(name);
  if (!parameter) scan.generalEntities.add(name);
  return close(lx, p, what);
}

/**
 * §4.2.2 [9] EntityValue: `%` and `&` must start references; in the internal
 * subset a parameter-entity reference may not occur inside a declaration
 * (§2.8 WFC: PEs in Internal Subset).
 */
function entityValue(lx: Lexer, from: number, to: number): void {
  references(lx, from, to);
}

/**
 * Checks a literal in [from, to): every `&` starts a reference (§4.1 [67]),
 * a character reference to an XML Char or `&Name;`; in an attribute value
 * `<` is not allowed (§3.1 [10]); in an entity value `%` is (a reference), but
 * not in the internal subset.
 */
function references(lx: Lexer, from: number, to: number, attributeDefault?: DoctypeScan): void {
  const inEntityValue = attributeDefault === undefined;
  const { text } = lx;
  for (let amp = from; amp < to; amp++) {
    const c = text.charCodeAt(amp);
    if (c === 0x3c && !inEntityValue) lx.malformed(amp, '"<" is not allowed in an attribute value');
    if (c === 0x25 && inEntityValue) lx.malformed(amp, 'a parameter-entity reference is not allowed inside a declaration in the internal subset');
    if (c !== 0x26) continue;
    lx.tick(amp);
    const cp = charReferenceAt(text, amp);
    if (cp !== undefined) {
      if (!isXmlChar(cp)) lx.malformed(amp, 'a character reference must name an XML character');
      continue;
    }
    if (text.charCodeAt(amp + 1) === 0x23) lx.malformed(amp, 'a malformed character reference');
    const name = lx.readName(amp + 1);
    if (!isXmlName(name) || text.charCodeAt(amp + 1 + name.length) !== 0x3b || amp + 1 + name.length >= to) {
      lx.malformed(amp, `"&" must start a reference${inEntityValue ? ' in an entity value' : ' in an attribute value'}`);
    }
    // §4.1 WFC: Entity Declared — before its use in a default value, unless declarations may be unread.
    if (attributeDefault && !PREDEFINED.has(name) && !attributeDefault.generalEntities.has(name)) {
      const unread = !attributeDefault.standalone && (attributeDefault.external || attributeDefault.parameterReferences);
      // It may be declared in declarations that are never read: refused like such a reference in content (policy, as libxml2).
      if (unread) lx.emit('xml.entity-undefined', amp, { params: { name }, received: `&${name};` });
      else lx.malformed(amp, `the entity "${name}" is not declared before this default value`);
    }
  }
}

/** §4.2.2 [75] ExternalID (or, for notations, [83] PublicID); returns the offset after it. */
function externalId(lx: Lexer, p: number, publicIdAllowed: boolean): number {
  if (lx.at('SYSTEM', p)) {
    const q = lx.requireSpace(p + 6, 'after SYSTEM');
    return lx.quoted(q, 'a system literal').end;
  }
  let q = publicIdLiteral(lx, lx.requireSpace(p + 6, 'after PUBLIC'));
  const r = lx.skipSpace(q);
  const c = lx.text.charCodeAt(r);
  if (c === 0x22 || c === 0x27) {
    if (r === q) lx.malformed(r, 'white space is required between the public and the system identifier');
    return lx.quoted(r, 'a system literal').end;
  }
  if (!publicIdAllowed) {
    if (r >= lx.n) lx.endedInside('an external identifier');
    lx.malformed(r, 'PUBLIC needs a system literal after the public identifier');
  }
  return q;
}

/** §2.3 [12] PubidLiteral at `at`, read up to the first unit that is not a PubidChar; returns the offset after it. */
function publicIdLiteral(lx: Lexer, at: number): number {
  const quote = lx.text.charCodeAt(at);
  if (quote !== 0x22 && quote !== 0x27) {
    if (at >= lx.n) lx.endedInside('a public identifier');
    lx.malformed(at, 'a public identifier must be quoted');
  }
  let k = at + 1;
  while (k < lx.n && lx.text.charCodeAt(k) !== quote && isPubidChar(lx.text.charCodeAt(k))) k++;
  if (k >= lx.n) lx.endedInside('a public identifier');
  if (lx.text.charCodeAt(k) !== quote) lx.malformed(k, `"${lx.text[k]}" is not allowed in a public identifier`);
  return k + 1;
}

/** §4.7 [82] `<!NOTATION S Name S (ExternalID | PublicID) S? >`. */
function notationDeclaration(lx: Lexer, start: number): number {
  const what = 'a notation declaration';
  let p = lx.requireSpace(start + 10, 'after "<!NOTATION"');
  p += lx.name(p, what).length;
  p = lx.requireSpace(p, `after the name in ${what}`);
  if (!lx.at('SYSTEM', p) && !lx.at('PUBLIC', p)) lx.malformed(p, `${what}: SYSTEM or PUBLIC was expected`);
  return close(lx, externalId(lx, p, true), what);
}
