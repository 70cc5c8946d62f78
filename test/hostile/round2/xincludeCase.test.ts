import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';
import { writeEep } from '../../../src/formats/eep/writeEep.js';
import type { Report } from '../../../src/report/report.js';
import { readXml } from '../../../src/xml/parse.js';
import { memoryIo } from '../../cli/memoryIo.js';
import { sampleItem } from '../../export/eep/sampleItem.js';

// Issue 23 class 12: XInclude passes silently although a downstream libxml2 would inline it;
// 正文.pdf and 正文.PDF with different content pass (case collision).
const tmp = mkdtempSync(join(tmpdir(), 'dangan-xinclude-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const valid = join(import.meta.dirname, '../../fixtures/packages/cases/valid');
const XI = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>';

async function validate(path: string): Promise<{ code: number; report: Report; stderr: string }> {
  const { io, stdout, stderr } = memoryIo();
  const code = await run(['validate', path, '--format', 'json', '--lang', 'en', '--no-fixity'], io);
  return { code, report: JSON.parse(stdout()) as Report, stderr: stderr() };
}

function copyValid(name: string): string {
  const dir = join(tmp, name);
  cpSync(valid, dir, { recursive: true });
  return dir;
}

describe('XInclude (issue 23, class 12)', () => {
  it('in 目录文件.XML: xml.xinclude (security, error) at its line:column naming the href, exit 1, nothing read from /etc', async () => {
    const dir = copyValid('xi-catalogue');
    const catalogue = join(dir, '目录文件.XML');
    const text = readFileSync(catalogue, 'utf8');
    writeFileSync(catalogue, text.replace('</文件>', `</文件>\n  ${XI}`));
    const { code, report, stderr } = await validate(dir);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const xi = report.issues.filter((i) => i.code === 'xml.xinclude');
    expect(xi.map((i) => [i.path, i.severity, i.aspect, i.received])).toEqual([['目录文件.XML', 'error', 'security', 'file:///etc/passwd']]);
    expect(xi[0]?.location?.line).toBe(text.split('\n').findIndex((l) => l.includes('</文件>')) + 2);
    expect(JSON.stringify(report)).not.toContain('root:x:0:0');
  });

  it('in an .eep, in 电子档案元数据.XML, and under the 2003 namespace libxml2 still honours', async () => {
    const eep = join(tmp, 'xi.eep');
    writeFileSync(eep, new TextDecoder().decode(writeEep(sampleItem())).replace('<被签名对象', `${XI.replace('/>', '></xi:include>')}<被签名对象`));
    const fromEep = await validate(eep);
    expect(fromEep.code).toBe(1);
    expect(fromEep.report.issues.some((i) => i.code === 'xml.xinclude' && i.path === 'xi.eep')).toBe(true);
    const dir = copyValid('xi-metadata');
    const metadata = join(dir, 'Z109/WS/Z109-WS·2024-Y-BGS-0001/电子档案元数据.XML');
    const old = XI.replace('2001', '2003').replace('xi:', 'x:').replace('xmlns:xi', 'xmlns:x');
    writeFileSync(metadata, readFileSync(metadata, 'utf8').replace('</内容描述>', `</内容描述>${old}`));
    const fromMetadata = await validate(dir);
    expect(fromMetadata.code).toBe(1);
    expect(fromMetadata.report.issues.filter((i) => i.code === 'xml.xinclude').map((i) => i.path)).toEqual(['Z109/WS/Z109-WS·2024-Y-BGS-0001/电子档案元数据.XML']);
  });

  it('an element merely called include, without the XInclude namespace, is not reported', () => {
    const read = readXml(new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><a><include href="x"/></a>'));
    expect(read.issues.map((i) => i.code)).not.toContain('xml.xinclude');
  });
});

describe('case collisions (issue 23, class 12)', () => {
  it('正文.pdf and 正文.PDF with different content: limits.entry-case-collision (error) at the second, exit 1', async () => {
    const dir = copyValid('case');
    const item = join(dir, 'Z109/WS/Z109-WS·2024-Y-BGS-0001');
    writeFileSync(join(item, '正文.PDF'), '%PDF-1.4\nanother document\n%%EOF\n');
    const { code, report } = await validate(dir);
    expect(code).toBe(1);
    const collisions = report.issues.filter((i) => i.code === 'limits.entry-case-collision');
    expect(collisions.map((i) => [i.path, i.severity, i.expected])).toEqual([
      ['Z109/WS/Z109-WS·2024-Y-BGS-0001/正文.pdf', 'error', 'Z109/WS/Z109-WS·2024-Y-BGS-0001/正文.PDF'],
    ]);
  });

  it('the same size (perhaps the same file twice) is a warning', async () => {
    const dir = copyValid('case-same');
    const item = join(dir, 'Z109/WS/Z109-WS·2024-Y-BGS-0001');
    writeFileSync(join(item, '正文.PDF'), readFileSync(join(item, '正文.pdf')));
    const { report } = await validate(dir);
    expect(report.issues.filter((i) => i.code === 'limits.entry-case-collision').map((i) => i.severity)).toEqual(['warning']);
  });
});
