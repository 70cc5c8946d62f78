import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FixityRecord } from '../../src/formats/fixity/fixityRecord.js';
import { readFixityManifest } from '../../src/formats/fixity/readFixityManifest.js';
import { writeFixityManifest } from '../../src/formats/fixity/writeFixityManifest.js';
import { writePackageDescription } from '../../src/formats/description/writePackageDescription.js';
import { encodeXmlDocument } from '../../src/xml/encodeXmlDocument.js';
import { someText } from './arbitraries.js';
import { xmllintSchema } from './xmllint.js';

const record: fc.Arbitrary<FixityRecord> = fc.record({
  path: someText,
  algorithm: fc.constantFrom('sm3' as const, 'sha256' as const, 'sha1' as const, 'md5' as const),
  digest: fc.stringMatching(/^[0-9a-f]{64}$/),
  bytes: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
});

describe('其他/固化验证信息.XML', () => {
  it('round-trips: read(write(x)) equals x, UTF-8 and GB18030', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), fc.constantFrom('UTF-8' as const, 'GB18030' as const), (records, encoding) => {
        const bytes = encodeXmlDocument(writeFixityManifest(records, encoding), encoding);
        const result = readFixityManifest(bytes);
        expect(result.issues).toEqual([]);
        expect(result.records).toEqual(records);
      }),
      { numRuns: 200 },
    );
  });

  it('reports an unknown algorithm and a bad byte count with their line', () => {
    const xml = writeFixityManifest([{ path: 'a/b.pdf', algorithm: 'sm3', digest: 'ab', bytes: 3 }]).replace('SM3', 'GOST').replace('>3<', '>3.5<');
    const result = readFixityManifest(xml);
    expect(result.records).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.params?.field, i.location?.line])).toEqual([
      ['export.value.invalid', '算法', 3],
      ['export.value.invalid', '字节数', 3],
    ]);
  });

  it('refuses a byte count too large to compare exactly (beyond 2^53 − 1)', () => {
    const xml = writeFixityManifest([{ path: 'a/b.pdf', algorithm: 'sm3', digest: 'ab', bytes: 3 }]).replace('>3<', '>9007199254740993<');
    const result = readFixityManifest(xml);
    expect(result.records).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.params?.field, i.received])).toEqual([['export.value.invalid', '字节数', '9007199254740993']]);
  });

  it('passes xmllint --schema fixity.xsd', () => {
    const xml = writeFixityManifest([{ path: 'Z109/WS/Z109-WS·2011-Y-BGS-0001/正文.pdf', algorithm: 'sm3', digest: 'ab'.repeat(32), bytes: 3 }]);
    expect(xmllintSchema('fixity.xsd', xml).status).toBe(0);
    expect(xmllintSchema('fixity.xsd', xml.replace('SM3', 'CRC32')).status).not.toBe(0);
  });
});

describe('说明文件.TXT', () => {
  it('writes the required keys first in DA/T 93 order, then the others, with CRLF', () => {
    const text = writePackageDescription({ 载体编号: 'G-01', 软硬件环境: 'PDF 阅读器', 档案数量: '2', 起止档号: 'A至B', 内容描述: '文书', 移交单位: '某局' });
    expect(text).toBe('移交单位：某局\r\n内容描述：文书\r\n起止档号：A至B\r\n档案数量：2\r\n软硬件环境：PDF 阅读器\r\n载体编号：G-01\r\n');
  });

  it('refuses values it could not read back', () => {
    expect(() => writePackageDescription({ 移交单位: 'a\nb', 内容描述: '', 起止档号: '', 档案数量: '', 软硬件环境: '' })).toThrow(RangeError);
    expect(() => writePackageDescription({ 移交单位: '', 内容描述: '', 起止档号: '', 档案数量: '', 软硬件环境: '', 'a:b': 'x' })).toThrow(RangeError);
  });
});
