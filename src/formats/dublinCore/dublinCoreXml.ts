import type { Issue, Locale } from '../../report/issue.js';
import { readRootElement } from '../../xml/readRootElement.js';
import { serializeXml, xmlElement, type XmlOutputEncoding } from '../../xml/xmlNode.js';
import { dublinCoreElements, type DublinCoreElement, type DublinCoreRecord } from './dublinCore.js';

/**
 * Namespaces of the OAI-PMH `oai_dc` container and the DCMES 1.1 elements.
 *
 * @example
 * DUBLIN_CORE_NAMESPACES.dc //=> 'http://purl.org/dc/elements/1.1/'
 */
export const DUBLIN_CORE_NAMESPACES = {
  oai_dc: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
  dc: 'http://purl.org/dc/elements/1.1/',
} as const;

/**
 * Writes a Dublin Core record as `oai_dc:dc` XML (the OAI-PMH container every
 * repository reads), elements in DCMES order, each value once.
 *
 * @param record - The record.
 * @param encoding - Declared encoding. Default UTF-8.
 * @returns The XML text.
 * @throws RangeError when a value holds a character XML 1.0 cannot carry.
 * @example
 * writeDublinCoreXml({ title: ['关于…的通知'], identifier: ['Z109-WS·2011-Y-BGS-0001'] })
 */
export function writeDublinCoreXml(record: DublinCoreRecord, encoding: XmlOutputEncoding = 'UTF-8'): string {
  const children = dublinCoreElements.flatMap((name) => (record[name] ?? []).map((value) => xmlElement(`dc:${name}`, value)));
  return serializeXml(
    xmlElement('oai_dc:dc', children, { 'xmlns:oai_dc': DUBLIN_CORE_NAMESPACES.oai_dc, 'xmlns:dc': DUBLIN_CORE_NAMESPACES.dc }),
    encoding,
  );
}

/**
 * Reads `oai_dc:dc` (or a bare `dc` container) back into a
 * {@link DublinCoreRecord}: the inverse of {@link writeDublinCoreXml}.
 * Elements outside DCMES 1.1 are ignored. Never throws.
 *
 * @param input - Bytes or text.
 * @param options - Path and locale for issues.
 * @returns The record (absent when the XML is unreadable) and issues.
 * @example
 * readDublinCoreXml(writeDublinCoreXml({ title: ['x'] })).record //=> { title: ['x'] }
 */
export function readDublinCoreXml(input: Uint8Array | string, options: { path?: string; locale?: Locale } = {}): { record?: DublinCoreRecord; issues: Issue[] } {
  const { root, issues } = readRootElement(input, options, { name: 'oai_dc:dc', matches: (name) => localName(name) === 'dc' });
  if (!root) return { issues };
  const record: DublinCoreRecord = {};
  for (const child of root.children) {
    const name = localName(child.name) as DublinCoreElement;
    if (!dublinCoreElements.includes(name)) continue;
    record[name] = [...(record[name] ?? []), child.text];
  }
  return { record, issues };
}

/** An element name without its namespace prefix (`dc:title` → `title`). */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
