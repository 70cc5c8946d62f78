import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCheckRun } from '../../../src/package/checks/checkRun.js';
import { localName } from '../../../src/package/dat93/readPackageXml.js';
import { scanFixityFile, streamFixityFile, streamFixityFileChunks, type FixityFileEntry } from '../../../src/formats/fixity/scanFixityFile.js';
import type { IssueLocation } from '../../../src/report/issue.js';
import { readXml } from '../../../src/xml/parse.js';

const ROOT = '固化验证信息';

/** The reading scanFixityFile replaced: the element tree, first child of each local name, its text trimmed. */
function fromTree(xml: string): { entry: FixityFileEntry; location: IssueLocation }[] | undefined {
  const { root } = readXml(xml);
  if (!root || localName(root.name) !== ROOT) return undefined;
  return root.children
    .filter((c) => localName(c.name) === '文件')
    .map((file) => {
      const entry: FixityFileEntry = {};
      for (const name of ['路径', '算法', '数字摘要', '字节数'] as const) {
        const text = file.children.find((c) => localName(c.name) === name)?.text.trim();
        if (text !== undefined) entry[name] = text;
      }
      return { entry, location: file.location };
    });
}

function fromScan(xml: string): { entry: FixityFileEntry; location: IssueLocation }[] | undefined {
  const run = createCheckRun({});
  const found: { entry: FixityFileEntry; location: IssueLocation }[] = [];
  scanFixityFile(new TextEncoder().encode(xml), 'f.XML', ROOT, {}, (issue) => run.adopt(issue, 'xml.readable'), (entry, location) => found.push({ entry, location }));
  const fatal = run.finish({ profile: 'dat93', files: 1, bytes: 0 }).issues.some((i) => i.severity === 'error');
  return found.length === 0 && fatal ? undefined : found;
}

// Text with the things XML text can hold: references, CDATA, indentation, Chinese.
const text = fc.array(fc.constantFrom('Z109/WS/正文.pdf', 'SM3', 'ab12', ' ', '\n    ', '&amp;', '&#x4E2D;', '<![CDATA[a<b]]>', '3'), { maxLength: 4 }).map((parts) => parts.join(''));
const field = fc.record({
  name: fc.constantFrom('路径', '算法', '数字摘要', '字节数', 'x:路径', '备注'),
  text,
  nested: fc.boolean(),
});
const entry = fc.record({ name: fc.constantFrom('文件', 'x:文件', '其他'), fields: fc.array(field, { maxLength: 6 }) });
const document = fc.record({ root: fc.constantFrom(ROOT, `x:${ROOT}`, '文件目录'), entries: fc.array(entry, { maxLength: 5 }) });

function write(doc: { root: string; entries: { name: string; fields: { name: string; text: string; nested: boolean }[] }[] }): string {
  const ns = (name: string) => (name.startsWith('x:') ? ' xmlns:x="urn:x"' : '');
  const fields = (fs: { name: string; text: string; nested: boolean }[]) =>
    fs.map((f) => `<${f.name}${ns(f.name)}>${f.text}${f.nested ? '<备注>内</备注> ' : ''}</${f.name}>`).join('\n      ');
  const entries = doc.entries.map((e) => `  <${e.name}${ns(e.name)}>\n      ${fields(e.fields)}\n  </${e.name}>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${doc.root}${ns(doc.root)}>\n${entries}\n</${doc.root}>\n`;
}

describe('scanFixityFile', () => {
  it('property: gives the entries, fields and locations the element tree gave', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const xml = write(doc);
        const tree = fromTree(xml);
        expect(fromScan(xml)).toEqual(tree ?? []);
      }),
      { numRuns: 300 },
    );
  });

  it('property: streamFixityFile delivers, as it reads, what scanFixityFile delivers at the end, and says whether it stands', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const xml = new TextEncoder().encode(write(doc));
        const scanned: unknown[] = [];
        const streamed: unknown[] = [];
        scanFixityFile(xml, 'f.XML', ROOT, {}, () => undefined, (entry, location) => scanned.push({ entry, location }));
        const { complete } = streamFixityFile(xml, 'f.XML', ROOT, {}, () => undefined, (entry, location) => streamed.push({ entry, location }));
        expect(complete ? streamed : []).toEqual(scanned);
      }),
      { numRuns: 200 },
    );
    const broken = new TextEncoder().encode(`<${ROOT}>\n  <文件><路径>a.pdf</路径></文件>\n  <文件><路径>b.pdf</路径></文件>\n  <文件><路径>c</文件>\n</${ROOT}>`);
    const early: unknown[] = [];
    expect(streamFixityFile(broken, 'f.XML', ROOT, {}, () => undefined, (entry) => early.push(entry)).complete).toBe(false);
    // Delivered before the fault was met, and so provisional.
    expect(early).toEqual([{ 路径: 'a.pdf' }, { 路径: 'b.pdf' }]);
  });

  it('property: read in chunks cut anywhere (inside characters, names, CRLF), it delivers the same entries, locations, issues and outcome', async () => {
    const crlf = document.map((doc) => write(doc)).chain((xml) => fc.constantFrom(xml, xml.replace(/\n/g, '\r\n'), `\uFEFF${xml}`, xml.replace('</', '<')));
    await fc.assert(
      fc.asyncProperty(crlf, fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }), async (xml, cuts) => {
        const bytes = new TextEncoder().encode(xml);
        const whole: unknown[] = [];
        const wholeIssues: unknown[] = [];
        const wholeResult = streamFixityFile(bytes, 'f.XML', ROOT, {}, (issue) => wholeIssues.push(issue), (entry, location) => whole.push({ entry, location }));
        const chunked: unknown[] = [];
        const chunkedIssues: unknown[] = [];
        async function* chunks() {
          let at = 0;
          for (let i = 0; at < bytes.length; i++) {
            const size = cuts[i % cuts.length] as number;
            yield bytes.slice(at, at + size);
            at += size;
          }
        }
        const chunkedResult = await streamFixityFileChunks(chunks(), 'f.XML', ROOT, {}, (issue) => chunkedIssues.push(issue), (entry, location) => chunked.push({ entry, location }));
        expect(chunkedResult).toEqual(wholeResult);
        expect(chunked).toEqual(whole);
        expect(chunkedIssues).toEqual(wholeIssues);
      }),
      { numRuns: 200 },
    );
  });

  it('delivers nothing from a file that is not well-formed, and reports it with line:column', () => {
    const run = createCheckRun({ locale: 'en' });
    const found: FixityFileEntry[] = [];
    const xml = `<${ROOT}>\n  <文件><路径>a.pdf</路径></文件>\n  <文件><路径>b.pdf</文件>\n</${ROOT}>`;
    scanFixityFile(new TextEncoder().encode(xml), '其他/固化验证信息.XML', ROOT, { locale: 'en' }, (issue) => run.adopt(issue, 'xml.readable'), (entry) => found.push(entry));
    expect(found).toEqual([]);
    const issues = run.finish({ profile: 'dat93', files: 1, bytes: xml.length }).issues;
    expect(issues.map((i) => [i.code, i.path, i.location?.line])).toEqual([['xml.mismatched-tag', '其他/固化验证信息.XML', 3]]);
  });

  it('names repeated 文件 elements by position in the XPath, a single one without', () => {
    const at = (xml: string) => fromScan(xml)!.map((e) => e.location.xpath);
    expect(at(`<${ROOT}><文件><路径>a</路径></文件></${ROOT}>`)).toEqual([`/${ROOT}/文件`]);
    expect(at(`<${ROOT}><文件/><其他/><文件/></${ROOT}>`)).toEqual([`/${ROOT}/文件[1]`, `/${ROOT}/文件[2]`]);
  });
});
