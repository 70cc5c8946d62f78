import type { IssueLocation } from '../../report/issue.js';
import type { ComputerFile, ItemMetadata } from '../../formats/itemMetadata/itemMetadataModel.js';

/**
 * What the checks after `readItems` use of one item's metadata: the cross-checks
 * (电子文件号, 档号 and the fields compared with 目录文件.XML) and the content links
 * (计算机文件名, 计算机文件大小, 格式信息); the fixity claims (数字摘要) are taken
 * as the item is read (`FixityClaimCollector.addItem`), not kept here. The
 * full reading is checked as the item is read and then dropped: a package of
 * 250,000 items keeps only this (docs/performance.md, per-item memory).
 */
export interface KeptItemMetadata {
  /** 电子文件号 M7. */
  recordId?: string | undefined;
  /** 档号 M8: its text and 保管期限 M12. */
  archivalCode: Pick<ItemMetadata['archivalCode'], 'text' | 'retentionPeriod'>;
  /** 内容描述: 题名 M22, 责任者 M32, 日期 M33, 密级 M34. */
  description: Pick<ItemMetadata['description'], 'title' | 'author' | 'date' | 'securityClassification'>;
  /** The computer files (电子属性): 格式信息, 计算机文件名 and 计算机文件大小. */
  files: readonly KeptComputerFile[];
}

/** What later checks use of one computer file. */
export type KeptComputerFile = Pick<ComputerFile, 'formatInfo' | 'fileName' | 'fileSize'>;

/**
 * The slice of a metadata reading later checks use; the values are the
 * reading's own strings (no copies), the other objects are dropped.
 *
 * @param metadata - The full metadata of one item.
 * @returns The kept part.
 * @example
 * keepItemMetadata(reading.metadata).archivalCode.text //=> 'Z109-WS·2000-Y-BGS-0001'
 */
export function keepItemMetadata(metadata: ItemMetadata): KeptItemMetadata {
  const { archivalCode: code, description: d } = metadata;
  return {
    recordId: metadata.recordId,
    archivalCode: { text: code.text, retentionPeriod: code.retentionPeriod },
    description: { title: d.title, author: d.author, date: d.date, securityClassification: d.securityClassification },
    files: keptFiles(metadata),
  };
}

// Arrays copied to their length: one grown by push keeps room for 16 more.
const keptFiles = (metadata: ItemMetadata): KeptComputerFile[] => metadata.files.map(({ formatInfo, fileName, fileSize }) => ({ formatInfo, fileName, fileSize }));

/**
 * One item's kept metadata and locations as one object (a package of 250,000
 * items keeps one of these each): the kept values are its own fields, and
 * `metadata`, `archivalCode`, `description` and `locations` are views of it,
 * so an item costs one object and its files, not six objects
 * (docs/performance.md, per-item memory). It reads like {@link keepItemMetadata}'s
 * result and a {@link LocationLookup}.
 */
export class KeptItem implements KeptItemMetadata, LocationLookup {
  /** 电子文件号 M7. */
  recordId: string | undefined;
  /** 档号 M8 as written. */
  text: string | undefined;
  /** 保管期限 M12. */
  readonly retentionPeriod: string | undefined;
  /** 题名 M22. */
  title: string | undefined;
  /** 责任者 M32. */
  author: string | undefined;
  /** 日期 M33. */
  date: string | undefined;
  /** 密级 M34. */
  securityClassification: string | undefined;
  /** The computer files. */
  readonly files: readonly KeptComputerFile[];
  private readonly arena: LocationArena;
  private readonly start: number;
  private readonly end: number;

  /**
   * @param metadata - The item's whole metadata (only the kept values are taken).
   * @param locations - Its locations by key.
   * @param arena - The run's arena, where the wanted locations are stored.
   * @param wanted - Which keys later checks report at.
   */
  constructor(metadata: ItemMetadata, locations: ReadonlyMap<string, IssueLocation>, arena: LocationArena, wanted: (key: string) => boolean) {
    const { archivalCode: code, description: d } = metadata;
    this.recordId = metadata.recordId;
    this.text = code.text;
    this.retentionPeriod = code.retentionPeriod;
    this.title = d.title;
    this.author = d.author;
    this.date = d.date;
    this.securityClassification = d.securityClassification;
    this.files = keptFiles(metadata);
    this.arena = arena;
    this.start = arena.size;
    arena.keep(locations, wanted);
    this.end = arena.size;
  }

  /** The kept metadata (this object). */
  get metadata(): KeptItemMetadata {
    return this;
  }

  /** 档号 and 保管期限 (this object). */
  get archivalCode(): KeptItemMetadata['archivalCode'] {
    return this;
  }

  /** 内容描述 (this object). */
  get description(): KeptItemMetadata['description'] {
    return this;
  }

  /** The kept locations (this object). */
  get locations(): LocationLookup {
    return this;
  }

  /** {@inheritDoc LocationLookup.get} */
  get(key: string): IssueLocation | undefined {
    return this.arena.find(key, this.start, this.end);
  }

  /**
   * Takes the equal strings another holder keeps instead of its own copies:
   * the folder's name for 档号 (they agree in a sound package; the catalogue
   * entry's 档号 takes it too) and the catalogue entry's values (目录文件.XML
   * repeats 题名 and the others), so a value held two or three times is stored once.
   *
   * @param folderName - The item folder's name.
   * @param catalogue - The catalogue entry's values for this item, if any.
   */
  share(folderName: string, catalogue?: Partial<Record<'档号' | '题名' | '责任者' | '日期' | '密级', string>>): void {
    if (this.text === folderName) this.text = folderName;
    if (!catalogue) return;
    if (catalogue.档号 === folderName) catalogue.档号 = folderName;
    if (this.title !== undefined && this.title === catalogue.题名) this.title = catalogue.题名;
    if (this.author !== undefined && this.author === catalogue.责任者) this.author = catalogue.责任者;
    if (this.date !== undefined && this.date === catalogue.日期) this.date = catalogue.日期;
    if (this.securityClassification !== undefined && this.securityClassification === catalogue.密级) this.securityClassification = catalogue.密级;
  }
}

/** An item's locations, looked up by key (`档号`, `files[0]/计算机文件名` …) as a `Map` would be. */
export interface LocationLookup {
  /** The location kept for `key`, a fresh object (callers may spread it into an issue). */
  get(key: string): IssueLocation | undefined;
}

// Numbers per location in the arena: key id, line, column, XPath id (−1: none).
const STRIDE = 4;

/**
 * The kept locations of every item of a run in one growable `Int32Array`:
 * four numbers a location, with keys and XPaths stored once for the run
 * (every item has the same few). An item holds a start and an end in it, not
 * a `Map` of objects: about 16 bytes a location instead of about 100.
 */
export class LocationArena {
  private data = new Int32Array(STRIDE * 1024);
  private length = 0;

  /** Where the next location will be stored (an item's start, and after {@link LocationArena.keep} its end). */
  get size(): number {
    return this.length;
  }
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];

  /**
   * Stores the locations `wanted` accepts.
   *
   * @param locations - The reading's locations by key.
   * @param wanted - Which keys later checks report at.
   * @returns The item's view of them.
   */
  keep(locations: ReadonlyMap<string, IssueLocation>, wanted: (key: string) => boolean): ItemLocations {
    const start = this.length;
    // Keys first: a reading locates its elements when asked (readItemMetadataDocument), and only the wanted are kept.
    for (const key of locations.keys()) {
      if (!wanted(key)) continue;
      const { line, column, xpath } = locations.get(key) as IssueLocation;
      if (this.length + STRIDE > this.data.length) {
        const grown = new Int32Array(this.data.length * 2);
        grown.set(this.data);
        this.data = grown;
      }
      const at = this.length;
      this.data[at] = this.id(key);
      this.data[at + 1] = line;
      this.data[at + 2] = column;
      this.data[at + 3] = xpath === undefined ? -1 : this.id(xpath);
      this.length += STRIDE;
    }
    return new ItemLocations(this, start, this.length);
  }

  /** The location at `from..end` stored for `key`. */
  find(key: string, from: number, end: number): IssueLocation | undefined {
    const id = this.ids.get(key);
    if (id === undefined) return undefined;
    for (let at = from; at < end; at += STRIDE) {
      if (this.data[at] !== id) continue;
      const line = this.data[at + 1] as number;
      const column = this.data[at + 2] as number;
      const xpath = this.data[at + 3] as number;
      return xpath < 0 ? { line, column } : { line, column, xpath: this.texts[xpath] as string };
    }
    return undefined;
  }

  private id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}

/** One item's part of a {@link LocationArena}. */
export class ItemLocations implements LocationLookup {
  /**
   * @param arena - The run's arena.
   * @param start - Where the item's locations start in it.
   * @param end - Where they end.
   */
  constructor(
    private readonly arena: LocationArena,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** {@inheritDoc LocationLookup.get} */
  get(key: string): IssueLocation | undefined {
    return this.arena.find(key, this.start, this.end);
  }
}
