import type { Citation } from '../model/citation.js';

/** How the encoding of an XML file was established. */
export type XmlEncodingSource = 'bom' | 'declaration' | 'default';

/** One character encoding the XML layer knows, with the rule that admits or refuses it. */
export interface XmlEncodingRow {
  /** Canonical name, as reported in issues: `UTF-8`, `GB18030`, `GB2312`, … */
  readonly name: string;
  /** Lower-case labels that name it in an XML declaration. */
  readonly labels: readonly string[];
  /** `TextDecoder` label used to read it (GB2312 and GBK are read with their superset GB18030). */
  readonly decoder: string;
  /** `allowed`: listed by the rule; `tolerated`: readable, warned; `refused`: an error. */
  readonly status: 'allowed' | 'tolerated' | 'refused';
  /** Where the rule comes from. */
  readonly source: Citation;
}

const RULE_2012: Citation = {
  standard: '电子档案移交与接收办法 (档发〔2012〕7号)',
  clause: '附件2 (目录文件 encoding: GB18030, GB2312 or UTF-8)',
  confidence: 'verified',
};

/**
 * The encodings the XML layer recognises. The 2012 办法 allows UTF-8, GB18030
 * and GB2312 for the catalogue XML (standards-electronic §4.1 rule 5, §4.3);
 * GBK is a byte-subset of GB18030 and is read but warned about; UTF-16 is
 * read so that further checks can run, but refused.
 *
 * @example
 * xmlEncodings.filter((row) => row.status === 'allowed').map((row) => row.name) //=> ['UTF-8', 'GB18030', 'GB2312']
 */
export const xmlEncodings: readonly XmlEncodingRow[] = [
  { name: 'UTF-8', labels: ['utf-8', 'utf8'], decoder: 'utf-8', status: 'allowed', source: RULE_2012 },
  { name: 'GB18030', labels: ['gb18030', 'gb-18030'], decoder: 'gb18030', status: 'allowed', source: RULE_2012 },
  {
    name: 'GB2312',
    labels: ['gb2312', 'gb_2312', 'gb_2312-80', 'euc-cn', 'csgb2312', 'chinese', 'iso-ir-58', 'csiso58gb231280'],
    decoder: 'gb18030',
    status: 'allowed',
    source: RULE_2012,
  },
  {
    name: 'GBK',
    labels: ['gbk', 'x-gbk', 'cp936', 'ms936', 'windows-936'],
    decoder: 'gb18030',
    status: 'tolerated',
    source: { ...RULE_2012, confidence: 'inferred' },
  },
  { name: 'UTF-16LE', labels: ['utf-16le'], decoder: 'utf-16le', status: 'refused', source: RULE_2012 },
  { name: 'UTF-16BE', labels: ['utf-16be'], decoder: 'utf-16be', status: 'refused', source: RULE_2012 },
];

const ROW_BY_NAME = new Map(xmlEncodings.map((row) => [row.name, row]));
const ROW_BY_LABEL = new Map(xmlEncodings.flatMap((row) => row.labels.map((label) => [label, row] as const)));

/** The encoding of an XML file as established from its BOM and declaration. */
export interface DetectedXmlEncoding {
  /** Canonical name (`UTF-8`, `GB18030`, `GB2312`, `GBK`, `UTF-16LE`, …), or the declared label upper-cased when unknown. */
  name: string;
  /** BOM, XML declaration, or the UTF-8 default of XML 1.0 §4.3.3. */
  source: XmlEncodingSource;
  /** The encoding label exactly as written in the XML declaration, if any. */
  declared?: string;
  /** Length in bytes of the byte order mark (0 when there is none). */
  bomLength: number;
  /** The row of {@link xmlEncodings}, or `undefined` for an encoding dangan does not know. */
  row?: XmlEncodingRow;
  /** Canonical name the BOM indicates, when it disagrees with the declaration. */
  bomConflict?: string;
}

// Byte order marks, longest first so UTF-32LE is not taken for UTF-16LE.
const BOMS: readonly { bytes: readonly number[]; name: string }[] = [
  { bytes: [0x00, 0x00, 0xfe, 0xff], name: 'UTF-32BE' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], name: 'UTF-32LE' },
  { bytes: [0x84, 0x31, 0x95, 0x33], name: 'GB18030' },
  { bytes: [0xef, 0xbb, 0xbf], name: 'UTF-8' },
  { bytes: [0xff, 0xfe], name: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], name: 'UTF-16BE' },
];

// XML 1.0 Appendix F: `<?` in UTF-16 without a BOM.
const BOMLESS: readonly { bytes: readonly number[]; name: string }[] = [
  { bytes: [0x3c, 0x00, 0x3f, 0x00], name: 'UTF-16LE' },
  { bytes: [0x00, 0x3c, 0x00, 0x3f], name: 'UTF-16BE' },
];

const DECLARATION = /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/;
// The declaration is short; 512 bytes cover any real one.
const PROLOG_BYTES = 512;

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

const prologDecoders = new Map<string, TextDecoder>();

/** A reusable decoder for the prolog (latin1 or a UTF-16 width): made once, not per file. */
function prologDecoder(label: string): TextDecoder {
  let decoder = prologDecoders.get(label);
  if (decoder === undefined) prologDecoders.set(label, (decoder = new TextDecoder(label)));
  return decoder;
}

/** Reads the encoding label of the XML declaration from the first bytes. */
function readDeclaredLabel(bytes: Uint8Array, start: number, width: string | undefined): string | undefined {
  const head = bytes.subarray(start, start + PROLOG_BYTES);
  if (width === undefined) {
    // The usual declaration is ASCII, and so is the text before the first byte over 0x7F (latin1 and
    // ASCII agree there): matched in that prefix, it is the match in the whole head, since an earlier
    // attempt of the pattern could only have failed for a reason the later bytes cannot change.
    // No decoder call per file (a latin1 `TextDecoder` is about 4 µs, most of a small file's prolog).
    let ascii = 0;
    while (ascii < head.length && (head[ascii] as number) < 0x80) ascii++;
    const found = DECLARATION.exec(String.fromCharCode.apply(null, head.subarray(0, ascii) as unknown as number[]))?.[2];
    if (found !== undefined || ascii === head.length) return found;
  }
  // ASCII-compatible encodings: the declaration is ASCII, latin1 maps bytes 1:1.
  const text = prologDecoder(width ?? 'latin1').decode(head);
  return DECLARATION.exec(text)?.[2];
}

/** Same family: GB2312 ⊂ GBK ⊂ GB18030 share one byte layout; UTF-16 LE/BE share a declaration label. */
function family(name: string): string {
  if (name === 'GB2312' || name === 'GBK' || name === 'GB18030') return 'GB';
  if (name.startsWith('UTF-16')) return 'UTF-16';
  return name;
}

/**
 * Establishes the character encoding of XML bytes from the byte order mark and
 * the XML declaration (XML 1.0 §4.3.3 and Appendix F). A BOM wins over the
 * declaration; a disagreement is recorded in `bomConflict`. Without either,
 * XML's default UTF-8 applies.
 *
 * @param bytes - The file's bytes (only the first 512 are looked at).
 * @returns Canonical name, source, declared label, BOM length and table row.
 * @example
 * detectXmlEncoding(new TextEncoder().encode('<?xml version="1.0" encoding="GB2312"?><a/>'))
 * //=> { name: 'GB2312', source: 'declaration', declared: 'GB2312', bomLength: 0, row: … }
 */
export function detectXmlEncoding(bytes: Uint8Array): DetectedXmlEncoding {
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  const bomLength = bom?.bytes.length ?? 0;
  const sniffed = bom?.name ?? BOMLESS.find((b) => startsWith(bytes, b.bytes))?.name;
  const width = sniffed?.startsWith('UTF-16') ? sniffed.toLowerCase() : undefined;
  const declared = sniffed?.startsWith('UTF-32') ? undefined : readDeclaredLabel(bytes, bomLength, width);
  const declaredRow = declared === undefined ? undefined : ROW_BY_LABEL.get(declared.trim().toLowerCase());
  // Built field by field, not by spreads (a spread per field costs more than the rest of the function).
  if (sniffed !== undefined) {
    const name = sniffed;
    const declaredName = declaredRow?.name ?? (declared === undefined ? undefined : declared.toUpperCase());
    const conflict =
      bom !== undefined && declaredName !== undefined && family(declaredName) !== family(name);
    const source = bom ? 'bom' : 'declaration';
    const detected: DetectedXmlEncoding = declared === undefined ? { name, source, bomLength } : { name, source, declared, bomLength };
    const row = ROW_BY_NAME.get(name);
    if (row !== undefined) detected.row = row;
    if (conflict) detected.bomConflict = name;
    return detected;
  }
  if (declared !== undefined) {
    const detected: DetectedXmlEncoding = { name: declaredRow?.name ?? declared.trim().toUpperCase(), source: 'declaration', declared, bomLength };
    if (declaredRow) detected.row = declaredRow;
    return detected;
  }
  return { name: 'UTF-8', source: 'default', bomLength, row: ROW_BY_NAME.get('UTF-8') };
}
