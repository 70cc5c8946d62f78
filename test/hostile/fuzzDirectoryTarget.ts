// The directory-source fuzz target: a valid package (or bag) in a temp folder with one file
// mutated — its bytes replaced, renamed to arbitrary name bytes, turned into a symbolic
// link, joined by an extra file, or replaced by a folder — then opened with openDirectorySource
// and validated. Names are raw bytes (GBK, invalid UTF-8, NFD, reserved names): whatever Linux
// allows in a name (all but `/` and NUL) reaches the source as it would from a real disc. After
// each case the one folder it touched is put back as it was (quicker than copying the tree anew).
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { openDirectorySource } from '../../src/node/directorySource.js';
import { validatePackage } from '../../src/package/validatePackage.js';
import { assertReport } from './fuzzAssert.js';
import { mutated } from './fuzzMutations.js';
import type { FuzzTarget } from './fuzzTargets.js';

const OPS = ['replace', 'rename', 'symlink', 'add', 'folder'] as const;
const KINDS = new Set(['file', 'directory', 'symlink', 'other']);
const SLASH = 0x2f;

/**
 * One case, as the input bytes say it: `[file, op, nameLength, ...name, ...content]`. `file`
 * (modulo the file count) picks the file; `op`'s low seven bits (modulo 5) the mutation, its top bit the tree
 * (package or bag); `name` is the new name's raw bytes (empty keeps the name).
 */
interface DirectoryCase {
  tree: 0 | 1;
  file: number;
  op: (typeof OPS)[number];
  name: Buffer;
  content: Uint8Array;
}

function decodeCase(input: Uint8Array): DirectoryCase {
  const length = input[2] ?? 0;
  return {
    tree: ((input[1] ?? 0) >> 7) as 0 | 1,
    file: input[0] ?? 0,
    op: OPS[((input[1] ?? 0) & 0x7f) % OPS.length]!,
    name: Buffer.from(input.subarray(3, 3 + length)),
    content: input.subarray(3 + length),
  };
}

/** A name Linux accepts from arbitrary bytes: `/` and NUL become `_`, `.` and `..` get a prefix. */
function fileName(bytes: Buffer, fallback: string): Buffer {
  if (bytes.length === 0) return Buffer.from(fallback);
  const name = Buffer.from(bytes.map((b) => (b === 0 || b === SLASH ? 0x5f : b)));
  const text = name.toString('latin1');
  return text === '.' || text === '..' ? Buffer.concat([Buffer.from('x'), name]) : name;
}

// Where a link made by the `symlink` mutation points (chosen by the name's first byte): out of the
// package (absolute and relative) to a file and a folder that exist, to nothing, to the package
// itself, to the file-system root. A link is listed, never followed.
function linkTargets(tmp: string): string[] {
  return [join(tmp, 'outside.txt'), join(tmp, 'outside'), '../outside.txt', 'missing', '.', '/'];
}

/** Applies the case's mutation to `file` (its absolute path as bytes) in the case folder. */
function mutate(c: DirectoryCase, file: Buffer, links: readonly string[]): void {
  const named = Buffer.concat([file.subarray(0, file.lastIndexOf(SLASH) + 1), fileName(c.name, 'extra')]);
  if (c.op === 'replace') writeFileSync(file, c.content);
  else if (c.op === 'add') writeFileSync(named, c.content);
  else {
    rmSync(file);
    if (c.op === 'rename') writeFileSync(named, c.content);
    else if (c.op === 'symlink') symlinkSync(links[(c.name[0] ?? 0) % links.length]!, file);
    else {
      mkdirSync(file);
      writeFileSync(Buffer.concat([file, Buffer.from('/'), fileName(c.name, 'inner')]), c.content);
    }
  }
}

// Names that mean something to a validator or a file system: GBK bytes, NFD, Windows-reserved and
// OS files, control characters, a lone `~`, a percent-encoded newline, a near-duplicate of a
// package file in another case, and the longest name Linux allows.
const TELLING_NAMES = [
  Buffer.from([0xd5, 0xfd, 0xce, 0xc4, 0x2e, 0x70, 0x64, 0x66]),
  Buffer.from([0xff, 0xfe, 0x80]),
  ...['正文.pdf'.normalize('NFD'), 'CON', 'AUX.txt', 'Thumbs.db', '.DS_Store', ' ', 'a\nb', 'a\rb', '~', '%0A', '..x', '目录文件.xml', '说明文件.txt', 'bagit.txt', 'manifest-sha256.txt', '正文.PDF', 'x'.repeat(255)].map((n) => Buffer.from(n)),
];

/**
 * Cases built field by field, so every mutation and tree is reached (byte edits of the seeds
 * seldom change the header): a file, a mutation, a name (arbitrary or telling) and that file's
 * bytes, mutated.
 */
function structuredCases(trees: readonly ReadonlyMap<string, Uint8Array>[]): fc.Arbitrary<Uint8Array> {
  const name = fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.constantFrom(...TELLING_NAMES));
  return fc.tuple(fc.integer({ min: 0, max: 1 }), fc.nat({ max: 255 }), fc.nat({ max: OPS.length - 1 }), name).chain(([tree, file, op, bytes]) => {
    const values = [...trees[tree]!.values()];
    return mutated([values[file % values.length]!]).map((content) => Uint8Array.of(file, (tree << 7) | op, bytes.length, ...bytes, ...content));
  });
}

/**
 * Puts `folder` of the case tree `root` back as `tree` has it: names the mutation added are
 * removed, the folder's own files rewritten. Its sub-folders are never touched by a mutation
 * (one that would write over a folder fails first), so they stay.
 */
function restore(root: string, tree: ReadonlyMap<string, Uint8Array>, folder: string): void {
  const prefix = folder === '.' ? '' : `${folder}/`;
  const files = new Map<string, string>();
  const folders = new Set<string>();
  for (const path of tree.keys()) {
    if (!path.startsWith(prefix)) continue;
    const [name, ...rest] = path.slice(prefix.length).split('/');
    (rest.length === 0 ? files.set(Buffer.from(name!).toString('latin1'), path) : folders.add(Buffer.from(name!).toString('latin1')));
  }
  const at = Buffer.from(join(root, folder));
  for (const raw of readdirSync(at, { encoding: 'buffer' })) {
    const key = raw.toString('latin1');
    if (!folders.has(key)) rmSync(Buffer.concat([at, Buffer.from('/'), raw]), { recursive: true, force: true });
  }
  for (const path of files.values()) writeFileSync(join(root, path), tree.get(path)!);
}

/** Seeds: each file of each tree unchanged, and a few renames (GBK, NFD, a reserved name). */
function seedsOf(trees: readonly ReadonlyMap<string, Uint8Array>[]): Uint8Array[] {
  const seeds: Uint8Array[] = [];
  trees.forEach((tree, t) => {
    [...tree.values()].forEach((data, i) => seeds.push(Uint8Array.of(i, t << 7, 0, ...data)));
  });
  const renamed = [Buffer.from([0xd5, 0xfd, 0xce, 0xc4, 0x2e, 0x70, 0x64, 0x66]), Buffer.from('正文.pdf'.normalize('NFD')), Buffer.from('CON'), Buffer.from('Thumbs.db')];
  for (const name of renamed) seeds.push(Uint8Array.of(0, 1, name.length, ...name, ...[...trees[0]!.values()][0]!));
  return seeds;
}

/**
 * The directory target: a copy of each valid tree under `tmp`, mutated and put back for every input.
 *
 * @param tmp - A temp folder the target owns (removed by the caller).
 * @param trees - The valid package and the valid bag: path → bytes.
 * @param roots - The same trees on disk, copied once.
 * @returns The target.
 */
export function directoryTarget(tmp: string, trees: readonly [ReadonlyMap<string, Uint8Array>, ReadonlyMap<string, Uint8Array>], roots: readonly [string, string]): FuzzTarget {
  mkdirSync(join(tmp, 'outside'), { recursive: true });
  writeFileSync(join(tmp, 'outside.txt'), 'outside the package');
  const work = [join(tmp, 'package'), join(tmp, 'bag')] as const;
  roots.forEach((root, i) => cpSync(root, work[i]!, { recursive: true }));
  const links = linkTargets(tmp);
  return {
    name: 'directorySource',
    seeds: seedsOf(trees),
    structured: structuredCases(trees),
    async run(input) {
      const c = decodeCase(input);
      const tree = trees[c.tree];
      const paths = [...tree.keys()];
      const path = paths[c.file % paths.length]!;
      try {
        try {
          mutate(c, Buffer.from(join(work[c.tree], path)), links);
        } catch {
          return; // the file system refused this tree (a name taken by a folder): nothing to read
        }
        const source = await openDirectorySource(work[c.tree]);
        for (const entry of await source.entries()) {
          if (!KINDS.has(entry.kind) || !Number.isInteger(entry.size) || entry.path.startsWith('/') || entry.path.split('/').includes('..')) throw new Error(`bad entry ${JSON.stringify(entry)}`);
        }
        assertReport(await validatePackage(source, { jobs: 1 }));
      } finally {
        restore(work[c.tree], tree, dirname(path));
      }
    },
  };
}
