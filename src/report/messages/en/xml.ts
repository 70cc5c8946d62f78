import type { LocaleMessages } from '../../definition.js';
import type { xmlIssues } from '../xml.js';

/** English messages of {@link xmlIssues}, by issue code. */
export const xmlIssuesEn = {
  'xml.encoding-unsupported': 'Unsupported character encoding "{encoding}": catalogue XML allows only UTF-8, GB18030 or GB2312',
  'xml.encoding-unknown': 'Unknown character encoding "{encoding}"; the file cannot be read',
  'xml.encoding-not-listed': 'Encoding "{encoding}" is not one of UTF-8, GB18030, GB2312; it was read as its superset GB18030',
  'xml.encoding-mismatch': 'The XML declaration says "{declared}" but the bytes are {actual}; they were read as {actual}',
  'xml.encoding-bom-conflict': 'The byte order mark says {bom} but the XML declaration says "{declared}"; the BOM wins',
  'xml.encoding-beyond-declared': 'Declared {declared}, but byte offset {offset} holds a character outside that set (GBK/GB18030 extension)',
  'xml.invalid-utf8': 'Invalid UTF-8: bad byte sequence at byte offset {offset}',
  'xml.invalid-bytes': 'Invalid {encoding}: bad byte sequence at byte offset {offset}',
  'xml.invalid-char': 'Character {codePoint} is not allowed in XML ({count} occurrences, this is the first)',
  'xml.malformed': 'Malformed XML: {detail}',
  'xml.unexpected-end': 'Unexpected end of file (truncated?): element <{name}> opened on line {openLine} is not closed',
  'xml.mismatched-tag': 'End tag </{received}> does not match start tag <{expected}> on line {openLine}',
  'xml.no-root': 'The file has no root element',
  'xml.multiple-roots': 'Element <{name}> follows the root element: XML has exactly one root',
  'xml.content-outside-root': 'Text content outside the root element',
  'xml.entity-undefined': 'Undefined entity reference &{name}; (only &lt; &gt; &amp; &quot; &apos; and character references are allowed)',
  'xml.reference-invalid': 'Invalid reference or unescaped "&": {text}',
  'xml.name-reserved': 'Name "{name}" refused: it could cause prototype pollution',
  'xml.doctype-forbidden': 'Refused: the DOCTYPE declares entities ({entities}), a possible XXE or billion-laughs attack; entities are never expanded',
  'xml.xinclude': 'XInclude element "{name}" (href="{href}"): dangan never processes it, but a downstream tool with XInclude on (libxml2) would inline that file into this document; a transfer package has no use for it',
  'xml.doctype-ignored': 'DOCTYPE ignored: external DTDs are never loaded and declarations are not applied',
  'xml.limit-size': 'The file has {received} characters, over the limit of {limit}',
  'xml.limit-depth': 'Element nesting is deeper than the limit of {limit}',
  'xml.limit-text': 'A text run has {received} characters, over the limit of {limit}',
  'xml.limit-attributes': 'Element <{name}> has more than {limit} attributes',
  'xml.limit-name': 'A name is longer than the limit of {limit} characters',
  'xml.limit-attribute-value': 'The value of attribute "{name}" is longer than the limit of {limit} characters',
  'xml.duplicate-attribute': 'Attribute "{attribute}" is repeated on element <{name}>',
} as const satisfies LocaleMessages<typeof xmlIssues>;
