// Where the CPU of one `dangan validate` goes, by area, from `perf record -g` (CPU-time samples of every thread,
// kernel included; JS names from node --perf-basic-prof). Each sample goes to the first row whose rule matches:
// GC and JIT anywhere on its chain, then a page fault, then the nearest frame with a known name.
//
//   perf record -F 1999 -g -o perf.data node --perf-basic-prof dist/cli/main.js validate PKG --no-fixity --format json
//   perf script -i perf.data | node bench/perf-breakdown.mjs --items 10000 [--cpu-seconds S]
// With --cpu-seconds (GNU time user + sys of an unprofiled run) the shares are turned into ms per item.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { items: { type: 'string' }, 'cpu-seconds': { type: 'string' }, unknown: { type: 'boolean' } } });
const items = Number(values.items ?? 10_000);
const cpuSeconds = values['cpu-seconds'] === undefined ? undefined : Number(values['cpu-seconds']);

// [row, test of one frame]; the first row matched by the nearest named frame wins (GC, JIT, faults: any frame).
const ANYWHERE = [
  ['GC', /Heap::|Scavenge|MarkCompact|Sweeper|ConcurrentMark|MinorMark|IncrementalMarking|GCTracer|MemoryAllocator|PagedSpace|Evacuat|MarkingVisitor|MemoryReducer/],
  ['JIT compiling and parsing', /compiler::|Compile|Turbofan|Maglev|maglev::|Pipeline|Parser::|ParseInfo|Baseline|Sparkplug|interpreter::BytecodeGenerator|Deoptimiz|OptimizingCompileDispatcher/],
];
const NEAREST = [
  ['page faults (heap growth)', /exc_page_fault|do_anonymous_page|handle_mm_fault/],
  ['listing (readdir, lstat)', /getdents|__x64_sys_newlstat|statx|readdir|lstat|uv__fs_scandir|walkFolder|listFolder|toEntry|\bwalk\b/],
  ['reading (open, fstat, read, close)', /openat|__x64_sys_read|pread|newfstat|__x64_sys_close|fput|\bopenSync|fstatSync|readSync|closeSync|readExactly|readSmall|\bread\b.*dist/],
  // Perf names a JS frame by its function name only: the handler of the scan's events (startElement …) and the
  // element tree builder both sit under the scanner's frames, so XML and the item-metadata reader are one row.
  ['XML and item metadata (decoding, well-formedness scan, element tree or events, walker)', /ItemMetadataWalker|ItemMetadataEvents|readItemMetadata|FrameLocations|XmlElementFrame|keepItemMetadata|LocationArena|createTextPool|detachText|readItem\b|createXmlTreeBuilder|XmlElement|settleSameNameCounts|attributeValues|readComputerFile|readDocuments|readEncoding|\bfeed\b|\bfinish\b|\bopenInRoot\b|Scanner|startTag|endTag|characterData|scanXml|decodeXml|decodeUTF8|Utf8Decoder|TextDecoder|\bprepare\b|createLineIndex|locate|findInvalidChars|reportInvalidChars|checkReferences|decodeReferences|readEncodingDeclaration|detectXmlEncoding|cappedEmit|scanWellFormed|createWellFormedScanner|\btick\b|\bpush\b.*chunk|decode\b/],
  ['checks (entries, layout, items, cross-references, links)', /check[A-Z]\w*|mapPackageLayout|screen\w+|isSafePath|unportableNameReason|claim\b|collectFixityClaims|canonical|createCheckRun|report\b|ran\b|limits|isInDomain|parseArchivalDate|findForbiddenCharacter|metadataValueTypes/],
  ['catalogue, fixity file, other documents', /Catalogue|Fixity|scanFixityFile|streamFixityFile|readPackageXml|checkDescription|OtherDocuments/],
  ['content scan and format', /ContentScan|createContentScanner|indexOfBytes|scanContent|detectFormat|formatOf|sniff/],
  ['reporting', /buildReport|resolveChecks|formatJson|formatReport|JSON.stringify|JsonStringify|writeSync|localizeIssue/],
];
const OTHER = 'start-up, event loop, promises, other';

const rows = new Map();
let total = 0;
const unknownFrames = new Map();
let frames = [];
const classify = () => {
  if (frames.length === 0) return;
  total++;
  let row;
  for (const [name, test] of ANYWHERE) if (frames.some((f) => test.test(f))) { row = name; break; }
  if (row === undefined) {
    outer: for (const f of frames) {
      for (const [name, test] of NEAREST) if (test.test(f)) { row = name; break outer; }
    }
  }
  if (row === undefined && values.unknown) {
    const key = frames.slice(0, 3).join(' < ');
    unknownFrames.set(key, (unknownFrames.get(key) ?? 0) + 1);
  }
  rows.set(row ?? OTHER, (rows.get(row ?? OTHER) ?? 0) + 1);
  frames = [];
};
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === '') classify();
  else if (/^\s/.test(line)) frames.push(line.trim().replace(/^[0-9a-f]+ /, ''));
}
classify();
const order = [...ANYWHERE, ...NEAREST].map(([name]) => name).concat(OTHER);
process.stdout.write(`${total} samples${cpuSeconds ? `, ${cpuSeconds} CPU s, ${items} items` : ''}\n`);
for (const name of order) {
  const n = rows.get(name) ?? 0;
  const share = n / total;
  process.stdout.write(`  ${(share * 100).toFixed(1).padStart(5)} %${cpuSeconds ? `  ${((share * cpuSeconds * 1000) / items).toFixed(3)} ms/item` : ''}  ${name}\n`);
}
if (values.unknown) for (const [k, n] of [...unknownFrames].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stdout.write(`${n} ${k}\n`);
