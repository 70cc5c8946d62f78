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

/** Root element of a per-item metadata XML (DA/T 46-2009 文件实体; DA/T 48-2009 §2.2). */
export const ITEM_METADATA_ROOT = '文件实体';

// The containers of 文件实体 (DA/T 48-2009 附录A) whose locations the typed view reports missing children at.
const CONTAINERS = ['来源', '档号', '内容描述', '形式特征', '存储位置', '权限管理', '文件数据'] as const;

// What an open element is to the walker. An element takes its role from its parent's role and its name;
// "first" roles go to the first child of that name only, as a lookup of the first child by name would find it.
const NONE = 0; // nothing read from it (its descendants may still hold a 电子属性)
const ROOT = 1; // 文件实体
const CONTAINER = 2; // 来源, 档号, 内容描述, 形式特征 (the first of each): the parents of the element rules
const STORAGE = 3; // 存储位置 M65
const RIGHTS = 4; // 权限管理 M70
const GRANT = 5; // 授权 (every one)
const FILE_DATA = 6; // 文件数据 (DA/T 48-2009 附录A)
const DOCUMENT = 7; // 文档
const DATA = 8; // 文档数据
const ENCODING = 9; // 编码
const DIGITIZATION = 10; // 数字化属性 M52
const FILE = 11; // 电子属性 M46, anywhere below the root, not inside another
const VALUE = 12; // a value: its text goes to target[key]
const LIST = 13; // a repeatable value: its text is pushed to target
const DESCRIPTOR = 14; // 主题词 M26 and its 主题词表名称
const DIGEST = 15; // 数字摘要 and its 算法
const CONTENT = 16; // 编码数据 (DA/T 48-2009 §6.5): kept as written

/** One element rule (dat46Elements.ts) with its path split once and its field resolved. */
interface ElementRule {
  path: string;
  group: string | undefined;
  key: string;
}

// The rules' paths split once, not per item; one or two steps below 文件实体 (the walker reads no deeper rule).
const ELEMENT_RULES: readonly ElementRule[] = dat46ElementRules.map((rule) => {
  const [group, key] = rule.field.split('.');
  return { path: rule.path, group: key === undefined ? undefined : group, key: key ?? (group as string) };
});

/** A rule met below its parent: its index in ELEMENT_RULES and its bit in the parent's first-child mask. */
interface RuleBelow {
  rule: number;
  bit: number;
}

/** The rules by name: below 文件实体 (one step, key ''), or below each container (two steps). */
const RULES_BELOW = new Map<string, Map<string, RuleBelow>>();
ELEMENT_RULES.forEach((rule, index) => {
  const steps = rule.path.split('/');
  if (steps.length > 2) throw new Error(`element rule ${rule.path}: the walker reads rules one or two steps below 文件实体`);
  const parent = steps.length === 1 ? '' : (steps[0] as string);
  let below = RULES_BELOW.get(parent);
  if (below === undefined) RULES_BELOW.set(parent, (below = new Map()));
  if (below.size >= 24) throw new Error(`element rules below ${parent || '文件实体'}: more than the first-child mask holds`);
  below.set(steps.at(-1) as string, { rule: index, bit: 1 << below.size });
});
const ROOT_RULES = RULES_BELOW.get('') ?? new Map<string, RuleBelow>();
const NO_RULES = new Map<string, RuleBelow>();
// The containers' bits in 文件实体's first-child mask, above its rules' (at most 24).
const SEEN_CONTAINER = (index: number) => 1 << (24 + index);
const COMPUTER_FILE_FIELDS = new Map<string, number>(computerFileRules.map((rule, index) => [rule.element, index]));
// DA/T 46-2009 M53–M56, in the order the model lists them.
const DIGITIZATION_FIELDS = [
  ['physicalCharacteristics', '数字化对象形态'],
  ['scanningResolution', '扫描分辨率'],
  ['scanningColorModel', '扫描色彩模式'],
  ['imageCompressionScheme', '图像压缩方案'],
] as const;
const DIGITIZATION_INDEX = new Map<string, number>(DIGITIZATION_FIELDS.map(([, name], index) => [name, index]));

/** What the walker gathers of one 电子属性 until the document ends. */
interface FileSlot<H> {
  at: H;
  fields: (string | undefined)[];
  fieldAt: (H | undefined)[];
  digests: { at: H; algorithm: string; value: string }[];
}

/** What the walker gathers of one 编码. */
interface EncodingSlot<H> {
  at: H;
  file?: number;
  digitizationAt?: H;
  digitization?: (string | undefined)[];
  contentAt?: H;
  content?: string;
}

/** What the walker gathers of one 文档. */
interface DocumentSlot<H> {
  at: H;
  /** 文档序号, 文档主从声明, 题名. */
  values: (string | undefined)[];
  data: { at: H; encodings: EncodingSlot<H>[] }[];
}

const DOCUMENT_VALUES = new Map<string, number>([['文档序号', 0], ['文档主从声明', 1], ['题名', 2]]);

/** Where the element being opened stands: asked only for the elements the walker records. */
export interface ElementPlace<H> {
  /** The handle of the element opened now. */
  here(): H;
}

/**
 * How the walker takes one value from an element's own text: trimmed and kept
 * (validation), or kept as written (the typed view).
 */
type Value = (raw: string) => string;

/**
 * The one walker of DA/T 46-2009 item metadata, fed one element at a time
 * (docs/architecture.md, one model per format): `open` each element in
 * document order with a handle for its location, `close` it with its own
 * text, then `finish`. It keeps only what the model holds (no element tree):
 * the XML reader feeds it the scan's events, {@link readItemMetadata} an
 * element tree. Handles are turned into locations by the caller, so a reader
 * of many items locates only what it reports.
 */
export class ItemMetadataWalker<H, A> {
  // The open elements, by depth (0 = the document element): role, first-child mask, target and key.
  private readonly roles: number[] = [];
  private readonly seen: number[] = [];
  private readonly targets: unknown[] = [];
  private readonly keys: (string | number)[] = [];
  private depth = 0;
  private fileDepth = -1; // depth of the 电子属性 being read, -1 outside one

  private readonly containers: (H | undefined)[] = [];
  private codeText: string | undefined;
  private readonly rules: (string | undefined)[] = [];
  private readonly ruleAt: (H | undefined)[] = [];
  private readonly descriptors: string[] = [];
  private readonly thesauri: (string | undefined)[] = [];
  private hasThesaurus = false;
  private storage: { currentLocation?: string; microformId?: string; ids: string[]; locations: string[] } | undefined;
  private rights: { statement?: string; control?: string; grants: { at: H; values: (string | undefined)[] }[] } | undefined;
  private readonly informationSystems: string[] = [];
  private readonly notes: string[] = [];
  private readonly files: FileSlot<H>[] = [];
  private documents: DocumentSlot<H>[] | undefined;

  /**
   * @param attribute - Reads an attribute of an element from what `open` was given.
   * @param value - Makes a value of an element's own text (trimmed and kept, or as written).
   * @param root - The role of the first element opened: 文件实体 (`'entity'`) or one 电子属性 (`'file'`).
   */
  constructor(
    private readonly attribute: (attributes: A, name: string) => string | undefined,
    private readonly value: Value,
    root: 'entity' | 'file' = 'entity',
  ) {
    this.rootRole = root === 'entity' ? ROOT : FILE;
  }

  private readonly rootRole: number;

  /**
   * An element starts.
   *
   * @param name - Its name as written.
   * @param attributes - Its attributes, read with the walker's `attribute`.
   * @param place - Gives the handle of its location, asked only when the walker records it.
   * @returns Whether its own text is wanted at `close`.
   */
  open(name: string, attributes: A, place: ElementPlace<H>): boolean {
    const depth = this.depth++;
    if (depth === 0) {
      if (this.rootRole === FILE) this.openFile(0, place.here());
      else this.enter(0, ROOT, undefined, 0);
      return false;
    }
    const parent = depth - 1;
    const role = this.roles[parent] as number;
    // DA/T 46-2009 M46: every 电子属性 below the root, not inside another (a file's own blocks are its parts).
    if (name === '电子属性' && this.fileDepth < 0) {
      if (role === ENCODING && this.first(parent, 1)) (this.targets[parent] as EncodingSlot<H>).file = this.files.length;
      this.openFile(depth, place.here());
      return false;
    }
    switch (role) {
      case ROOT:
        return this.openInRoot(depth, name, place);
      case CONTAINER: {
        const below = (this.targets[parent] as Map<string, RuleBelow>).get(name);
        if (below !== undefined && this.first(parent, below.bit)) return this.openRule(depth, below.rule, place);
        if (name === '主题词' && this.keys[parent] === '内容描述') {
          const thesaurus = this.attribute(attributes, '主题词表名称');
          this.thesauri.push(thesaurus === undefined ? undefined : this.value(thesaurus));
          if (thesaurus !== undefined) this.hasThesaurus = true;
          return this.enter(depth, DESCRIPTOR, this.descriptors, 0);
        }
        break;
      }
      case STORAGE: {
        const storage = this.storage!;
        if (name === '当前位置' && this.first(parent, 1)) return this.enter(depth, VALUE, storage, 'currentLocation');
        if (name === '脱机载体编号') return this.enter(depth, LIST, storage.ids, 0);
        if (name === '脱机载体存址') return this.enter(depth, LIST, storage.locations, 0);
        if (name === '缩微号' && this.first(parent, 2)) return this.enter(depth, VALUE, storage, 'microformId');
        break;
      }
      case RIGHTS: {
        const rights = this.rights!;
        if (name === '知识产权说明' && this.first(parent, 1)) return this.enter(depth, VALUE, rights, 'statement');
        if (name === '授权') {
          const grant = { at: place.here(), values: [undefined, undefined] };
          rights.grants.push(grant);
          return this.enter(depth, GRANT, grant.values, 0);
        }
        if (name === '控制标识' && this.first(parent, 2)) return this.enter(depth, VALUE, rights, 'control');
        break;
      }
      case GRANT: {
        const values = this.targets[parent];
        if (name === '授权对象' && this.first(parent, 1)) return this.enter(depth, VALUE, values, 0);
        if (name === '授权行为' && this.first(parent, 2)) return this.enter(depth, VALUE, values, 1);
        break;
      }
      case FILE_DATA:
        if (name === '文档') {
          const document: DocumentSlot<H> = { at: place.here(), values: [undefined, undefined, undefined], data: [] };
          this.documents!.push(document);
          return this.enter(depth, DOCUMENT, document, 0);
        }
        break;
      case DOCUMENT: {
        const document = this.targets[parent] as DocumentSlot<H>;
        if (name === '文档数据') {
          const data = { at: place.here(), encodings: [] };
          document.data.push(data);
          return this.enter(depth, DATA, data.encodings, 0);
        }
        const index = DOCUMENT_VALUES.get(name);
        if (index !== undefined && this.first(parent, 1 << index)) return this.enter(depth, VALUE, document.values, index);
        break;
      }
      case DATA:
        if (name === '编码') {
          const encoding: EncodingSlot<H> = { at: place.here() };
          (this.targets[parent] as EncodingSlot<H>[]).push(encoding);
          return this.enter(depth, ENCODING, encoding, 0);
        }
        break;
      case ENCODING: {
        const encoding = this.targets[parent] as EncodingSlot<H>;
        if (name === '数字化属性' && this.first(parent, 2)) {
          encoding.digitizationAt = place.here();
          encoding.digitization = [undefined, undefined, undefined, undefined];
          return this.enter(depth, DIGITIZATION, encoding.digitization, 0);
        }
        if (name === '编码数据' && this.first(parent, 4)) {
          encoding.contentAt = place.here();
          return this.enter(depth, CONTENT, encoding, 0);
        }
        break;
      }
      case DIGITIZATION: {
        const index = DIGITIZATION_INDEX.get(name);
        if (index !== undefined && this.first(parent, 1 << index)) return this.enter(depth, VALUE, this.targets[parent], index);
        break;
      }
      case FILE: {
        const file = this.targets[parent] as FileSlot<H>;
        const index = COMPUTER_FILE_FIELDS.get(name);
        if (index !== undefined && this.first(parent, 1 << index)) {
          file.fieldAt[index] = place.here();
          return this.enter(depth, VALUE, file.fields, index);
        }
        if (name === '数字摘要') {
          const digest = { at: place.here(), algorithm: this.value(this.attribute(attributes, '算法') ?? ''), value: '' };
          file.digests.push(digest);
          return this.enter(depth, DIGEST, digest, 0);
        }
        break;
      }
    }
    return this.enter(depth, NONE, undefined, 0);
  }

  /**
   * The element opened last ends.
   *
   * @param text - Its own text (references resolved); `''` when `open` did not want it.
   */
  close(text: string): void {
    const depth = --this.depth;
    if (depth === this.fileDepth) this.fileDepth = -1;
    const target = this.targets[depth];
    switch (this.roles[depth]) {
      case VALUE:
        (target as Record<string | number, string>)[this.keys[depth] as string] = this.value(text);
        break;
      case LIST:
      case DESCRIPTOR:
        (target as string[]).push(this.value(text));
        break;
      case DIGEST:
        (target as { value: string }).value = this.value(text);
        break;
      case CONTAINER:
        if (this.keys[depth] === '档号' && text.trim() !== '') this.codeText = this.value(text);
        break;
      case CONTENT:
        // 编码数据 (DA/T 48-2009 §6.5) is an EEP's content: kept as written, never trimmed or copied.
        (target as EncodingSlot<H>).content = text;
        break;
    }
    this.targets[depth] = undefined;
  }

  /**
   * The document has ended: the model, and the handle of every element read by its key (in the order
   * the keys are listed in {@link ItemMetadataReading.locations}).
   *
   * @returns The metadata, the keys and their handles.
   */
  finish(): { metadata: ItemMetadata; keys: string[]; handles: H[] } {
    const marks = new Marks<H>();
    const metadata = emptyMetadata();
    for (let index = 0; index < CONTAINERS.length; index++) marks.add(CONTAINERS[index] as string, this.containers[index]);
    if (this.codeText !== undefined) metadata.archivalCode.text = this.codeText;
    for (let index = 0; index < ELEMENT_RULES.length; index++) {
      const value = this.rules[index];
      if (value === undefined) continue;
      const rule = ELEMENT_RULES[index] as ElementRule;
      marks.add(rule.path, this.ruleAt[index]);
      const target = (rule.group === undefined ? metadata : (metadata as unknown as Record<string, Record<string, unknown>>)[rule.group]) as Record<string, unknown>;
      target[rule.key] = value;
    }
    metadata.description.descriptors = this.descriptors;
    if (this.hasThesaurus) metadata.description.descriptorThesauri = this.thesauri;
    const storage = this.storage;
    if (storage) {
      if (storage.currentLocation !== undefined) metadata.storage.currentLocation = storage.currentLocation;
      metadata.storage.offlineMediumIds = storage.ids;
      metadata.storage.offlineMediumLocations = storage.locations;
      if (storage.microformId !== undefined) metadata.storage.microformId = storage.microformId;
    }
    const rights = this.rights;
    if (rights) {
      if (rights.statement !== undefined) metadata.rights.intellectualPropertyStatement = rights.statement;
      metadata.rights.authorizations = rights.grants.map((grant, i) => {
        marks.add(indexedKey('权限管理/授权', i), grant.at);
        const [agent, permission] = grant.values;
        return { ...(agent !== undefined ? { agent } : {}), ...(permission !== undefined ? { permission } : {}) };
      });
      if (rights.control !== undefined) metadata.rights.controlIdentifier = rights.control;
    }
    metadata.informationSystems = this.informationSystems;
    metadata.notes = this.notes;
    for (let index = 0; index < this.files.length; index++) {
      const slot = this.files[index] as FileSlot<H>;
      const key = indexedKey('files', index);
      marks.add(key, slot.at);
      const file: ComputerFile = { digests: [] };
      for (let field = 0; field < computerFileRules.length; field++) {
        const value = slot.fields[field];
        if (value === undefined) continue;
        const rule = computerFileRules[field] as (typeof computerFileRules)[number];
        marks.add(childKey(key, rule.element), slot.fieldAt[field]);
        file[rule.field] = value;
      }
      for (let i = 0; i < slot.digests.length; i++) {
        const digest = slot.digests[i] as FileSlot<H>['digests'][number];
        marks.add(indexedKey(childKey(key, '数字摘要'), i), digest.at);
        file.digests.push({ algorithm: digest.algorithm, value: digest.value });
      }
      metadata.files.push(file);
    }
    if (this.documents) metadata.documents = this.documents.map((slot, d) => readDocument(slot, indexedKey('documents', d), marks));
    return { metadata, keys: marks.keys, handles: marks.handles };
  }

  /** Whether the open element at `depth` meets its first child of a name (marked by `bit`) now. */
  private first(depth: number, bit: number): boolean {
    const seen = this.seen[depth] as number;
    if ((seen & bit) !== 0) return false;
    this.seen[depth] = seen | bit;
    return true;
  }

  private enter(depth: number, role: number, target: unknown, key: string | number): boolean {
    this.roles[depth] = role;
    this.seen[depth] = 0;
    this.targets[depth] = target;
    this.keys[depth] = key;
    return role >= VALUE;
  }

  private openFile(depth: number, at: H): void {
    const file: FileSlot<H> = { at, fields: [], fieldAt: [], digests: [] };
    this.files.push(file);
    this.fileDepth = depth;
    this.enter(depth, FILE, file, 0);
  }

  private openRule(depth: number, rule: number, place: ElementPlace<H>): boolean {
    this.ruleAt[rule] = place.here();
    return this.enter(depth, VALUE, this.rules, rule);
  }

  private openInRoot(depth: number, name: string, place: ElementPlace<H>): boolean {
    const container = CONTAINER_INDEX.get(name);
    if (container !== undefined) {
      if (!this.first(0, SEEN_CONTAINER(container))) return this.enter(depth, NONE, undefined, 0);
      this.containers[container] = place.here();
      switch (name) {
        case '存储位置':
          this.storage = { ids: [], locations: [] };
          return this.enter(depth, STORAGE, this.storage, 0);
        case '权限管理':
          this.rights = { grants: [] };
          return this.enter(depth, RIGHTS, this.rights, 0);
        case '文件数据':
          this.documents = [];
          return this.enter(depth, FILE_DATA, this.documents, 0);
      }
      // 来源, 档号, 内容描述, 形式特征: the parents of the two-step rules (档号 has its code as text, too).
      this.enter(depth, CONTAINER, RULES_BELOW.get(name) ?? NO_RULES, 0);
      this.keys[depth] = name;
      return name === '档号';
    }
    const below = ROOT_RULES.get(name);
    if (below !== undefined && this.first(0, below.bit)) return this.openRule(depth, below.rule, place);
    if (name === '信息系统描述') return this.enter(depth, LIST, this.informationSystems, 0);
    if (name === '附注') return this.enter(depth, LIST, this.notes, 0);
    return this.enter(depth, NONE, undefined, 0);
  }
}

const CONTAINER_INDEX = new Map<string, number>(CONTAINERS.map((name, index) => [name, index]));

/** The location keys of the elements read, in order, with their handles. */
class Marks<H> {
  readonly keys: string[] = [];
  readonly handles: H[] = [];

  add(key: string, handle: H | undefined): void {
    if (handle === undefined) return;
    this.keys.push(key);
    this.handles.push(handle);
  }
}

// Location keys (`files[0]/计算机文件名`, `documents[0]/data[0]` …) are made once for the run, not per item; the
// first indices only, so that a hostile document with 100,000 文档 does not grow the cache.
const KEY_CACHE = new Map<string, Map<string, string>>();
const INDEXED_CACHE = new Map<string, string[]>();
const CACHED_INDICES = 64;

function childKey(parent: string, step: string): string {
  let children = KEY_CACHE.get(parent);
  if (children === undefined) {
    if (KEY_CACHE.size >= 4096) return `${parent}/${step}`;
    KEY_CACHE.set(parent, (children = new Map()));
  }
  let key = children.get(step);
  if (key === undefined) children.set(step, (key = `${parent}/${step}`));
  return key;
}

function indexedKey(base: string, index: number): string {
  if (index >= CACHED_INDICES) return `${base}[${index}]`;
  let keys = INDEXED_CACHE.get(base);
  if (keys === undefined) {
    if (INDEXED_CACHE.size >= 4096) return `${base}[${index}]`;
    INDEXED_CACHE.set(base, (keys = []));
  }
  return (keys[index] ??= `${base}[${index}]`);
}

// 文件数据/文档/文档数据/编码 (DA/T 48-2009 附录A), with the locations of each part.
function readDocument<H>(slot: DocumentSlot<H>, key: string, marks: Marks<H>): ItemDocument {
  marks.add(key, slot.at);
  const document: ItemDocument = {
    data: slot.data.map((data, n) => {
      const dataKey = indexedKey(childKey(key, 'data'), n);
      marks.add(dataKey, data.at);
      return { encodings: data.encodings.map((encoding, e) => readEncoding(encoding, indexedKey(childKey(dataKey, 'encodings'), e), marks)) };
    }),
  };
  const [sequence, role, title] = slot.values;
  if (sequence !== undefined) document.sequence = sequence;
  if (role !== undefined) document.role = role;
  if (title !== undefined) document.title = title;
  return document;
}

function readEncoding<H>(slot: EncodingSlot<H>, key: string, marks: Marks<H>): ItemEncoding {
  marks.add(key, slot.at);
  const result: ItemEncoding = {};
  if (slot.file !== undefined) result.file = slot.file;
  if (slot.digitization) {
    marks.add(childKey(key, '数字化属性'), slot.digitizationAt);
    const g: ItemDigitization = {};
    DIGITIZATION_FIELDS.forEach(([field], index) => {
      const text = slot.digitization![index];
      if (text !== undefined) g[field] = text;
    });
    result.digitization = g;
  }
  if (slot.contentAt !== undefined) {
    marks.add(childKey(key, '编码数据'), slot.contentAt);
    result.content = slot.content ?? '';
  }
  return result;
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

/**
 * How the walker takes values: `trimmed` values lose the whitespace at their edges, and every value is kept with `keep`.
 *
 * @param keep - Keeps a value (a copy detached from the document, or a pooled one).
 * @param text - `trimmed` or `exact`.
 * @returns The value function.
 */
export function itemMetadataValue(keep: (value: string) => string, text: ValueText): (raw: string) => string {
  return text === 'trimmed' ? (raw) => keep(raw.trim()) : keep;
}

const treeAttribute = (attributes: Readonly<Record<string, string>>, name: string): string | undefined => attributes[name];

/**
 * Reads a 文件实体 element tree (DA/T 48-2009 附录A) into the one model
 * {@link ItemMetadata}, with the location of every element read: the tree is
 * fed, element by element, to the one walker `ItemMetadataWalker` that
 * the XML reader feeds from the scan's events. `readEep` derives its typed
 * view from what it reads, and the EEP checks read 电子属性 with it. Nothing
 * is validated here: a missing element is absent, a malformed value is kept
 * as written. Computer files are every 电子属性 block anywhere below the root
 * (directly under 文件实体, or under 文件数据/文档/文档数据/编码 as in an EEP),
 * each with its 数字摘要 elements and their 算法 attribute; 文件数据 is also
 * kept as its 文档/文档数据/编码 tree.
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
  const walker = new ItemMetadataWalker<MetadataXmlElement, Readonly<Record<string, string>>>(treeAttribute, itemMetadataValue(keep, text));
  feed(walker, root);
  const { metadata, keys, handles } = walker.finish();
  const locations = new Map<string, IssueLocation>();
  keys.forEach((key, i) => locations.set(key, (handles[i] as MetadataXmlElement).location));
  return { metadata, locations };
}

/** Feeds an element and its descendants to the walker, in document order, without recursion. */
function feed(walker: ItemMetadataWalker<MetadataXmlElement, Readonly<Record<string, string>>>, root: MetadataXmlElement): void {
  const stack: { element: MetadataXmlElement; next: number }[] = [{ element: root, next: 0 }];
  const place = { element: root, here: () => place.element };
  walker.open(root.name, root.attributes, place);
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    const child = top.element.children[top.next++];
    if (child === undefined) {
      walker.close(top.element.text);
      stack.pop();
      continue;
    }
    place.element = child;
    walker.open(child.name, child.attributes, place);
    stack.push({ element: child, next: 0 });
  }
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
  const block = encoding.children.find((c) => c.name === '电子属性');
  if (!block) return undefined;
  const walker = new ItemMetadataWalker<MetadataXmlElement, Readonly<Record<string, string>>>(treeAttribute, (raw) => raw.trim(), 'file');
  feed(walker, block);
  return walker.finish().metadata.files[0];
}
