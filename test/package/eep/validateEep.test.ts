import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePath } from '../../../src/node/validatePath.js';
import { validatePackage } from '../../../src/package/validatePackage.js';
import {
  EEP_NAMESPACE,
  encodeGb18030,
  validateEep,
  validateEepEntry,
  wrapEep,
  writeEep,
  type Issue,
  type PackageSource,
  type Report,
} from '../../../src/index.js';
import { sampleItem } from '../../export/eep/sampleItem.js';
import { applyFlip, byteFlip, flipCatcher } from './byteFlip.js';

const encoder = new TextEncoder();
const sampleText = new TextDecoder().decode(writeEep(sampleItem()));

/** The sample package with one textual edit; fails the test if the edit does not apply. */
function edited(from: string | RegExp, to: string): Uint8Array {
  const text = sampleText.replace(from, to);
  expect(text, `edit ${String(from)}`).not.toBe(sampleText);
  return encoder.encode(text);
}

const errors = (report: Report): Issue[] => report.issues.filter((i) => i.severity === 'error');
const codes = (report: Report): string[] => report.issues.map((i) => i.code);
/** The issues but the one `eep.unsigned` (info) every report on the unsigned sample carries (its own tests below). */
const planted = (report: Report): Issue[] => report.issues.filter((i) => i.code !== 'eep.unsigned');
const statusOf = (report: Report, id: string) => report.checks.find((c) => c.id === id)?.status;

/** Line (1-based) of the first occurrence of a string in the sample. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('validateEep on a written package', () => {
  it('passes every automated check, lists the signature checks as skipped and notes it is unsigned', async () => {
    const report = await validateEep(encoder.encode(sampleText));
    expect(report.valid).toBe(true);
    expect(report.issues.map((i) => [i.code, i.severity, i.aspect, i.check])).toEqual([['eep.unsigned', 'info', 'authenticity', 'GD-1-1']]);
    expect(report.profile).toBe('eep');
    expect(report.summary.files).toBe(1);
    expect(report.checks.filter((c) => c.status === 'passed').map((c) => c.id)).toEqual([
      'eep.xml',
      'eep.structure',
      'eep.version',
      'eep.package-type',
      'eep.metadata',
      'eep.value-domain',
      'eep.identifiers',
      'eep.content',
    ]);
    expect(statusOf(report, 'eep.signature')).toBe('skipped');
  });
});

describe('validateEep faults (one planted fault → its code, nothing unexpected)', () => {
  const cases: { name: string; from: string | RegExp; to: string; code: string; check: string; line?: string }[] = [
    { name: 'non-Base64 content', from: '编码数据1">JVBERi0x', to: '编码数据1">JVBE!i0x', code: 'eep.content.base64-invalid', check: 'eep.content', line: '<编码数据' },
    { name: 'size differs from 计算机文件大小', from: '<计算机文件大小>28<', to: '<计算机文件大小>29<', code: 'eep.content.size-mismatch', check: 'eep.content', line: '<编码数据' },
    { name: 'dangling IDREF', from: '<编码数据 编码数据ID="修改0-文档1-文档数据1-编码数据1">', to: '<编码数据 编码数据ID="修改0-文档1-文档数据1-编码数据1" 引用编码数据ID="修改9-无此编码">', code: 'eep.idref.dangling', check: 'eep.identifiers', line: '<编码数据' },
    { name: 'duplicate ID', from: '编码ID="修改0-文档1-文档数据1-编码1"', to: '编码ID="修改0-文档1-文档数据1"', code: 'eep.id.duplicate', check: 'eep.identifiers', line: '<编码 ' },
    { name: 'ID that is no NCName', from: '<文档标识符>修改0-文档1<', to: '<文档标识符>1 文档<', code: 'eep.id.invalid', check: 'eep.identifiers', line: '<文档标识符>' },
    { name: '版本 not 2009', from: '<版本>2009</版本>', to: '<版本>2010</版本>', code: 'eep.version.mismatch', check: 'eep.version', line: '<版本>' },
    { name: '@eep版本 not 2009', from: 'eep版本="2009"', to: 'eep版本="2008"', code: 'eep.version.mismatch', check: 'eep.version', line: '<被签名对象' },
    { name: '封装包类型描述 of the other type', from: '原始封装，未经修改', to: '系修改封装，在保留原封装包的基础上，添加了修改层', code: 'eep.package-type.description-mismatch', check: 'eep.package-type', line: '<封装包类型描述>' },
    { name: 'required DA/T 46 item missing (题名 M22)', from: /<题名>关于[^\n]*\n\s*/, to: '', code: 'eep.metadata.missing', check: 'eep.metadata', line: '<内容描述>' },
    { name: 'required item empty (责任者 M32)', from: '<责任者>某市人民政府办公室</责任者>', to: '<责任者> </责任者>', code: 'eep.metadata.empty', check: 'eep.metadata', line: '<责任者>' },
    { name: 'dateTime with a space', from: '<封装包创建时间>2024-03-01T09:30:00<', to: '<封装包创建时间>2024-03-01 09:30:00<', code: 'eep.value.type', check: 'eep.metadata', line: '<封装包创建时间>' },
    { name: '聚合层次 outside its domain', from: '<聚合层次>文件<', to: '<聚合层次>案卷<', code: 'eep.value.domain', check: 'eep.value-domain', line: '<聚合层次>' },
    { name: '文档主从声明 as the vendor sample writes it', from: '<文档主从声明>主文档<', to: '<文档主从声明>主文件<', code: 'eep.value.domain', check: 'eep.value-domain', line: '<文档主从声明>' },
    { name: '业务实体 naming no agent', from: '<机构人员标识符>A1</机构人员标识符>\n          <文件标识符>', to: '<机构人员标识符>A9</机构人员标识符>\n          <文件标识符>', code: 'eep.agent.unknown', check: 'eep.identifiers', line: '<机构人员标识符>A9' },
    { name: '修改型 with 封装内容', from: '<封装包类型>原始型<', to: '<封装包类型>修改型<', code: 'eep.package-type.description-mismatch', check: 'eep.package-type' },
    { name: 'wrong namespace', from: `xmlns="${EEP_NAMESPACE}"`, to: 'xmlns="urn:example"', code: 'eep.namespace.invalid', check: 'eep.structure', line: '<电子文件封装包' },
    { name: 'lone 电子签名块', from: '  </被签名对象>\n', to: '  </被签名对象>\n  <电子签名块><电子签名><签名标识符>修改0-签名1</签名标识符><签名规则>r</签名规则><签名结果>AA==</签名结果><证书块><证书>AA==</证书></证书块><签名算法标识>1.2.156.10197.1.501</签名算法标识></电子签名></电子签名块>\n', code: 'eep.signature.lock-missing', check: 'eep.signature', line: '<电子文件封装包' },
  ];

  for (const c of cases) {
    it(`${c.name} → ${c.code}`, async () => {
      const bytes = edited(c.from, c.to);
      const report = await validateEep(bytes, { path: 'a/9527.eep' });
      const found = report.issues.filter((i) => i.code === c.code);
      expect(found.length, codes(report).join()).toBeGreaterThan(0);
      expect(report.valid).toBe(false);
      expect(statusOf(report, c.check)).toBe('failed');
      expect(found[0]!.path).toBe('a/9527.eep');
      if (c.line) expect(found[0]!.location?.line).toBe(lineOf(new TextDecoder().decode(bytes), c.line));
      // Nothing unexpected: every error is the planted one (修改型 also lacks 修改封装内容).
      const allowed = c.name.startsWith('修改型') ? [c.code, 'eep.package-type.content-mismatch'] : [c.code];
      expect(errors(report).map((i) => i.code).filter((code) => !allowed.includes(code))).toEqual([]);
    });
  }

  it('names the DA/T 46 M-number of a missing item and the expected/received size', async () => {
    const missing = await validateEep(edited(/<题名>关于[^\n]*\n\s*/, ''), { locale: 'en' });
    expect(missing.issues[0]).toMatchObject({
      code: 'eep.metadata.missing',
      check: 'GD-2-3',
      aspect: 'integrity',
      message: '内容描述 lacks the required metadata element 题名 (DA/T 46-2009 M22)',
      location: { xpath: '/电子文件封装包/被签名对象/封装内容/文件实体块/文件实体/内容描述' },
    });
    const size = await validateEep(edited('<计算机文件大小>28<', '<计算机文件大小>29<'));
    expect(size.issues[0]).toMatchObject({ code: 'eep.content.size-mismatch', check: 'GD-1-10', expected: 29, received: 28 });
  });

  it('catches a flipped Base64 byte by size whenever the flip changes the decoded length or validity', async () => {
    // Dropping the padding changes the length (not a multiple of 4); a flipped '=' becomes data.
    const noPadding = await validateEep(edited('CiUlRU9GCg==<', 'CiUlRU9GCg=A<'));
    expect(codes(noPadding)).toContain('eep.content.base64-invalid');
    const padded = await validateEep(edited('CiUlRU9GCg==<', 'CiUlRU9GCgA=<'));
    expect(planted(padded).map((i) => [i.code, i.expected, i.received])).toEqual([['eep.content.size-mismatch', 28, 29]]);
  });

  it('unsigned: any one changed byte of 编码数据 that changes its length or is no Base64 fails; a same-length flip passes, noted by eep.unsigned', async () => {
    // The gap DA/T 48 leaves: without 电子签名块/锁定签名 nothing in the EEP covers the decoded bytes.
    const eep = encoder.encode(sampleText);
    const seen = { xml: 0, content: 0, 'signature-only': 0 };
    await fc.assert(
      fc.asyncProperty(byteFlip(eep), async (flip) => {
        const report = await validateEep(applyFlip(eep, flip));
        const catcher = flipCatcher(eep, flip);
        seen[catcher] += 1;
        if (catcher === 'signature-only') {
          // Valid Base64 of the declared size: only the eep.unsigned note says this was not checkable.
          expect(report.valid).toBe(true);
          expect(report.issues.map((i) => [i.code, i.severity])).toEqual([['eep.unsigned', 'info']]);
          return;
        }
        expect(report.valid).toBe(false);
        const found = errors(report).map((i) => i.code);
        if (catcher === 'xml') expect(found.some((code) => code.startsWith('xml.')), found.join()).toBe(true);
        else expect(found.filter((code) => code === 'eep.content.base64-invalid' || code === 'eep.content.size-mismatch'), found.join()).not.toEqual([]);
      }),
      { numRuns: 500 },
    );
    // The property met every kind of flip, not only the easy ones.
    expect(Math.min(...Object.values(seen))).toBeGreaterThan(0);
  });

  it('refuses a DOCTYPE and reports malformed XML with line and column', async () => {
    const doctype = await validateEep(encoder.encode(sampleText.replace('<电子文件封装包', '<!DOCTYPE x [<!ENTITY a "b">]>\n<电子文件封装包')));
    expect(doctype.issues.map((i) => [i.code, i.aspect, i.location?.line])).toEqual([['xml.doctype-forbidden', 'security', 2]]);
    expect(statusOf(doctype, 'eep.xml')).toBe('failed');
    expect(statusOf(doctype, 'eep.content')).toBe('skipped');
    const broken = await validateEep(edited('</题名>', '</题>'));
    expect(broken.issues).toHaveLength(1);
    expect(broken.issues[0]).toMatchObject({ code: 'xml.mismatched-tag', aspect: 'usability', location: { line: lineOf(sampleText, '</题名>') } });
  });

  it('reads under the caller\'s XML limits: a lowered depth or text limit is its issue, not a throw', async () => {
    const deep = await validateEep(encoder.encode(sampleText), { limits: { maxDepth: 4 } });
    expect(codes(deep)).toEqual(['xml.limit-depth']);
    expect(deep.valid).toBe(false);
    expect(statusOf(deep, 'eep.xml')).toBe('failed');
    const longText = await validateEep(encoder.encode(sampleText), { locale: 'en', limits: { maxTextLength: 8 } });
    expect(codes(longText)).toEqual(['xml.limit-text']);
    expect(longText.issues[0]?.message).toMatch(/over the limit of 8$/);
    // Limits left unset keep the EEP's own: the sample passes under a generous override.
    expect(planted(await validateEep(encoder.encode(sampleText), { limits: { maxDepth: 50, maxTextLength: undefined } }))).toEqual([]);
  });

  it('reports a foreign root and stops there', async () => {
    const report = await validateEep(encoder.encode('<?xml version="1.0"?><文件目录/>'));
    expect(codes(report)).toEqual(['eep.root.invalid']);
    expect(statusOf(report, 'eep.structure')).toBe('failed');
  });

  it('treats inferred formats as warnings and honours severity overrides', async () => {
    const date = await validateEep(edited('<日期>20240301<', '<日期>2024年3月1日<'));
    expect(date.valid).toBe(true);
    expect(planted(date).map((i) => [i.code, i.severity])).toEqual([['eep.value.type', 'warning']]);
    const strict = await validateEep(edited('<日期>20240301<', '<日期>2024年3月1日<'), { severity: { 'eep.value.type': 'error' } });
    expect(strict.valid).toBe(false);
    const off = await validateEep(edited('<日期>20240301<', '<日期>2024年3月1日<'), { severity: { 'eep.value.type': 'off' } });
    expect(planted(off)).toEqual([]);
    const other = await validateEep(edited('<文种>通知<', '<文种>纪要<'));
    expect(planted(other).map((i) => [i.code, i.severity])).toEqual([['eep.value.domain', 'info']]);
  });

  it('warns when 年度 disagrees with 日期 (GD-1-5)', async () => {
    const report = await validateEep(edited('<年度>2024<', '<年度>2023<'));
    expect(report.valid).toBe(true);
    expect(planted(report).map((i) => [i.code, i.check, i.severity, i.expected, i.received])).toEqual([
      ['eep.value.inconsistent', 'GD-1-5', 'warning', '2024', '2023'],
    ]);
  });

  it('validates a GB18030-encoded package', async () => {
    const gb = encodeGb18030(sampleText.replace('encoding="UTF-8"', 'encoding="GB18030"'));
    const report = await validateEep(gb);
    expect(planted(report)).toEqual([]);
    const faulty = await validateEep(encodeGb18030(sampleText.replace('encoding="UTF-8"', 'encoding="GB18030"').replace('<密级>公开<', '<密级>甲级<')));
    expect(planted(faulty).map((i) => [i.code, i.received, i.location?.line])).toEqual([['eep.value.domain', '甲级', lineOf(sampleText, '<密级>')]]);
  });

  it('warns on a 反编码关键字 that does not match the file extension', async () => {
    const report = await validateEep(edited('base64-pdf', 'base64-doc'));
    expect(report.valid).toBe(true);
    expect(planted(report).map((i) => [i.code, i.expected, i.received])).toEqual([['eep.content.decoding-key-mismatch', 'base64-pdf', 'base64-doc']]);
  });

  it('never throws on arbitrary bytes', async () => {
    for (const input of [new Uint8Array([0xff, 0xfe, 0x00]), new Uint8Array(0), encoder.encode('<a>'), encoder.encode(sampleText.slice(0, 500))]) {
      const report = await validateEep(input);
      expect(report.valid).toBe(false);
      expect(report.issues.length).toBeGreaterThan(0);
    }
  });
});

describe('eep.unsigned: an EEP without 电子签名块 and 锁定签名', () => {
  // The audit's flip: one Base64 character of 编码数据 for another, same length, same size.
  const flipped = () => edited('5a65CiUl', '5a66CiUl');

  it('cannot tell a same-length flip of 编码数据 from the original, and says so once (info, GD-1-1)', async () => {
    const report = await validateEep(flipped(), { path: 'flip.eep' });
    expect(report.valid).toBe(true);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({
      code: 'eep.unsigned',
      severity: 'info',
      aspect: 'authenticity',
      check: 'GD-1-1',
      path: 'flip.eep',
      location: { line: lineOf(sampleText, '<电子文件封装包'), xpath: '/电子文件封装包' },
    });
    expect(report.issues[0]!.message).toMatch(/^封装包没有电子签名块和锁定签名.*编码数据中不改变长度的改动.*固化信息/);
    const en = await validateEep(flipped(), { locale: 'en' });
    expect(en.issues[0]!.message).toMatch(/no 电子签名块 or 锁定签名.*change to 编码数据 that keeps its length.*signature or package-level fixity/);
    expect(statusOf(report, 'eep.signature')).toBe('skipped');
  });

  it('is overridable by code and by its check (eep.signature), like every EEP code', async () => {
    const strict = await validateEep(flipped(), { severity: { 'eep.unsigned': 'error' } });
    expect([strict.valid, strict.issues.map((i) => [i.code, i.severity])]).toEqual([false, [['eep.unsigned', 'error']]]);
    expect(statusOf(strict, 'eep.signature')).toBe('failed');
    expect((await validateEep(flipped(), { severity: { 'eep.unsigned': 'off' } })).issues).toEqual([]);
    expect((await validateEep(flipped(), { severity: { 'eep.signature': 'off' } })).issues).toEqual([]);
  });

  it('is left out when package fixity covers the EEP (packageFixity), and when half the signature pair is there', async () => {
    expect((await validateEep(flipped(), { packageFixity: true })).issues).toEqual([]);
    const lone = await validateEep(edited('  </被签名对象>\n', '  </被签名对象>\n  <锁定签名><被锁定签名标识符>x</被锁定签名标识符></锁定签名>\n'));
    expect(codes(lone)).toContain('eep.signature.lock-missing');
    expect(codes(lone)).not.toContain('eep.unsigned');
  });

  it('is given once for a 修改型 package whose outer layer is unsigned, whatever its layers', async () => {
    const wrapped = wrapEep(encoder.encode(sampleText), { ...sampleItem(), createdAt: '2024-05-01T08:00:00' });
    if (!wrapped.ok) throw new Error('wrap failed');
    const twice = wrapEep(wrapped.bytes, { ...sampleItem(), createdAt: '2024-06-01T08:00:00' });
    if (!twice.ok) throw new Error('wrap failed');
    const report = await validateEep(twice.bytes);
    expect(report.issues.map((i) => [i.code, i.location?.xpath])).toEqual([['eep.unsigned', '/电子文件封装包']]);
  });
});

describe('validateEep on 修改型 packages', () => {
  it('recurses into 原封装包: a fault in the wrapped original is found at its XPath', async () => {
    const original = edited('<计算机文件大小>28<', '<计算机文件大小>27<');
    const wrapped = wrapEep(original, { ...sampleItem(), createdAt: '2024-05-01T08:00:00' });
    expect(wrapped.ok).toBe(true);
    if (!wrapped.ok) return;
    const report = await validateEep(wrapped.bytes);
    expect(planted(report).map((i) => [i.code, i.location?.xpath])).toEqual([
      ['eep.content.size-mismatch', '/电子文件封装包/被签名对象/修改封装内容/原封装包/被签名对象/封装内容/文件实体块/文件实体/文件数据/文档/文档数据/编码/编码数据'],
    ]);
  });

  it('checks the nested 被签名对象’s own type and version', async () => {
    const wrapped = wrapEep(edited('eep版本="2009"', 'eep版本="2008"'), sampleItem());
    if (!wrapped.ok) throw new Error('wrap failed');
    const text = new TextDecoder().decode(wrapped.bytes).replace('原始封装，未经修改', '原始封装');
    const report = await validateEep(encoder.encode(text));
    expect(planted(report).map((i) => [i.code, i.location?.xpath])).toEqual([
      ['eep.version.mismatch', '/电子文件封装包/被签名对象/修改封装内容/原封装包/被签名对象'],
      ['eep.package-type.description-mismatch', '/电子文件封装包/被签名对象/修改封装内容/原封装包/被签名对象/封装包类型描述'],
    ]);
  });

  it('requires 修改封装内容 with its 原封装包 in a 修改型 package', async () => {
    const wrapped = wrapEep(encoder.encode(sampleText), sampleItem());
    if (!wrapped.ok) throw new Error('wrap failed');
    const text = new TextDecoder().decode(wrapped.bytes);
    const start = text.indexOf('<原封装包>');
    const end = text.indexOf('</原封装包>') + '</原封装包>'.length;
    const report = await validateEep(encoder.encode(text.slice(0, start) + text.slice(end)));
    expect(planted(report).map((i) => [i.code, i.params?.element])).toEqual([['eep.element.missing', '原封装包']]);
  });
});

describe('validateEep on large, line-wrapped content', () => {
  it('keeps exact line:column after Base64 wrapped at 76 characters (RFC 2045)', async () => {
    const content = new Uint8Array(5000).map((_, i) => (i * 7) & 255);
    const text = new TextDecoder().decode(writeEep(sampleItem(content)));
    const wrapped = text.replace(/(<编码数据[^>]*>)([^<]+)</, (_, open: string, data: string) => `${open}${data.replace(/.{76}/g, '$&\r\n')}<`);
    const faulty = wrapped.replace('<业务状态>历史行为<', '<业务状态>已完成<');
    const report = await validateEep(encoder.encode(faulty));
    expect(planted(report).map((i) => [i.code, i.location?.line, i.location?.column])).toEqual([
      ['eep.value.domain', lineOf(faulty, '<业务状态>'), faulty.split('\n')[lineOf(faulty, '<业务状态>') - 1]!.indexOf('<业务状态>') + 1],
    ]);
  });

  it('validates a 16 MB file inside a package (its 编码数据 read as one text run; timings: docs/eep.md)', async () => {
    const content = new Uint8Array(16 * 1024 * 1024);
    for (let i = 0; i < content.length; i += 1) content[i] = (i * 2654435761) >>> 24;
    const bytes = writeEep(sampleItem(content));
    const report = await validateEep(bytes);
    expect(report.valid).toBe(true);
    expect(report.summary.bytes).toBe(bytes.length);
  });

  it('measures the size of a large, wrapped 编码数据', async () => {
    const content = new Uint8Array(3000).fill(65);
    const text = new TextDecoder().decode(writeEep(sampleItem(content)));
    const wrapped = text.replace(/(<编码数据[^>]*>)([^<]+)</, (_, open: string, data: string) => `${open}\n${data.replace(/.{64}/g, '$&\n')}\n<`);
    expect(planted(await validateEep(encoder.encode(wrapped)))).toEqual([]);
    const short = wrapped.replace('<计算机文件大小>3000<', '<计算机文件大小>2999<');
    const report = await validateEep(encoder.encode(short));
    expect(planted(report).map((i) => [i.code, i.expected, i.received, i.location?.line])).toEqual([
      ['eep.content.size-mismatch', 2999, 3000, lineOf(short, '<编码数据')],
    ]);
  });
});

describe('validateEepEntry', () => {
  const source = (files: Record<string, Uint8Array>): PackageSource => ({
    name: 'memory',
    entries: async () => Object.entries(files).map(([path, bytes]) => ({ path, kind: 'file' as const, size: bytes.length })),
    read: async (path) => {
      const bytes = files[path];
      if (!bytes) throw new Error(`ENOENT: ${path}`);
      return bytes;
    },
    stream: async function* (path) {
      yield files[path]!;
    },
    digest: async function* () {},
  });

  it('validates an entry with its package path on every issue', async () => {
    const path = 'Z001/WS/2024/Z001-WS·2024-Y-BGS-0001/正文.eep';
    const report = await validateEepEntry(source({ [path]: edited('<计算机文件大小>28<', '<计算机文件大小>1<') }), path);
    expect(report.issues.map((i) => [i.code, i.path])).toEqual([
      ['eep.content.size-mismatch', path],
      ['eep.unsigned', path],
    ]);
  });

  it('reports an unreadable entry without throwing', async () => {
    const report = await validateEepEntry(source({}), 'missing.eep');
    expect(report.issues.map((i) => i.code)).toEqual(['input.unreadable']);
  });

  it('reads under the limits given to validatePackage (profile eep) and validatePath (an .eep file)', async () => {
    const limits = { maxDepth: 4 };
    const fromPackage = await validatePackage(source({ '正文.eep': encoder.encode(sampleText) }), { limits });
    expect(codes(fromPackage)).toEqual(['xml.limit-depth']);
    const dir = mkdtempSync(join(tmpdir(), 'dangan-eep-'));
    try {
      writeFileSync(join(dir, '正文.eep'), sampleText);
      expect(codes(await validatePath(join(dir, '正文.eep'), { limits }))).toEqual(['xml.limit-depth']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
