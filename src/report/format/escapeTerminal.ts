/**
 * Escaping for text that reaches a terminal or a CI log (issue 23 class 7).
 *
 * A package names its own files and writes its own 题名, 说明文件 values and
 * 计算机文件名; printed raw, an ESC sequence recolours or retitles the
 * terminal, CR or a line feed forges a line, U+202E reorders what a reader
 * sees, and a line starting `::` is a GitHub Actions workflow command. The
 * text format passes every field it prints through {@link escapeTerminalText},
 * so what a terminal or log shows is exactly one line per issue. JSON, SARIF
 * and JUnit keep the exact names (their own encodings are lossless).
 *
 * @module
 */

// C0 controls (U+0000–U+001F, tab included), DEL, C1 controls (U+0080–U+009F);
// bidirectional marks, embeddings, overrides and isolates (Unicode UAX #9):
// U+061C ALM, U+200E LRM, U+200F RLM, U+202A–U+202E, U+2066–U+2069; the line
// and paragraph separators U+2028/U+2029, which some viewers break lines on;
// U+FEFF and lone surrogates (in a `u` regex a surrogate class matches only
// unpaired ones), which render as nothing or as garbage. The backslash is
// escaped too, so the escaping is reversible (injective).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\\\ud800-\udfff]/gu;

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

/**
 * Makes a string safe to print on one terminal or CI-log line: every control
 * and bidi character becomes a visible escape (`\n`, `\r`, `\t`, `\\`,
 * `\x1b`, `\u202e`), and a leading `::` becomes `\x3a:` so that no line can
 * start a GitHub Actions workflow command. Everything else — Chinese text
 * included — is kept as it is.
 *
 * @param text - Any string, e.g. a file name from a package.
 * @returns The escaped string: no C0/C1 control, DEL, bidi control, line separator or lone surrogate.
 * @example
 * escapeTerminalText('a\u001b]0;pwned\u0007.pdf') //=> 'a\\x1b]0;pwned\\x07.pdf'
 * escapeTerminalText('::error title=x::y') //=> '\\x3a:error title=x::y'
 */
export function escapeTerminalText(text: string): string {
  const escaped = text.replace(UNSAFE, (ch) => SHORT[ch] ?? codePointEscape(ch));
  return escaped.startsWith('::') ? `\\x3a${escaped.slice(1)}` : escaped;
}

function codePointEscape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
