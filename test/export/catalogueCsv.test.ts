import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCatalogueCsv } from '../../src/export/csv/readCatalogueCsv.js';
import { writeCatalogueCsv } from '../../src/export/csv/writeCatalogueCsv.js';
import { catalogueRecord } from './arbitraries.js';

const gb18030 = (hex: string) => new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));

describe('归档文件目录 CSV', () => {
  it('writes the DA/T 22-2015 columns in order, with a UTF-8 BOM and CRLF', () => {
    const csv = writeCatalogueCsv([
      { sequenceNumber: 1, archivalCode: 'Z109-WS·2011-Y-BGS-0001', author: '某局', title: '[关于"某事",的通知]', date: '20110301', pageCount: 3 },
    ]);
    expect(csv).toBe('\uFEFF序号,档号,文号,责任者,题名,日期,密级,页数,备注\r\n1,Z109-WS·2011-Y-BGS-0001,,某局,"[关于""某事"",的通知]",20110301,,3,\r\n');
  });

  it('round-trips any records: read(write(x)) equals x (UTF-8 bytes with BOM)', () => {
    fc.assert(
      fc.property(fc.array(catalogueRecord(), { maxLength: 8 }), (records) => {
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
    // "题名,序号,档号,日期\r\n通知,1,A-1,20110301\r\n" in GB18030
    const text = '题名,序号,档号,日期\r\n通知,1,A-1,20110301\r\n';
    const bytes = gb18030(
      'CCE2C3FB2CD0F2BAC52CB5B5BAC52CC8D5C6DA0D0A' + 'CDA8D6AA2C312C412D312C32303131303330310D0A',
    );
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
    const result = readCatalogueCsv(bytes);
    expect(result.encoding).toBe('gb18030');
    expect(result.records).toEqual([{ sequenceNumber: 1, archivalCode: 'A-1', author: '', title: '通知', date: '20110301' }]);
  });

  it('reports a missing column, an unknown column and a bad 序号 with its line', () => {
    const missing = readCatalogueCsv('序号,题名,日期\r\n1,x,20110301\r\n', { locale: 'en' });
    expect(missing.issues.map((i) => [i.code, i.params?.column])).toEqual([['export.csv.column-missing', '档号']]);
    expect(missing.records).toEqual([]);

    const bad = readCatalogueCsv('序号,档号,题名,日期,附件\r\n1,A-1,x,20110301,\r\n二,A-2,"多\r\n行",20110302,\r\n3,A-3,z,20110303,\r\n');
    expect(bad.issues.map((i) => [i.code, i.severity, i.location?.line])).toEqual([
      ['export.csv.column-unknown', 'warning', 1],
      ['export.value.invalid', 'error', 3],
    ]);
    expect(bad.records.map((r) => r.archivalCode)).toEqual(['A-1', 'A-3']);
  });

  it('reports an unterminated quote as a syntax error, never throws', () => {
    const result = readCatalogueCsv('序号,档号,题名,日期\r\n1,A-1,"x,20110301\r\n');
    expect(result.issues.some((i) => i.code === 'export.csv.syntax' && i.location?.line === 2)).toBe(true);
  });
});
