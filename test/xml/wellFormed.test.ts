import { describe, expect, it } from 'vitest';
import { readXml } from '../../src/xml/index.js';

/** Codes of the error-severity issues, and the first one's line:column. */
function verdict(text: string, limits = {}) {
  const { root, issues } = readXml(text, { locale: 'en', limits });
  const errors = issues.filter((i) => i.severity === 'error');
  const at = errors[0]?.location;
  return { ok: errors.length === 0 && root !== undefined, codes: errors.map((e) => e.code), at: at && `${at.line}:${at.column}`, message: errors[0]?.message };
}

describe('the XML declaration (XML 1.0 §2.8 [23]-[26], §2.9 [32], §4.3.3 [80]-[81])', () => {
  it.each([
    ['<?xml version="1.0"?><a/>'],
    ["<?xml version='1.0' encoding='UTF-8' standalone='no'?><a/>"],
    ['<?xml version = "1.0"  standalone="yes" ?><a/>'],
    ['<?xml version="1.1"?><a/>'],
    ['<?xml-stylesheet href="a.xsl"?><a/>'],
  ])('accepts %s', (text) => expect(verdict(text)).toMatchObject({ ok: true }));

  it.each([
    ['<?xml?><a/>', '1:6'],
    ['<?xml encoding="UTF-8"?><a/>', '1:7'],
    ['<?xml version="1.0" standalone="YES"?><a/>', '1:33'],
    ['<?XML version="1.0"?><a/>', '1:1'],
    ['<?xml version="1.0"encoding="UTF-8"?><a/>', '1:20'],
    ['<?xml version="1.0" encoding=" UTF-8"?><a/>', '1:31'],
    ['<?xml version="2.0"?><a/>', '1:16'],
    ['<?xml version="1.0" standalone="yes" encoding="UTF-8"?><a/>', '1:38'],
    ['<?xml version="1.0" version="1.0"?><a/>', '1:21'],
    ['<a/><?xml version="1.0"?>', '1:5'],
  ])('rejects %s at %s', (text, at) => expect(verdict(text)).toMatchObject({ ok: false, codes: ['xml.malformed'], at }));
});

describe('processing instructions, comments, character data', () => {
  it.each([
    ['<a><? ?></a>', '1:6'],
    ['<a><?pi+++?></a>', '1:8'],
    ['<a><?xMl x?></a>', '1:4'],
    ['<a><!-- a -- b --></a>', '1:11'],
    ['<a><!-- a ---></a>', '1:11'],
    ['<a>x ]]> y</a>', '1:6'],
    ['<!DOCTYPE a><!DOCTYPE a><a/>', '1:13'],
  ])('rejects %s at %s', (text, at) => expect(verdict(text)).toMatchObject({ ok: false, codes: ['xml.malformed'], at }));

  it('accepts "]]" and ">" alone, "]]>" in attribute values, and PIs with any content', () => {
    expect(verdict('<a b="]]>">]] > ]><?pi ]]> \' " <a>?></a>').ok).toBe(true);
  });

  it('reads zero-padded and large character references without losing them', () => {
    const { root } = readXml('<a b="&#0000000065;">&#x000000004E2D;&#0000000000000000000000000000066;</a>');
    expect(root?.attributes.b).toBe('A');
    expect(root?.text).toBe('中B');
    expect(verdict('<a>&#99999999999999999999;</a>').codes).toEqual(['xml.reference-invalid']);
    expect(verdict('<a>&#x110000;</a>').codes).toEqual(['xml.reference-invalid']);
  });
});

describe('the DOCTYPE internal subset is tokenised (XML 1.0 §2.8, §3.2, §3.3, §4.2, §4.7)', () => {
  it('accepts PIs with quotes and "]>", comments with quotes, and literals with "<!--" or "]>"', () => {
    const text = `<!DOCTYPE a [
      <?pi don't ]> stop?>
      <!-- it's "fine" ]> -->
      <!ELEMENT a (#PCDATA|b)*>
      <!ELEMENT b ((c|d)+,e?)>
      <!ATTLIST a x CDATA "]> -- &#60;" y (p|q) 'p' z NOTATION (n) #IMPLIED>
      <!NOTATION n PUBLIC "-//X//Y">
      <!NOTATION m SYSTEM "<!-- ]> '">
      %pe;
    ]>
    <a x="1">t</a>`;
    const result = readXml(text);
    expect(result.issues.map((i) => i.code)).toEqual(['xml.doctype-ignored']);
    expect(result.root?.text).toBe('t');
  });

  it.each([
    ['<!DOCTYPE a [<!ELEMENT a (b|c,d)>]><a/>', '1:30'],
    ['<!DOCTYPE a [<!ELEMENT a (#PCDATA|b)>]><a/>', '1:37'],
    ['<!DOCTYPE a [<!ELEMENT a EMPTY]><a/>', '1:31'],
    ['<!DOCTYPE a [<!ATTLIST a x CDATA "<">]><a/>', '1:35'],
    ['<!DOCTYPE a [<!ATTLIST a x FOO #IMPLIED>]><a/>', '1:28'],
    ['<!DOCTYPE a [<!ATTLIST a x CDATA "&undeclared;">]><a/>', '1:35'],
    ['<!DOCTYPE a [<!NOTATION n PUBLIC "a\\b">]><a/>', '1:36'],
    ['<!DOCTYPE a [<!FOO>]><a/>', '1:14'],
    ['<!DOCTYPE a [<!ELEMENT a ANY>\n<!-- "never closed ]><a/>', '2:26'],
    ['<!DOCTYPE a [<!ENTITY e "%pe;">]><a/>', '1:26'],
    ['<!DOCTYPE a [<!ENTITY e "a & b">]><a/>', '1:28'],
    ['<!DOCTYPE a SYSTEM><a/>', '1:19'],
  ])('rejects %s at %s', (text, at) => expect(verdict(text)).toMatchObject({ ok: false, at }));

  it('still checks the grammar of a refused DOCTYPE and of the document after it, and builds nothing', () => {
    const refused = verdict('<!DOCTYPE a [<!ENTITY e "x">]>\n<a>&e;</b>');
    expect(refused.codes).toEqual(['xml.doctype-forbidden', 'xml.mismatched-tag']);
    const clean = readXml('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>');
    expect(clean.root).toBeUndefined();
    expect(clean.issues.map((i) => i.code)).toEqual(['xml.doctype-forbidden']);
  });
});

describe('limits hold for every input', () => {
  it('caps the issues of one code and says how many were left out', () => {
    const { issues } = readXml(`<a>${'&'.repeat(5000)}</a>`, { limits: { maxIssuesPerCode: 10 } });
    expect(issues.filter((i) => i.code === 'xml.reference-invalid')).toHaveLength(10);
    expect(issues.find((i) => i.code === 'limits.issues-truncated')).toMatchObject({ severity: 'info', received: 4990, params: { code: 'xml.reference-invalid' } });
  });

  it('refuses names and attribute values over their limits', () => {
    expect(verdict(`<${'a'.repeat(20)}/>`, { maxNameLength: 10 }).codes).toEqual(['xml.limit-name']);
    expect(verdict(`<!DOCTYPE a [<!ENTITY ${'e'.repeat(20)} "x">]><a/>`, { maxNameLength: 10 }).codes).toEqual(['xml.limit-name']);
    expect(verdict(`<a b="${'x'.repeat(20)}"/>`, { maxAttributeValueLength: 10 }).codes).toEqual(['xml.limit-attribute-value']);
    expect(verdict(`<a b="${'x'.repeat(10)}"/>`, { maxAttributeValueLength: 10 }).ok).toBe(true);
  });

  it('checks the time budget inside the DOCTYPE, references and white space, not only between tags', () => {
    expect(verdict(`<!DOCTYPE a [${'<!ELEMENT a ANY>'.repeat(200_000)}]><a/>`, { maxMilliseconds: 0 }).codes).toContain('xml.limit-time');
    expect(verdict(`<a>${'&amp;'.repeat(200_000)}</a>`, { maxMilliseconds: 0 }).codes).toContain('xml.limit-time');
    expect(verdict(`<a${' '.repeat(3_000_000)}/>`, { maxMilliseconds: 0 }).codes).toContain('xml.limit-time');
  });

  it('bounds content-model nesting by maxDepth', () => {
    expect(verdict(`<!DOCTYPE a [<!ELEMENT a ${'('.repeat(200)}b${')'.repeat(200)}>]><a/>`).codes).toEqual(['xml.limit-depth']);
  });
});
