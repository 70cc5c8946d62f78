import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeTerminalText } from '../../src/report/format/escapeTerminal.js';

// Characters a terminal or CI log must never receive raw (issue 23, class 7).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|\p{Cs}/u;

/** Inverse of escapeTerminalText, written independently, to show the escaping loses nothing. */
function unescape(text: string): string {
  const body = text.startsWith('\\x3a:') ? `:${text.slice(4)}` : text;
  return body.replace(/\\(n|r|t|\\|x[0-9a-f]{2}|u[0-9a-f]{4})/g, (_, e: string) => {
    if (e === 'n') return '\n';
    if (e === 'r') return '\r';
    if (e === 't') return '\t';
    if (e === '\\') return '\\';
    return String.fromCharCode(Number.parseInt(e.slice(1), 16));
  });
}

const hostileChar = fc.constantFrom('\u001b', '\u0007', '\r', '\n', '\t', '\u0000', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066', '\u2069', '\u200f', '\u2028', '\ufeff', '\\', ':', '\ud800', '\udc00', '正', '😀');
const hostileString = fc.oneof(fc.string({ unit: 'binary' }), fc.array(fc.oneof(hostileChar, fc.string({ maxLength: 3 })), { maxLength: 20 }).map((parts) => parts.join('')));

describe('escapeTerminalText', () => {
  it('property: the output holds no control, bidi, separator or lone surrogate, never starts with ::, and unescapes to the input', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const escaped = escapeTerminalText(text);
        expect(UNSAFE.test(escaped)).toBe(false);
        expect(escaped.startsWith('::')).toBe(false);
        expect(unescape(escaped)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: text without unsafe characters, backslashes or a leading :: is unchanged (Chinese names stay readable)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        fc.pre(!UNSAFE.test(text) && !text.includes('\\') && !text.startsWith('::'));
        expect(escapeTerminalText(text)).toBe(text);
      }),
    );
  });

  it('escapes the sequences of the attack pass', () => {
    expect(escapeTerminalText('a\u001b]0;pwned\u0007.pdf')).toBe('a\\x1b]0;pwned\\x07.pdf');
    expect(escapeTerminalText('x\n::error title=ok::owned')).toBe('x\\n::error title=ok::owned');
    expect(escapeTerminalText('::warning::x')).toBe('\\x3a:warning::x');
    expect(escapeTerminalText('正文\u202Efdp.exe')).toBe('正文\\u202efdp.exe');
    expect(escapeTerminalText('\u009b31m')).toBe('\\x9b31m');
  });
});
