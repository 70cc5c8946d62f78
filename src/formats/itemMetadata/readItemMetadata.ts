import type { IssueLocation } from '../../report/issue.js';
import { computerFileRules, dat46ElementRules } from './dat46Elements.js';
import type { ComputerFile, ItemMetadata } from './itemMetadataModel.js';
import { detachText } from '../../xml/detachText.js';

/** The element tree the metadata reader walks (what the XML layer produces). */
export interface MetadataXmlElement {
  /** Local name (no namespace prefix). */
  readonly name: string;
  /** Attribute values by local name. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The element's own text, entities resolved. */
  readonly text: string;
  /** Child elements in document order. */
  readonly children: readonly MetadataXmlElement[];
  /** 1-based line and column of the start tag. */
  readonly location: IssueLocation;
}

/** Result of {@link readItemMetadata}. */
export interface ItemMetadataReading {
  /** The metadata, values trimmed. */
  metadata: ItemMetadata;
  /** Start-tag location of every element read, keyed by its path below 文件实体 (`files[0]/计算机文件名` for file attributes). */
  locations: ReadonlyMap<string, IssueLocation>;
}

// The rules' paths split once, not per item.
const ELEMENT_RULES = dat46ElementRules.map((rule) => ({ ...rule, steps: rule.path.split('/') }));

/** Root element of a per-item metadata XML (DA/T 46-2009 文件实体; DA/T 48-2009 §2.2). */
export const ITEM_METADATA_ROOT = '文件实体';

/**
 * Reads a 文件实体 element (DA/T 46-2009 element names) into
 * {@link ItemMetadata}. Values are trimmed text; nothing is validated here.
 * Computer files are every 电子属性 block anywhere below the root (directly
 * under 文件实体, or under 文件数据/文档/文档数据/编码 as in an EEP), each with
 * its 数字摘要 elements and their 算法 attribute.
 *
 * @param root - The document element; its name should be 文件实体 (the caller checks).
 * @param keep - How each value is kept: by default as a string of its own, not tied to the document
 *   (`detachText`); a reader of many items passes a `createTextPool` to share repeated values.
 * @returns The metadata and the location of each element read.
 * @example
 * const { metadata } = readItemMetadata(root);
 * metadata.archivalCode.year //=> '2024'
 */
export function readItemMetadata(root: MetadataXmlElement, keep: (value: string) => string = detachText): ItemMetadataReading {
  const ownText = (element: MetadataXmlElement) => keep(element.text.trim());
  const locations = new Map<string, IssueLocation>();
  const metadata: ItemMetadata = {
    provenance: {},
    archivalCode: {},
    description: { descriptors: [] },
    form: {},
    files: [],
    notes: [],
  };
  const archivalCode = child(root, '档号');
  if (archivalCode) {
    locations.set('档号', archivalCode.location);
    const text = ownText(archivalCode);
    if (text !== '') metadata.archivalCode.text = text;
  }
  for (const rule of ELEMENT_RULES) {
    const element = find(root, rule.steps);
    if (!element) continue;
    locations.set(rule.path, element.location);
    assign(metadata, rule.field, ownText(element));
  }
  const description = child(root, '内容描述');
  metadata.description.descriptors = children(description, '主题词').map(ownText);
  metadata.notes = children(root, '附注').map(ownText);
  for (const block of descendants(root, '电子属性')) {
    const index = metadata.files.length;
    const file: ComputerFile = { digests: [] };
    locations.set(`files[${index}]`, block.location);
    for (const rule of computerFileRules) {
      const element = child(block, rule.element);
      if (!element) continue;
      locations.set(`files[${index}]/${rule.element}`, element.location);
      file[rule.field] = ownText(element);
    }
    children(block, '数字摘要').forEach((e, i) => {
      locations.set(`files[${index}]/数字摘要[${i}]`, e.location);
      file.digests.push({ algorithm: keep((e.attributes['算法'] ?? '').trim()), value: ownText(e) });
    });
    metadata.files.push(file);
  }
  return { metadata, locations };
}

function child(element: MetadataXmlElement | undefined, name: string): MetadataXmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

function children(element: MetadataXmlElement | undefined, name: string): MetadataXmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

function find(root: MetadataXmlElement, steps: readonly string[]): MetadataXmlElement | undefined {
  let at: MetadataXmlElement | undefined = root;
  for (const name of steps) at = child(at, name);
  return at;
}

/** The elements of a name below `element`, in document order, not looking inside a match. */
function descendants(element: MetadataXmlElement, name: string, found: MetadataXmlElement[] = []): MetadataXmlElement[] {
  for (const c of element.children) {
    if (c.name === name) found.push(c);
    else if (c.children.length > 0) descendants(c, name, found);
  }
  return found;
}

function assign(metadata: ItemMetadata, field: string, value: string): void {
  const [group, key] = field.split('.');
  const target = (key === undefined ? metadata : (metadata as unknown as Record<string, Record<string, unknown>>)[group ?? '']) as Record<string, unknown>;
  target[key ?? group ?? ''] = value;
}
