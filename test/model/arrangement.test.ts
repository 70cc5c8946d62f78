import { describe, expect, it } from 'vitest';
import {
  boxSchema,
  catalogueEntrySchema,
  fondsSchema,
  itemSchema,
  titleSchema,
  volumeSchema,
  type Box,
  type CatalogueEntry,
  type Fonds,
  type Item,
  type Volume,
} from '../../src/index.js';

/** The field paths zod rejects, to assert *which* field failed, not only that something did. */
function failedPaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((i) => i.path.map(String).join('.'));
}

describe('fondsSchema (全宗)', () => {
  const fonds: Fonds = { fondsCode: 'Z109', fondsName: '某市人民政府办公室', creatingUnit: '某市人民政府办公室', archiveName: '某市档案馆', archiveCode: '123456' };

  it('accepts a fonds, with or without an assigned 全宗号', () => {
    expect(fondsSchema.safeParse(fonds).success).toBe(true);
    const { fondsCode: _unassigned, ...pending } = fonds;
    expect(fondsSchema.safeParse(pending).success).toBe(true);
  });

  it.each([
    [{ ...fonds, fondsCode: 'z109' }, 'fondsCode'],
    [{ ...fonds, fondsCode: '' }, 'fondsCode'],
    [{ ...fonds, creatingUnit: '  ' }, 'creatingUnit'],
    [{ ...fonds, fondsName: undefined }, 'fondsName'],
    [{ ...fonds, archiveCode: '' }, 'archiveCode'],
  ])('rejects %j at %s', (value, path) => {
    expect(failedPaths(fondsSchema.safeParse(value))).toEqual([path]);
  });
});

describe('itemSchema (件)', () => {
  const item: Item = {
    archivalCode: 'Z109-WS·2011-Y-BGS-0001',
    fondsCode: 'Z109',
    categoryCode: 'WS',
    year: 2011,
    retentionPeriod: 'Y',
    orgCode: 'BGS',
    itemNumber: 1,
    pageCount: 3,
    title: '关于印发2011年工作要点的通知',
    author: '某市人民政府办公室',
    documentNumber: '某府办发〔2011〕1号',
    date: '20110302',
    securityClassification: '秘密',
  };

  it('accepts an item with the 归档章 fields', () => {
    expect(itemSchema.safeParse(item).success).toBe(true);
    expect(itemSchema.safeParse({ ...item, orgCode: '办公室', retentionPeriod: '定期30年' }).success).toBe(true);
  });

  it.each([
    [{ ...item, pageCount: 0 }, 'pageCount'],
    [{ ...item, itemNumber: 1.5 }, 'itemNumber'],
    [{ ...item, year: 11 }, 'year'],
    [{ ...item, retentionPeriod: 'C' }, 'retentionPeriod'],
    [{ ...item, date: '20110231' }, 'date'],
    [{ ...item, securityClassification: '公开' }, 'securityClassification'],
    [{ ...item, categoryCode: 'XX' }, 'categoryCode'],
    [{ ...item, orgCode: 'bgs' }, 'orgCode'],
    [{ ...item, title: '[关于印发的通知' }, 'title'],
  ])('rejects %j at %s', (value, path) => {
    expect(failedPaths(itemSchema.safeParse(value))).toEqual([path]);
  });
});

describe('volumeSchema (卷)', () => {
  const volume: Volume = {
    archivalCode: 'C038-001-002',
    fondsCode: 'C038',
    catalogueNumber: '001',
    volumeNumber: 2,
    title: '某厂1985年生产计划',
    year: 1985,
    retentionPeriod: '长期',
    startDate: '19850100',
    endDate: '19851231',
    itemCount: 12,
    pageCount: 80,
  };

  it('accepts a legacy 案卷 and a DA/T 13-2022 one with a 类别号', () => {
    expect(volumeSchema.safeParse(volume).success).toBe(true);
    expect(volumeSchema.safeParse({ fondsCode: 'J019', classCode: 'ZY·JC·CC·2019·D30', volumeNumber: 1, title: '案卷', retentionPeriod: 'D30' }).success).toBe(true);
  });

  it.each([
    [{ ...volume, startDate: '19860101' }, 'endDate'],
    [{ ...volume, classCode: 'ZY.JC' }, 'classCode'],
    [{ ...volume, volumeNumber: 0 }, 'volumeNumber'],
    [{ ...volume, itemCount: -1 }, 'itemCount'],
  ])('rejects %j at %s', (value, path) => {
    expect(failedPaths(volumeSchema.safeParse(value))).toEqual([path]);
  });

  it('lets a date with an unknown day start the month it names', () => {
    expect(volumeSchema.safeParse({ ...volume, startDate: '19851200', endDate: '19851201' }).success).toBe(true);
  });
});

describe('boxSchema (盒)', () => {
  const box: Box = {
    fondsCode: 'Z109',
    fondsName: '某市人民政府办公室',
    year: 2011,
    retentionPeriod: 'D30',
    orgCode: 'BGS',
    boxNumber: 3,
    itemRange: { first: 1, last: 26 },
    recordSheet: { description: '第5件缺附件', arrangedBy: '张三', arrangedDate: '20120110', checkedBy: '李四', checkedDate: '2012-01-12' },
  };

  it('accepts a box with its spine fields and 备考表', () => {
    expect(boxSchema.safeParse(box).success).toBe(true);
    expect(boxSchema.safeParse({ ...box, itemRange: { first: 7, last: 7 }, recordSheet: undefined }).success).toBe(true);
  });

  it.each([
    [{ ...box, itemRange: { first: 27, last: 26 } }, 'itemRange.last'],
    [{ ...box, boxNumber: undefined }, 'boxNumber'],
    [{ ...box, recordSheet: { ...box.recordSheet, checkedDate: '20120100' } }, 'recordSheet.checkedDate'],
    [{ ...box, recordSheet: { ...box.recordSheet, arrangedDate: '[20120110]' } }, 'recordSheet.arrangedDate'],
    [{ ...box, recordSheet: { ...box.recordSheet, checkedBy: '' } }, 'recordSheet.checkedBy'],
  ])('rejects %j at %s', (value, path) => {
    expect(failedPaths(boxSchema.safeParse(value))).toEqual([path]);
  });
});

describe('catalogueEntrySchema (归档文件目录)', () => {
  const row: CatalogueEntry = {
    sequenceNumber: 1,
    archivalCode: 'Z109-WS·2011-Y-BGS-0001',
    documentNumber: '',
    author: '某市人民政府办公室',
    title: '[关于办公用房调整的]通知',
    date: '20110302',
    securityClassification: '',
    pageCount: 3,
    remarks: '',
  };

  it('accepts a §5.5 row with empty 文号, 密级 and 备注, and a bracketed title', () => {
    expect(catalogueEntrySchema.safeParse(row).success).toBe(true);
    expect(catalogueEntrySchema.safeParse({ ...row, title: '[会议纪要]', date: '[20110300]', securityClassification: '机密' }).success).toBe(true);
    expect(catalogueEntrySchema.safeParse({ ...row, retentionPeriod: 'D10', electronicFileName: '0001.pdf' }).success).toBe(true);
  });

  it.each([
    [{ ...row, pageCount: 0 }, 'pageCount'],
    [{ ...row, sequenceNumber: 0 }, 'sequenceNumber'],
    [{ ...row, archivalCode: '' }, 'archivalCode'],
    [{ ...row, title: '' }, 'title'],
    [{ ...row, title: '关于]的通知' }, 'title'],
    [{ ...row, date: '2011-3-2' }, 'date'],
    [{ ...row, securityClassification: '内部' }, 'securityClassification'],
    [{ ...row, retentionPeriod: '长久' }, 'retentionPeriod'],
  ])('rejects %j at %s', (value, path) => {
    expect(failedPaths(catalogueEntrySchema.safeParse(value))).toEqual([path]);
  });
});

describe('titleSchema', () => {
  it.each(['通知', '[通知]', '关于[某事]的[通知]', '［会议纪要］'])('accepts %j', (t) => expect(titleSchema.safeParse(t).success).toBe(true));
  it.each(['', ' ', '[[通知]]', ']通知[', '[通知', '通知]'])('rejects %j', (t) => expect(titleSchema.safeParse(t).success).toBe(false));
});
