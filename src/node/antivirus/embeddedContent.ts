import { child, parseEepTree, type EepNode } from '../../formats/eep/eepTree.js';
import type { IssueLocation } from '../../report/issue.js';
import { encodingComputerFile } from '../../formats/itemMetadata/readItemMetadata.js';

/** One file embedded in an EEP as Base64 编码数据 (DA/T 48-2009 §6.5 编码), ready to stream. */
export interface EmbeddedFile {
  /** 计算机文件名 of the 编码's 电子属性, or the 编码数据ID when there is none. */
  name: string;
  /** Where the 编码数据 element is in the `.eep`. */
  location: IssueLocation;
  /** The decoded bytes, in chunks, decoded as they are read (never the whole file at once). */
  content(): AsyncIterable<Uint8Array>;
}

// Base64 characters decoded per chunk: 4 MiB of text gives 3 MiB of bytes.
const WINDOW = 4 << 20;

/**
 * Lists the files an EEP embeds: every 编码 whose 编码数据 holds Base64 text
 * (an empty one referring to another's data is that other's file, listed once).
 * An EEP that does not parse embeds nothing here; its own validation reports why.
 *
 * @param bytes - The `.eep` file.
 * @returns The embedded files, in document order.
 * @example
 * embeddedFiles(eepBytes).map((f) => f.name) //=> ['公文.pdf']
 */
export function embeddedFiles(bytes: Uint8Array): EmbeddedFile[] {
  const parsed = parseEepTree(bytes);
  if (!parsed.ok) return [];
  const files: EmbeddedFile[] = [];
  const visit = (node: EepNode): void => {
    if (node.name === '编码') {
      const data = child(node, '编码数据');
      if (!data || data.text.trim() === '') return;
      const name = encodingComputerFile(node)?.fileName || data.attributes['编码数据ID'] || '编码数据';
      files.push({ name, location: data.location, content: () => decodeBase64Chunks(data.text) });
    } else for (const c of node.children) visit(c);
  };
  visit(parsed.tree.root);
  return files;
}

/**
 * Decodes Base64 text window by window (RFC 2045: whitespace ignored). Invalid
 * Base64 is decoded leniently here; the EEP validator reports it
 * (`eep.content.base64-invalid`).
 *
 * @param text - The 编码数据 text.
 * @param window - Characters of text per chunk (default 4 Mi).
 * @returns The bytes, one chunk per window.
 * @example
 * for await (const chunk of decodeBase64Chunks('aGVs\nbG8=')) chunk //=> bytes of 'hello'
 */
export async function* decodeBase64Chunks(text: string, window = WINDOW): AsyncGenerator<Uint8Array> {
  let carry = '';
  for (let at = 0; at < text.length; at += window) {
    const clean = carry + text.slice(at, at + window).replace(/[^A-Za-z0-9+/=]/g, '');
    const whole = clean.length - (clean.length % 4);
    carry = clean.slice(whole);
    if (whole > 0) yield new Uint8Array(Buffer.from(clean.slice(0, whole), 'base64'));
  }
  if (carry.length > 0) yield new Uint8Array(Buffer.from(carry, 'base64'));
}
