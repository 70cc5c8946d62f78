import { createIssue } from '../../report/createIssue.js';
import type { Issue, Locale } from '../../report/issue.js';
import type { XmlElement } from '../../xml/element.js';
import { catalogueLevels, elementSet2022Marker, type CatalogueElementSet, type CatalogueLevel } from './elementSets.js';
import { entryFromElement, type CatalogueXmlEntry } from './entries.js';

/** Options that pick the element set and level instead of detecting them. */
export interface CatalogueStructureOptions {
  /** `auto` (default): `2022` when the first entry has 保管期限, else `2012`. */
  elementSet?: 'auto' | CatalogueElementSet;
  /** `auto` (default): from the root element name. */
  level?: 'auto' | CatalogueLevel;
  /** Message locale. */
  locale?: Locale;
  /** Path put on every issue. */
  path?: string;
}

/** The shape of a catalogue: level, element set and its entries. */
export interface CatalogueStructure {
  /** 件 or 卷 level. */
  level: CatalogueLevel;
  /** The element set the entries are checked against. */
  elementSet: CatalogueElementSet;
  /** The entries, produced lazily in document order. */
  entries: Iterable<CatalogueXmlEntry>;
  /** Issues about the root and about children that are not entries; grows while `entries` is iterated. */
  issues: Issue[];
}

function levelOf(root: XmlElement): CatalogueLevel | undefined {
  return (Object.keys(catalogueLevels) as CatalogueLevel[]).find((level) => catalogueLevels[level].root === root.name);
}

/**
 * Reads the structure of a parsed catalogue: the level from the root element
 * (`文件目录` → 件, `案卷目录` → 卷), the element set, and an iterator of entries.
 * An unexpected root is reported and its `<文件>`/`<案卷>` children are still read.
 *
 * @param root - Root element of the parsed XML.
 * @param options - Element set, level, locale, path.
 * @returns Level, element set, lazy entries and structural issues.
 * @example
 * const { elementSet, entries } = catalogueStructure(root);
 */
export function catalogueStructure(root: XmlElement, options: CatalogueStructureOptions = {}): CatalogueStructure {
  const issues: Issue[] = [];
  const base = { locale: options.locale, path: options.path };
  const detected = levelOf(root);
  if (detected === undefined) {
    issues.push(
      createIssue('catalogue.root-unexpected', {
        ...base,
        location: root.location,
        params: { received: root.name },
        expected: ['文件目录', '案卷目录'],
        received: root.name,
      }),
    );
  }
  const guessed: CatalogueLevel = root.children.some((c) => c.name === catalogueLevels.volume.entry) ? 'volume' : 'item';
  const level = options.level && options.level !== 'auto' ? options.level : (detected ?? guessed);
  const { entry: entryName } = catalogueLevels[level];
  const firstEntry = root.children.find((c) => c.name === entryName);
  const elementSet: CatalogueElementSet =
    options.elementSet && options.elementSet !== 'auto'
      ? options.elementSet
      : firstEntry?.child(elementSet2022Marker)
        ? '2022'
        : '2012';

  function* entries(): Generator<CatalogueXmlEntry> {
    let index = 0;
    for (const child of root.children) {
      if (child.name === entryName) {
        yield entryFromElement(child, ++index);
      } else {
        issues.push(
          createIssue('catalogue.entry-unexpected', {
            ...base,
            location: child.location,
            params: { root: root.name, entry: entryName, received: child.name },
            expected: entryName,
            received: child.name,
          }),
        );
      }
    }
  }
  return { level, elementSet, entries: { [Symbol.iterator]: entries }, issues };
}
