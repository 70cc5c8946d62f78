import type { IssueLocation } from '../../report/issue.js';
import { computerFileRules, dat46ElementRules } from './dat46Elements.js';
import type { ComputerFile, ItemDigitization, ItemDocument, ItemEncoding, ItemMetadata, ItemMetadataReading } from './itemMetadataModel.js';
import { detachText } from '../../xml/detachText.js';

export type { ItemMetadataReading } from './itemMetadataModel.js';

/** The element tree the walker reads: the XML reader's `XmlElement` and the EEP tree's `EepNode` both are one. */
export interface MetadataXmlElement {
  /** Element name; children are matched by it exactly. */
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

/** How values are taken from the text: `trimmed` (validation, the default) or `exact` (the typed view: a value may begin or end with a space). */
export type ValueText = 'trimmed' | 'exact';

// The rules' paths split once, not per item.
const ELEMENT_RULES = dat46ElementRules.map((rule) => ({ ...rule, steps: rule.path.split('/') }));

// The containers of 文件实体 (DA/T 48-2009 附录A) whose locations the typed view reports missing children at.
const CONTAINERS = ['来源', '档号', '内容描述', '形式特征', '存储位置', '权限管理', '文件数据'] as const;

/** Root element of a per-item metadata XML (DA/T 46-2009 文件实体; DA/T 48-2009 §2.2). */
export const ITEM_METADATA_ROOT = '文件实体';

const same = (value: string) => value;

/**
 * The one walker of DA/T 46-2009 item metadata (docs/architecture.md, one
 * model per format): reads a 文件实体 element (DA/T 48-2009 附录A) into the
 * one model {@link ItemMetadata}, with the location of every element read. The
 * dat93 validator reads each item's XML with it, `readItemMetadataXml` and
 * `readEep` derive their typed view from what it reads, and the EEP checks
 * read 电子属性 with it. Nothing is validated here: a missing element is
 * absent, a malformed value is kept as written. Computer files are every
 * 电子属性 block anywhere below the root (directly under 文件实体, or under
 * 文件数据/文档/文档数据/编码 as in an EEP), each with its 数字摘要 elements
 * and their 算法 attribute; 文件数据 is also kept as its 文档/文档数据/编码 tree.
 *
 * @param root - The document element; its name should be 文件实体 (the caller checks).
 * @param keep - How each value is kept: by default as a string of its own, not tied to the document
 *   (`detachText`); a reader of many items passes a `createTextPool` to share repeated values.
 * @param text - `trimmed` (default) or `exact`: whether values lose the whitespace at their edges.
 * @returns The metadata and the location of each element read.
 * @example
 * const { metadata } = readItemMetadata(root);
 * metadata.archivalCode.year //=> '2024'
 */
export function readItemMetadata(root: MetadataXmlElement, keep: (value: string) => string = detachText, text: ValueText = 'trimmed'): ItemMetadataReading {
  const value = text === 'trimmed' ? (raw: string) => keep(raw.trim()) : keep;
  const locations = new Map<string, IssueLocation>();
  const at = (key: string, element: MetadataXmlElement) => locations.set(key, element.location);
  const metadata = emptyMetadata();
  for (const name of CONTAINERS) {
    const element = child(root, name);
    if (element) at(name, element);
  }
  const archivalCode = child(root, '档号');
  if (archivalCode && archivalCode.text.trim() !== '') metadata.archivalCode.text = value(archivalCode.text);
  for (const rule of ELEMENT_RULES) {
    const element = find(root, rule.steps);
    if (!element) continue;
    at(rule.path, element);
    assign(metadata, rule.field, value(element.text));
  }
  const descriptors = children(child(root, '内容描述'), '主题词');
  metadata.description.descriptors = descriptors.map((e) => value(e.text));
  if (descriptors.some((e) => e.attributes['主题词表名称'] !== undefined)) {
    metadata.description.descriptorThesauri = descriptors.map((e) => {
      const thesaurus = e.attributes['主题词表名称'];
      return thesaurus === undefined ? undefined : value(thesaurus);
    });
  }
  readStorage(child(root, '存储位置'), metadata.storage, value);
  readRights(child(root, '权限管理'), metadata.rights, value, at);
  metadata.informationSystems = children(root, '信息系统描述').map((e) => value(e.text));
  metadata.notes = children(root, '附注').map((e) => value(e.text));
  const blocks = descendants(root, '电子属性');
  blocks.forEach((block, index) => metadata.files.push(readComputerFile(block, value, `files[${index}]`, at)));
  const fileData = child(root, '文件数据');
  if (fileData) metadata.documents = readDocuments(fileData, blocks, value, at);
  return { metadata, locations };
}

/**
 * The 电子属性 (DA/T 46-2009 M46–M50) of one 编码, read as {@link readItemMetadata}
 * reads it inside a 文件实体 (values trimmed): for checks that visit an EEP's
 * 编码 elements one by one.
 *
 * @param encoding - A 编码 element.
 * @returns Its first 电子属性, or `undefined` when it has none.
 * @example
 * encodingComputerFile(编码)?.fileName //=> '正文.pdf'
 */
export function encodingComputerFile(encoding: MetadataXmlElement): ComputerFile | undefined {
  const block = child(encoding, '电子属性');
  return block && readComputerFile(block, (raw) => raw.trim(), '', () => undefined);
}

function emptyMetadata(): ItemMetadata {
  return {
    provenance: {},
    archivalCode: {},
    description: { descriptors: [] },
    form: {},
    storage: { offlineMediumIds: [], offlineMediumLocations: [] },
    rights: { authorizations: [] },
    informationSystems: [],
    files: [],
    documents: [],
    notes: [],
  };
}

type Value = (raw: string) => string;
type At = (key: string, element: MetadataXmlElement) => unknown;

// 存储位置 (DA/T 46-2009 M65–M69).
function readStorage(storage: MetadataXmlElement | undefined, into: ItemMetadata['storage'], value: Value): void {
  if (!storage) return;
  const current = child(storage, '当前位置');
  if (current) into.currentLocation = value(current.text);
  into.offlineMediumIds = children(storage, '脱机载体编号').map((e) => value(e.text));
  into.offlineMediumLocations = children(storage, '脱机载体存址').map((e) => value(e.text));
  const microform = child(storage, '缩微号');
  if (microform) into.microformId = value(microform.text);
}

// 权限管理 (DA/T 46-2009 M70–M74).
function readRights(rights: MetadataXmlElement | undefined, into: ItemMetadata['rights'], value: Value, at: At): void {
  if (!rights) return;
  const statement = child(rights, '知识产权说明');
  if (statement) into.intellectualPropertyStatement = value(statement.text);
  into.authorizations = children(rights, '授权').map((grant, i) => {
    at(`权限管理/授权[${i}]`, grant);
    const agent = child(grant, '授权对象');
    const permission = child(grant, '授权行为');
    return { ...(agent ? { agent: value(agent.text) } : {}), ...(permission ? { permission: value(permission.text) } : {}) };
  });
  const control = child(rights, '控制标识');
  if (control) into.controlIdentifier = value(control.text);
}

// 电子属性 (DA/T 46-2009 M46–M50) with its 数字摘要 (固化信息, GB/T 18894-2016).
function readComputerFile(block: MetadataXmlElement, value: Value, key: string, at: At): ComputerFile {
  const file: ComputerFile = { digests: [] };
  at(key, block);
  for (const rule of computerFileRules) {
    const element = child(block, rule.element);
    if (!element) continue;
    at(`${key}/${rule.element}`, element);
    file[rule.field] = value(element.text);
  }
  children(block, '数字摘要').forEach((e, i) => {
    at(`${key}/数字摘要[${i}]`, e);
    file.digests.push({ algorithm: value(e.attributes['算法'] ?? ''), value: value(e.text) });
  });
  return file;
}

// 文件数据/文档/文档数据/编码 (DA/T 48-2009 附录A); each 编码 points at its 电子属性 among `blocks`.
function readDocuments(fileData: MetadataXmlElement, blocks: readonly MetadataXmlElement[], value: Value, at: At): ItemDocument[] {
  const fileIndex = new Map(blocks.map((block, i) => [block, i]));
  const optional = (parent: MetadataXmlElement, name: string) => {
    const element = child(parent, name);
    return element && value(element.text);
  };
  return children(fileData, '文档').map((doc, d) => {
    const key = `documents[${d}]`;
    at(key, doc);
    const document: ItemDocument = {
      data: children(doc, '文档数据').map((data, n) => {
        at(`${key}/data[${n}]`, data);
        return { encodings: children(data, '编码').map((encoding, e) => readEncoding(encoding, `${key}/data[${n}]/encodings[${e}]`, fileIndex, optional, at)) };
      }),
    };
    const sequence = optional(doc, '文档序号');
    const role = optional(doc, '文档主从声明');
    const title = optional(doc, '题名');
    if (sequence !== undefined) document.sequence = sequence;
    if (role !== undefined) document.role = role;
    if (title !== undefined) document.title = title;
    return document;
  });
}

function readEncoding(
  encoding: MetadataXmlElement,
  key: string,
  fileIndex: ReadonlyMap<MetadataXmlElement, number>,
  optional: (parent: MetadataXmlElement, name: string) => string | undefined,
  at: At,
): ItemEncoding {
  at(key, encoding);
  const result: ItemEncoding = {};
  const block = child(encoding, '电子属性');
  const file = block && fileIndex.get(block);
  if (file !== undefined) result.file = file;
  const digitization = child(encoding, '数字化属性');
  if (digitization) {
    at(`${key}/数字化属性`, digitization);
    const g: ItemDigitization = {};
    const fields = [
      ['physicalCharacteristics', '数字化对象形态'],
      ['scanningResolution', '扫描分辨率'],
      ['scanningColorModel', '扫描色彩模式'],
      ['imageCompressionScheme', '图像压缩方案'],
    ] as const; // DA/T 46-2009 M53–M56
    for (const [field, name] of fields) {
      const text = optional(digitization, name);
      if (text !== undefined) g[field] = text;
    }
    result.digitization = g;
  }
  // 编码数据 (DA/T 48-2009 §6.5) is an EEP's content: kept as written, never trimmed or copied.
  const content = child(encoding, '编码数据');
  if (content) {
    at(`${key}/编码数据`, content);
    result.content = content.text;
  }
  return result;
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
