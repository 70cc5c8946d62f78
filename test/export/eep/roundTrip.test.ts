import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEep, validateEep, wrapEep, writeEep } from '../../../src/index.js';
import { eepItem } from './arbitraries.js';
import { sampleItem } from './sampleItem.js';

describe('writeEep → readEep', () => {
  it('reads back exactly the item written (escaping, [ ] titles, empty optionals, binary content)', () => {
    fc.assert(
      fc.property(eepItem, (item) => {
        const read = readEep(writeEep(item));
        expect(read).toEqual({ ok: true, value: { type: '原始型', item, signatures: [] } });
      }),
      { numRuns: 150 },
    );
  });

  it('writes packages that validate with no issue but the eep.unsigned note (info) of an unsigned EEP', async () => {
    await fc.assert(
      fc.asyncProperty(eepItem, async (item) => {
        const report = await validateEep(writeEep(item));
        expect(report.issues.map((i) => [i.code, i.severity])).toEqual([['eep.unsigned', 'info']]);
        expect(report.valid).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the sample’s title with brackets and markup', () => {
    const read = readEep(writeEep(sampleItem()));
    expect(read.ok && read.value.type === '原始型' && read.value.item.content.record.description.title).toBe(
      '关于[试行]办法的通知 <附件> & “说明”',
    );
  });
});

describe('wrapEep (修改型)', () => {
  it('reads back the revision and the original, layer by layer', () => {
    fc.assert(
      fc.property(eepItem, eepItem, (original, revision) => {
        const wrapped = wrapEep(writeEep(original), revision);
        expect(wrapped.ok).toBe(true);
        if (!wrapped.ok) return;
        const read = readEep(wrapped.bytes);
        expect(read).toEqual({
          ok: true,
          value: {
            type: '修改型',
            modificationId: '修改1',
            revision,
            original: { type: '原始型', item: original, signatures: [] },
            signatures: [],
          },
        });
      }),
      { numRuns: 40 },
    );
  });

  it('wraps twice with layer numbers 1 and 2 and validates recursively', async () => {
    const once = wrapEep(writeEep(sampleItem()), sampleItem());
    const twice = once.ok ? wrapEep(once.bytes, sampleItem()) : once;
    expect(twice.ok).toBe(true);
    if (!twice.ok) return;
    const text = new TextDecoder().decode(twice.bytes);
    expect(text).toContain('<修改标识符>修改2</修改标识符>');
    expect(text).toContain('编码ID="修改2-文档1-文档数据1-编码1"');
    expect(text).toContain('编码ID="修改0-文档1-文档数据1-编码1"');
    const report = await validateEep(twice.bytes);
    expect(report.issues.map((i) => i.code)).toEqual(['eep.unsigned']);
    const read = readEep(twice.bytes);
    expect(read.ok && read.value.type === '修改型' && read.value.original.type).toBe('修改型');
  });
});

describe('EEP offsets over the shared XML scan', () => {
  it('keeps the original 被签名对象 byte for byte when the document has CRLF line ends and a BOM', () => {
    const text = `\uFEFF${new TextDecoder().decode(writeEep(sampleItem())).replace(/\n/g, '\r\n')}`;
    const original = new TextEncoder().encode(text);
    const wrapped = wrapEep(original, { ...sampleItem(), createdAt: '2024-05-01T08:00:00' });
    expect(wrapped.ok).toBe(true);
    if (!wrapped.ok) return;
    const signedObject = text.slice(text.indexOf('<被签名对象'), text.indexOf('</被签名对象>') + '</被签名对象>'.length);
    expect(signedObject).toContain('\r\n');
    expect(new TextDecoder().decode(wrapped.bytes)).toContain(`<原封装包>${signedObject}</原封装包>`);
    const read = readEep(wrapped.bytes);
    expect(read.ok && read.value.type).toBe('修改型');
  });
});

describe('readEep reports what it cannot read (shared 文件实体 reader)', () => {
  it('names a missing 脱机载体编号 instead of failing silently', () => {
    const text = new TextDecoder().decode(writeEep(sampleItem())).replace(/<脱机载体编号>[^<]*<\/脱机载体编号>/g, '');
    const read = readEep(new TextEncoder().encode(text));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.issues.map((i) => [i.code, i.params?.element])).toEqual([['eep.element.missing', '脱机载体编号']]);
  });
});
