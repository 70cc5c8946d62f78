import type { IssueDetails } from '../../report/createIssue.js';
import type { IssueCode } from '../../report/messages/index.js';
import { hasUtf8Bom, resolveBagTagEncoding, splitLines, type TagEncoding, type TextLine } from './tagText.js';
import { isRfc8493, isSupportedBagVersion, KNOWN_BAG_VERSIONS, parseBagVersion, type BagVersion } from './version.js';

/** An issue to be added by the caller. */
export interface IssueDraft {
  readonly code: IssueCode;
  readonly details?: IssueDetails;
}

/** What bagit.txt declares. */
export interface BagDeclaration {
  /** Parsed version; undefined when missing or malformed (the caller applies 1.0 rules). */
  readonly version: BagVersion | undefined;
  /** The version text as written. */
  readonly versionText: string | undefined;
  /** Tag-file decoder; undefined when missing or unsupported. */
  readonly encoding: TagEncoding | undefined;
  readonly issues: readonly IssueDraft[];
}

const PATH = 'bagit.txt';

interface Element {
  label: string;
  value: string;
  spaceBeforeColon: boolean;
  /** Whitespace between the colon and the value. */
  gap: string;
  trailing: boolean;
  line: number;
  text: string;
}

function readElement(line: TextLine | undefined): Element | undefined {
  if (!line) return undefined;
  const match = /^([^:]*):([ \t]*)(.*?)([ \t]*)$/.exec(line.text);
  if (!match) return undefined;
  const [, rawLabel = '', gap = '', value = '', trailing = ''] = match;
  return {
    label: rawLabel.trim(),
    value,
    spaceBeforeColon: rawLabel !== rawLabel.trimEnd(),
    gap,
    trailing: trailing !== '',
    line: line.line,
    text: line.text,
  };
}

/**
 * Parses and checks the bag declaration bagit.txt (RFC 8493 §2.1.1): UTF-8
 * without BOM, exactly `BagIt-Version: M.N` then `Tag-File-Character-Encoding:
 * ENCODING`. In 1.0 the label is followed directly by `: ` (conformance suite
 * v1.0 bagit-with-invalid-whitespace); earlier versions are read leniently.
 *
 * @param bytes - Content of bagit.txt.
 * @returns Version, tag-file encoding and issues.
 * @example
 * parseBagDeclaration(new TextEncoder().encode('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')).versionText //=> '1.0'
 */
export function parseBagDeclaration(bytes: Uint8Array): BagDeclaration {
  const issues: IssueDraft[] = [];
  const add = (code: IssueCode, details: IssueDetails = {}) => issues.push({ code, details: { path: PATH, ...details } });
  if (hasUtf8Bom(bytes)) add('bagit.bagit-txt.bom', { expected: 'no BOM', received: 'EF BB BF' });
  const text = resolveBagTagEncoding('UTF-8')?.decode(bytes);
  if (text === undefined) {
    add('bagit.bagit-txt.not-utf8');
    return { version: undefined, versionText: undefined, encoding: undefined, issues };
  }
  // RFC 8493 §2.1.1: exactly two lines; a blank line is a line too (only the final line break ends the file).
  const lines = splitLines(text);
  const first = readElement(lines[0]);
  const second = readElement(lines[1]);
  const location = (e: Element) => ({ line: e.line, column: 1 });

  const versionElement = first?.label === 'BagIt-Version' ? first : undefined;
  if (!versionElement) add('bagit.bagit-txt.version-missing', { received: lines[0]?.text });
  const versionText = versionElement?.value;
  const version = versionText === undefined ? undefined : parseBagVersion(versionText);
  if (versionElement && !version) {
    add('bagit.bagit-txt.version-invalid', { location: location(versionElement), expected: 'M.N', received: versionText, params: { version: versionText } });
  } else if (versionElement && version && !isSupportedBagVersion(version)) {
    // RFC 8493 §2.1.1: the version names the specification the bag follows; none exists outside 0.93–1.0.
    add('bagit.bagit-txt.version-unsupported', { location: location(versionElement), params: { version: versionText }, expected: '0.93–1.0', received: versionText });
  } else if (version && versionText !== undefined && !KNOWN_BAG_VERSIONS.includes(versionText)) {
    add('bagit.bagit-txt.version-unknown', { params: { version: versionText }, expected: KNOWN_BAG_VERSIONS, received: versionText });
  }

  const encodingElement = second?.label === 'Tag-File-Character-Encoding' ? second : undefined;
  let encoding: TagEncoding | undefined;
  if (!encodingElement) add('bagit.bagit-txt.encoding-missing', { received: lines[1]?.text });
  else {
    encoding = resolveBagTagEncoding(encodingElement.value);
    if (!encoding) add('bagit.bagit-txt.encoding-unsupported', { location: location(encodingElement), params: { encoding: encodingElement.value } });
  }

  const strict = version === undefined || isRfc8493(version);
  for (const element of [versionElement, encodingElement]) {
    if (!element) continue;
    if (strict && (element.spaceBeforeColon || element.gap !== ' ')) {
      add('bagit.bagit-txt.whitespace', {
        location: location(element),
        params: { label: element.label },
        expected: `${element.label}: ${element.value}`,
        received: element.text,
      });
    }
    if (element.trailing) add('bagit.bagit-txt.trailing-whitespace', { location: location(element), params: { label: element.label } });
  }
  for (const extra of lines.slice(2)) add('bagit.bagit-txt.extra-line', { location: { line: extra.line, column: 1 }, params: { line: extra.text } });
  return { version, versionText, encoding, issues };
}
