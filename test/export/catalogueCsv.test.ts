import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCatalogueCsv } from '../../src/formats/catalogue/csv/readCatalogueCsv.js';
import { writeCatalogueCsv } from '../../src/formats/catalogue/csv/writeCatalogueCsv.js';
import { catalogueEntry } from './arbitraries.js';

import { encodeGb18030 } from '../../src/xml/gb18030.js';

describe('归档文件目录 CSV', () => {
  it('writes the DA/T 22-2015 columns in order, with a UTF-8 BOM and CRLF', () => {
    const csv = writeCatalogueCsv([
      { sequenceNumber: 1, archivalCode: 'Z109-WS·2011-Y-BGS-0001', author: '某局', title: '[关于"某事",的通知]', date: '20110301', pageCount: 3 },
    ]);
    expect(csv).toBe('\uFEFF序号,档号,文号,责任者,题名,日期,密级,页数,备注\r\n1,Z109-WS·2011-Y-BGS-0001,,某局,"[关于""某事"",的通知]",20110301,,3,\r\n');
  });

  it('round-trips any records: read(write(x)) equals x (UTF-8 bytes with BOM)', () => {
    fc.assert(
      fc.property(fc.array(catalogueEntry(), { maxLength: 8 }), (records) => {
        const bytes = new TextEncoder().encode(writeCatalogueCsv(records));
        const result = readCatalogueCsv(bytes);
        expect(result.issues).toEqual([]);
        expect(result.encoding).toBe('utf-8');
        expect(result.records).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a GB18030 CSV as Excel on Chinese Windows saves it, columns in any order', () => {
    const bytes = encodeGb18030('题名,序号,档号,页数,日期,责任者\r\n通知,1,A-1,2,20110301,某局\r\n');
    expect(bytes.subarray(0, 4)).toEqual(new Uint8Array([0xcc, 0xe2, 0xc3, 0xfb])); // 题名 in GB18030
    const result = readCatalogueCsv(bytes);
    expect(result.encoding).toBe('gb18030');
    expect(result.issues).toEqual([]);
    expect(result.records).toEqual([{ sequenceNumber: 1, archivalCode: 'A-1', author: '某局', title: '通知', date: '20110301', pageCount: 2 }]);
  });

  it('reports a missing column, an unknown column and a bad 序号 with its line', () => {
    const missing = readCatalogueCsv('序号,题名,日期\r\n1,x,20110301\r\n', { locale: 'en' });
    expect(missing.issues.map((i) => [i.code, i.params?.column])).toEqual([['export.csv.column-missing', '档号']]);
    expect(missing.records).toEqual([]);

    const bad = readCatalogueCsv(
      '序号,档号,责任者,题名,日期,页数,附件\r\n1,A-1,甲,x,20110301,1,\r\n二,A-2,乙,"多\r\n行",20110302,1,\r\n3,A-3,丙,z,20110231,1,\r\n4,A-4,丁,[w,20110304,1,\r\n5,A-5,戊,v,20110305,1,\r\n',
    );
    expect(bad.issues.map((i) => [i.code, i.severity, i.location?.line, i.params?.field])).toEqual([
      ['export.csv.column-unknown', 'warning', 1, undefined],
      ['export.value.invalid', 'error', 3, '序号'],
      ['model.invalid', 'error', 5, 'date'],
      ['model.invalid', 'error', 6, 'title'],
    ]);
    expect(bad.records.map((r) => r.archivalCode)).toEqual(['A-1', 'A-5']);
  });

  it('reports an unterminated quote as a syntax error, never throws', () => {
    const result = readCatalogueCsv('序号,档号,题名,日期\r\n1,A-1,"x,20110301\r\n');
    expect(result.issues.some((i) => i.code === 'export.csv.syntax' && i.location?.line === 2)).toBe(true);
  });
});
