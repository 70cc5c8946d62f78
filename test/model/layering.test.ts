import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering of docs/architecture.md, checked rather than described: the
 * `layers` block of that document is parsed here and every relative import
 * under src/ is held to it (no upward import, no import between folders of
 * one layer except the `layers-allowed` edges), model/ and report/ import no
 * sibling, nothing reachable from src/index.ts imports `node:`, runtime
 * imports have no cycle, and every format has one reader (the `readers` and
 * `xml-readers` blocks).
 */
const SRC = resolve('src');
const doc = readFileSync(resolve('docs/architecture.md'), 'utf8');

function block(name: string): string[] {
  const match = new RegExp('```' + name + '\\n([\\s\\S]*?)```').exec(doc);
  if (!match) throw new Error(`docs/architecture.md has no \`\`\`${name} block`);
  return match[1]!.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** Layer rank of each top-level folder or file of src/ (0 = bottom). */
const layers = block('layers').reverse();
const rank = new Map(layers.flatMap((line, i) => line.split(/\s+/).map((area) => [area, i] as const)));
const allowed = new Set(block('layers-allowed').map((l) => l.replace(/\s+/g, ' ')));

interface Import {
  from: string;
  to: string;
  /** True for `import type` / `export type` (erased at compile time). */
  typeOnly: boolean;
}

const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(SRC, f));

function resolveSpecifier(from: string, specifier: string): string {
  const base = normalize(join(dirname(from), specifier));
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base.replace(/\.js$/, ''), 'index.ts')]) {
    if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  }
  throw new Error(`${relative(SRC, from)}: cannot resolve ${specifier}`);
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'|import\(\s*'([^']+)'\s*\)/g;
const imports: Import[] = files.flatMap((from) => {
  const text = readFileSync(from, 'utf8');
  return [...text.matchAll(IMPORT)].flatMap((m) => {
    const specifier = m[3] ?? m[4]!;
    if (!specifier.startsWith('.')) return [{ from, to: specifier, typeOnly: m[2] !== undefined || m[4] !== undefined }];
    return [{ from, to: resolveSpecifier(from, specifier), typeOnly: m[2] !== undefined || m[4] !== undefined }];
  });
});

/** The top-level folder (or file) of src/ a path is in. */
function area(path: string): string {
  return relative(SRC, path).split(/[\\/]/)[0]!;
}

describe('docs/architecture.md layering', () => {
  it('names every top-level folder and file of src/ in one layer', () => {
    const areas = readdirSync(SRC).filter((name) => name.endsWith('.ts') || !name.includes('.'));
    expect(areas.filter((a) => !rank.has(a))).toEqual([]);
  });

  it('has no upward import and no import between folders of one layer (except the allowed ones)', () => {
    const wrong = imports
      .filter((i) => i.to.startsWith(SRC) && area(i.from) !== area(i.to))
      .filter((i) => {
        const from = rank.get(area(i.from))!;
        const to = rank.get(area(i.to))!;
        return to > from || (to === from && !allowed.has(`${area(i.from)} -> ${area(i.to)}`));
      })
      .map((i) => `${relative(SRC, i.from)} → ${relative(SRC, i.to)}`);
    expect(wrong).toEqual([]);
  });

  it('nothing in src/model or src/report imports a sibling area', () => {
    const sibling = imports.filter((i) => ['model', 'report'].includes(area(i.from)) && i.to.startsWith(SRC) && area(i.to) !== area(i.from));
    expect(sibling.map((i) => `${relative(SRC, i.from)} → ${relative(SRC, i.to)}`)).toEqual([]);
  });

  it('nothing reachable from src/index.ts imports a node: module', () => {
    const byFile = new Map<string, Import[]>();
    for (const i of imports) byFile.set(i.from, [...(byFile.get(i.from) ?? []), i]);
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of byFile.get(file) ?? []) {
        if (i.to.startsWith('node:')) offenders.push(`${relative(SRC, file)} imports ${i.to}`);
        else if (i.to.startsWith(SRC)) visit(i.to);
      }
    };
    visit(join(SRC, 'index.ts'));
    expect(seen.size).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });

  it('has no cycle among runtime imports', () => {
    const graph = new Map<string, string[]>(files.map((f) => [f, []]));
    for (const i of imports) if (!i.typeOnly && i.to.startsWith(SRC)) graph.get(i.from)!.push(i.to);
    expect(cycles(graph).map((c) => c.map((f) => relative(SRC, f)))).toEqual([]);
  });

  it('the cycle check finds a planted cycle (so the test above can fail)', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });

  it('gives every format one home under src/formats/', () => {
    for (const format of ['catalogue', 'itemMetadata', 'eep', 'fixity', 'description', 'bagit']) {
      expect(existsSync(join(SRC, 'formats', format)), format).toBe(true);
    }
    // What used to be split between src/package and src/export lives in src/formats now.
    for (const gone of ['package/catalogue', 'package/metadata', 'package/description', 'export/eep', 'export/fixity', 'export/metadata', 'export/catalogue']) {
      expect(existsSync(join(SRC, gone)), gone).toBe(false);
    }
  });
});

/** A format's row of the `readers` block: its one reader, the names of its reading functions, its root names. */
interface FormatReader {
  format: string;
  reader: string;
  names: RegExp;
  roots: string[];
}

/** A module as the reader guard sees it: path under src/, source text, runtime imports (paths under src/). */
interface ModuleFacts {
  path: string;
  text: string;
  imports: string[];
}

/**
 * The "one reader per format" guard. A module that imports an XML reading entry at runtime and
 * writes a format's root element name (or its constant) reads that format: it must be the format's
 * one reader. An exported read*, parse* or scan* function named for the format lives in its home.
 */
function readerViolations(modules: readonly ModuleFacts[], formats: readonly FormatReader[], xmlReaders: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const m of modules) {
    if (m.path.startsWith('xml/')) continue; // the XML layer itself
    const parsesXml = m.imports.some((i) => xmlReaders.has(i));
    for (const f of formats) {
      if (parsesXml && m.path !== f.reader && f.roots.some((root) => m.text.includes(root))) found.push(`${m.path} reads ${f.format} (its one reader is ${f.reader})`);
      if (m.path.startsWith(`formats/${f.format}/`)) continue;
      for (const [, name] of m.text.matchAll(/export\s+(?:async\s+)?function\*?\s+(\w+)/g)) {
        if (f.names.test(name!)) found.push(`${m.path} exports ${name}, a ${f.format} reader outside src/formats/${f.format}/`);
      }
    }
  }
  return found;
}

const formatReaders: FormatReader[] = block('readers').map((line) => {
  const [format, reader, names, ...roots] = line.split(/\s+/);
  return { format: format!, reader: reader!, names: new RegExp(names!), roots };
});
const xmlReaders = new Set(block('xml-readers').flatMap((l) => l.split(/\s+/)));
const moduleFacts: ModuleFacts[] = files.map((file) => ({
  path: relative(SRC, file).split(/[\\/]/).join('/'),
  // Code only: a comment may name a format's root (e.g. to say the file is read elsewhere).
  text: readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:'"])\/\/[^\n]*/g, '$1'),
  imports: imports.filter((i) => i.from === file && !i.typeOnly && i.to.startsWith(SRC)).map((i) => relative(SRC, i.to).split(/[\\/]/).join('/')),
}));

describe('docs/architecture.md: one reader per format', () => {
  it('names a reader for the fixity file, item metadata, EEP and the catalogue, each an XML reader that exists', () => {
    expect(formatReaders.map((f) => f.format).sort()).toEqual(['catalogue', 'eep', 'fixity', 'itemMetadata']);
    for (const f of formatReaders) {
      const reader = moduleFacts.find((m) => m.path === f.reader);
      expect(reader, f.reader).toBeDefined();
      expect(reader!.imports.some((i) => xmlReaders.has(i)), `${f.reader} imports an XML reader`).toBe(true);
    }
    for (const entry of xmlReaders) expect(existsSync(join(SRC, entry)), entry).toBe(true);
  });

  it('no other module under src/ reads a format', () => {
    expect(readerViolations(moduleFacts, formatReaders, xmlReaders)).toEqual([]);
  });

  it('catches the duplicates it was written for (so the test above can fail)', () => {
    // The fixity file's second reader before issue 15 (an element tree, in readFixityManifest), the
    // dat93 validator parsing item metadata itself, and a reading function outside its format's home.
    const planted: ModuleFacts[] = [
      { path: 'formats/fixity/readFixityManifest.ts', text: "const { root } = readRootElement(input, options, { name: FIXITY_FILE_ROOT });", imports: ['xml/readRootElement.ts'] },
      { path: 'package/dat93/readItems.ts', text: 'if (localName(root.name) !== ITEM_METADATA_ROOT) return;', imports: ['xml/parse.ts', 'formats/itemMetadata/readItemMetadata.ts'] },
      { path: 'package/dat93/collectFixityClaims.ts', text: 'export function scanFixityFile(bytes: Uint8Array) {}', imports: [] },
      { path: 'formats/fixity/scanFixityFile.ts', text: "scanXml(bytes); // 固化验证信息", imports: ['xml/scan.ts'] },
    ];
    expect(readerViolations(planted, formatReaders, xmlReaders)).toEqual([
      'formats/fixity/readFixityManifest.ts reads fixity (its one reader is formats/fixity/scanFixityFile.ts)',
      'package/dat93/readItems.ts reads itemMetadata (its one reader is formats/itemMetadata/readItemMetadataXml.ts)',
      'package/dat93/collectFixityClaims.ts exports scanFixityFile, a fixity reader outside src/formats/fixity/',
    ]);
  });
});

/** A format's row of the `models` block: its one walker, its one model module and the element names only the walker looks up. */
interface FormatModel {
  format: string;
  walker: string;
  model: string;
  elements: string[];
}

const formatModels: FormatModel[] = block('models').map((line) => {
  const [format, walker, model, ...elements] = line.split(/\s+/);
  return { format: format!, walker: walker!, model: model!, elements };
});

// Looking an element up by name: child(e, '电子属性'), e.child('电子属性'), required(e, '电子属性'), text(e, '计算机文件名'),
// optionalText(e, …), children(e, …), childrenNamed(…), find(…), descendants(…), or comparing a name: c.name === '电子属性'.
const LOOKUP = String.raw`(?:\b(?:child|children|childrenNamed|required|text|optional|optionalText|integer|find|descendants|all)\s*\(\s*(?:[^,()'"]+,\s*)?|\bname\s*===\s*)'([^']+)'`;

/**
 * The "one model per format" guard: only the format's walker looks its elements up by name (a second walker
 * over the same tree, however it is written, has to), and in the format's home only the model module exports an
 * interface declaring the model's parts (a second model of the same content would).
 */
function modelViolations(modules: readonly ModuleFacts[], models: readonly FormatModel[]): string[] {
  const found: string[] = [];
  for (const f of models) {
    const names = new Set(f.elements);
    for (const m of modules) {
      if (m.path === f.walker) continue;
      const looked = [...m.text.matchAll(new RegExp(LOOKUP, 'g'))].map((x) => x[1]!).filter((n) => names.has(n));
      if (looked.length > 0) found.push(`${m.path} looks up ${[...new Set(looked)].join(', ')} (only ${f.walker} walks ${f.format})`);
    }
    const home = `formats/${f.format}/`;
    for (const m of modules.filter((x) => x.path.startsWith(home))) {
      for (const [, name, body] of m.text.matchAll(/export\s+interface\s+(\w+)[^{]*\{([\s\S]*?)\n\}/g)) {
        const parts = MODEL_PARTS.filter((part) => new RegExp(`\\b${part}\\??:`).test(body!));
        if (parts.length > 0 && m.path !== f.model) found.push(`${m.path} exports ${name} (${parts.join(', ')}), a second ${f.format} model (its one model is in ${f.model})`);
      }
    }
  }
  return found;
}

// The parts of 文件实体 (DA/T 46-2009 M2, M8, M21, M46; DA/T 48-2009 附录A 文件数据) a model of item metadata declares.
const MODEL_PARTS = ['provenance', 'archivalCode', 'description', 'documents', 'files'];

describe('docs/architecture.md: one model per format', () => {
  it('names the walker and the model module of item metadata, which exist and export the model', () => {
    expect(formatModels.map((f) => f.format)).toEqual(['itemMetadata']);
    for (const f of formatModels) {
      expect(existsSync(join(SRC, f.walker)), f.walker).toBe(true);
      const model = moduleFacts.find((m) => m.path === f.model);
      expect(model?.text, f.model).toMatch(/export\s+interface\s+ItemMetadata\b/);
      expect(f.elements.length).toBeGreaterThan(5);
    }
  });

  it('no module but the walker walks 文件实体, and the home exports one model', () => {
    expect(modelViolations(moduleFacts, formatModels)).toEqual([]);
  });

  it('catches the second walker and second model it was written for (so the test above can fail)', () => {
    // Before: readRecordEntity walked 文件实体 again for the typed model, readItemMetadataXml and readEep walked
    // 编码 themselves, the EEP checks looked 电子属性 up, and itemMetadata.ts declared a second model.
    const planted: ModuleFacts[] = [
      { path: 'formats/itemMetadata/readRecordEntity.ts', text: "const p = reader.required(node, '来源');\nconst d = reader.required(node, '内容描述');", imports: [] },
      { path: 'formats/itemMetadata/readItemMetadataXml.ts', text: "const e = r.required(encoding, '电子属性') ?? encoding;\nfileName: r.text(e, '计算机文件名'),", imports: [] },
      { path: 'package/eep/content.ts', text: "const attributes = child(encoding, '电子属性');\nconst size = attributes && child(attributes, '计算机文件大小');", imports: [] },
      { path: 'node/antivirus/scan.ts', text: "if (node.name === '电子属性') visit(node);", imports: [] },
      {
        path: 'formats/itemMetadata/itemMetadata.ts',
        text: "export interface Dat46ItemMetadata extends Omit<EepRecord, 'documents'> {\n  documents: [MetadataDocument, ...MetadataDocument[]];\n}",
        imports: [],
      },
      // Not walking: the typed view reports a missing element by name, the writer writes one.
      { path: 'formats/itemMetadata/typedView.ts', text: "issues.missing(root, '文件数据'); text(p, provenance.creatingUnit, '立档单位名称');", imports: [] },
      { path: 'formats/itemMetadata/recordEntityNode.ts', text: "el('来源', [opt('档案馆名称', p.archiveName)])", imports: [] },
    ];
    expect(modelViolations(planted, formatModels)).toEqual([
      'formats/itemMetadata/readRecordEntity.ts looks up 来源, 内容描述 (only formats/itemMetadata/readItemMetadata.ts walks itemMetadata)',
      'formats/itemMetadata/readItemMetadataXml.ts looks up 电子属性, 计算机文件名 (only formats/itemMetadata/readItemMetadata.ts walks itemMetadata)',
      'package/eep/content.ts looks up 电子属性, 计算机文件大小 (only formats/itemMetadata/readItemMetadata.ts walks itemMetadata)',
      'node/antivirus/scan.ts looks up 电子属性 (only formats/itemMetadata/readItemMetadata.ts walks itemMetadata)',
      'formats/itemMetadata/itemMetadata.ts exports Dat46ItemMetadata (documents), a second itemMetadata model (its one model is in formats/itemMetadata/itemMetadataModel.ts)',
    ]);
  });
});

/** Strongly connected components of more than one file (Tarjan), each sorted. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const strong = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) strong(v);
  return found;
}
