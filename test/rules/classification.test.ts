import { describe, expect, it } from 'vitest';
import { boxSchema } from '../../src/model/index.js';
import { assignYear, classifyItems, findClassificationScheme, packBoxes } from '../../src/rules/index.js';

const base = { author: '某市档案局办公室', pageCount: 2 };

describe('assignYear (DA/T 22-2015 §5.2)', () => {
  it.each([
    [{ date: '20151231' }, 2015, 'signed'],
    // a 2016 plan signed in December 2015 belongs to 2015
    [{ date: '20151215' }, 2015, 'signed'],
    [{ date: '20151228', yearBasis: 'meeting', closingDate: '20160103' }, 2016, 'meeting'],
    [{ date: '20140310', yearBasis: 'case', concludedDate: '20160520' }, 2016, 'case'],
    [{ date: '20150000' }, 2015, 'signed'],
  ] as const)('%o → %i', (dates, year, basis) => {
    expect(assignYear(dates)).toMatchObject({ ok: true, year, basis });
  });
  it('names the missing field', () => {
    expect(assignYear({ date: '20151228', yearBasis: 'meeting' })).toEqual({ ok: false, basis: 'meeting', field: 'closingDate', received: undefined });
  });
});

describe('findClassificationScheme', () => {
  it('accepts the four schemes and their spellings', () => {
    expect(findClassificationScheme('年度-机构（问题）-保管期限')?.id).toBe('年度-机构-保管期限');
    expect(findClassificationScheme('年度－保管期限－问题')?.id).toBe('年度-保管期限-机构');
    expect(findClassificationScheme('保管期限-年度')?.facets).toEqual(['retention', 'year']);
    expect(findClassificationScheme('机构-年度')).toBeUndefined();
  });
});

describe('classifyItems', () => {
  const rows = [
    { ...base, title: 'C', date: '20150601', retentionPeriod: 'D30', orgCode: 'BGS' },
    { ...base, title: 'A', date: '20150301', retentionPeriod: 'D30', orgCode: 'BGS' },
    { ...base, title: 'B-same-day-first', date: '20150601', retentionPeriod: 'D30', orgCode: 'BGS' },
    { ...base, title: 'P', date: '20150105', retentionPeriod: '永久', orgCode: 'BGS' },
    { ...base, title: 'R', date: '20150105', retentionPeriod: 'Y', orgCode: 'RSC' },
    { ...base, title: '跨年会议', date: '20151230', yearBasis: 'meeting', closingDate: '20160102', retentionPeriod: 'Y', orgCode: 'BGS' },
  ];

  it('orders by date with input order breaking ties, and numbers from 0001 in each lowest class', () => {
    const r = classifyItems(rows, { scheme: '年度-机构-保管期限', fondsCode: 'Z109' });
    expect(r.issues).toEqual([]);
    expect(r.items.map((i) => [i.item.title, i.archivalCode])).toEqual([
      ['P', 'Z109-WS·2015-Y-BGS-0001'],
      ['A', 'Z109-WS·2015-D30-BGS-0001'],
      ['C', 'Z109-WS·2015-D30-BGS-0002'],
      ['B-same-day-first', 'Z109-WS·2015-D30-BGS-0003'],
      ['R', 'Z109-WS·2015-Y-RSC-0001'],
      ['跨年会议', 'Z109-WS·2016-Y-BGS-0001'],
    ]);
    expect(r.classes.map((c) => c.key)).toEqual(['2015/BGS/Y', '2015/BGS/D30', '2015/RSC/Y', '2016/BGS/Y']);
    expect(r.catalogue[1]).toEqual({
      sequenceNumber: 2,
      archivalCode: 'Z109-WS·2015-D30-BGS-0001',
      documentNumber: '',
      author: '某市档案局办公室',
      title: 'A',
      date: '20150301',
      securityClassification: '',
      pageCount: 2,
      remarks: '',
      retentionPeriod: 'D30',
    });
  });

  it('is stable: shuffling rows with distinct dates does not change the numbering', () => {
    const once = classifyItems(rows, { scheme: '年度-保管期限-机构', fondsCode: 'Z109' }).items.map((i) => i.archivalCode + i.item.title);
    const again = classifyItems([...rows].reverse(), { scheme: '年度-保管期限-机构', fondsCode: 'Z109' }).items;
    // only C and B share a day; reversing swaps them, everything else stays
    expect(again.map((i) => i.archivalCode + i.item.title)).toEqual(once.map((s) => s.replace('0002C', '0002B-same-day-first').replace('0003B-same-day-first', '0003C')));
  });

  it('omits the 机构 segment under 年度-保管期限 and classes ignore 机构', () => {
    const r = classifyItems(rows, { scheme: '年度-保管期限', fondsCode: 'Z109' });
    expect(r.items.filter((i) => i.year === 2015 && i.retentionPeriod === 'Y').map((i) => i.archivalCode)).toEqual(['Z109-WS·2015-Y-0001', 'Z109-WS·2015-Y-0002']);
    const p = classifyItems(rows, { scheme: '保管期限-年度', fondsCode: 'Z109' });
    expect(p.classes.map((c) => c.key)).toEqual(['Y/2015', 'Y/2016', 'D30/2015']);
  });

  it('reports bad rows with their index and field and still numbers the rest', () => {
    const r = classifyItems(
      [
        { ...base, title: '好', date: '20150101', retentionPeriod: 'D10', orgCode: 'BGS' },
        { ...base, title: '', date: '20150231', retentionPeriod: 'D7', orgCode: 'BGS', pageCount: '0' },
        { ...base, title: '无机构', date: '20150101', retentionPeriod: 'D10' },
        { ...base, title: '年度不符', date: '20150101', retentionPeriod: 'D10', orgCode: 'BGS', year: '2014' },
        { ...base, title: '旧期限', date: '20150101', retentionPeriod: '长期', orgCode: 'BGS' },
      ],
      { scheme: '年度-机构-保管期限', fondsCode: 'Z109' },
    );
    expect(r.issues.map((i) => [i.code, i.params?.index, i.params?.field, i.severity])).toEqual([
      ['classification.item-invalid', 2, 'title', 'error'],
      ['classification.item-invalid', 2, 'date', 'error'],
      ['classification.item-invalid', 2, 'pageCount', 'error'],
      ['classification.org-missing', 3, undefined, 'error'],
      ['classification.year-mismatch', 4, undefined, 'warning'],
      ['classification.item-invalid', 5, 'retentionPeriod', 'error'],
    ]);
    expect(r.items.map((i) => i.item.title)).toEqual(['好', '年度不符']);
    expect(r.issues.every((i) => !/zod|Invalid input/i.test(i.message))).toBe(true);
    expect(r.issues[0]!.message).toBe('第2项字段“题名”不符合要求：缺少必填项');
    expect(r.issues[5]!.message).toContain('长期');
  });

  it('reports an unknown scheme as an issue', () => {
    const r = classifyItems(rows, { scheme: '机构-年度', fondsCode: 'Z109' });
    expect(r.issues[0]).toMatchObject({ code: 'classification.scheme-unknown', params: { scheme: '机构-年度' } });
    expect(r.items).toEqual([]);
  });

  it('reads CSV-style rows: numeric strings, empty cells as absent', () => {
    const r = classifyItems([{ title: 'x', author: 'y', date: '2015-03-01', retentionPeriod: 'D10', orgCode: '', pageCount: '3', documentNumber: '' }], {
      scheme: '年度-保管期限',
      fondsCode: 'Z109',
    });
    expect(r.catalogue[0]).toMatchObject({ archivalCode: 'Z109-WS·2015-D10-0001', pageCount: 3, date: '20150301', documentNumber: '' });
  });
});

describe('packBoxes (DA/T 22-2015 §6.4)', () => {
  const sheet = { arrangedBy: '张三', arrangedDate: '20160110', checkedBy: '李四', checkedDate: '20160112', description: '第5件缺附件' };
  const item = (classKey: string, itemNumber: number, pageCount = 10) => ({
    classKey,
    year: 2015,
    retentionPeriod: 'D30',
    itemNumber,
    pageCount,
    archivalCode: `${classKey}-${itemNumber}`,
  });

  it('starts a new box at each class change and at capacity, with 起止件号 and counts', () => {
    const items = [item('a', 1), item('a', 2), item('a', 3), item('b', 1), item('b', 2, 95), item('b', 3)];
    const boxes = packBoxes(items, { fondsCode: 'Z109', maxItems: 2, maxPages: 100, recordSheet: sheet });
    expect(boxes.map((b) => [b.boxNumber, b.itemRange.first, b.itemRange.last, b.itemCount, b.pageCount])).toEqual([
      [1, 1, 2, 2, 20],
      [2, 3, 3, 1, 10],
      [3, 1, 1, 1, 10],
      [4, 2, 2, 1, 95],
      [5, 3, 3, 1, 10],
    ]);
    expect(boxes.map((b) => b.recordSheet)).toEqual(boxes.map(() => sheet));
    expect(boxes[0]!.recordSheet).not.toBe(boxes[1]!.recordSheet);
    for (const box of boxes) expect(boxSchema.safeParse(box).success).toBe(true);
    expect(boxes[0]!.archivalCodeRange).toEqual({ first: 'a-1', last: 'a-2' });
  });

  it('gives an oversize item a box of its own and rejects a nonsense capacity', () => {
    const boxes = packBoxes([item('a', 1, 500), item('a', 2)], { fondsCode: 'Z', maxPages: 100 });
    expect(boxes.map((b) => b.itemCount)).toEqual([1, 1]);
    // Without a 备考表 the boxes carry none, and are still valid boxes.
    expect(boxes.map((b) => 'recordSheet' in b)).toEqual([false, false]);
    for (const box of boxes) expect(boxSchema.safeParse(box).success).toBe(true);
    expect(() => packBoxes([], { fondsCode: 'Z', maxItems: 0 })).toThrow(RangeError);
  });
});

describe('classifyItems options', () => {
  it('reports a 全宗号 the profile cannot write once, not once per row', () => {
    const rows = Array.from({ length: 3 }, () => ({ title: 't', author: 'a', date: '20150101', retentionPeriod: 'Y', pageCount: 1 }));
    const r = classifyItems(rows, { scheme: '年度-保管期限', fondsCode: 'z-109' });
    expect(r.issues.map((i) => [i.code, i.params?.option])).toEqual([['classification.option-invalid', 'fondsCode']]);
    expect(r.items).toEqual([]);
  });
});

describe('classifyItems boxes are valid model boxes (boxSchema)', () => {
  const rows = Array.from({ length: 7 }, (_, k) => ({ title: `第${k + 1}件`, author: '某局', date: `2015030${k + 1}`, retentionPeriod: k < 4 ? 'Y' : 'D30', orgCode: 'BGS', pageCount: 3 }));
  const options = { scheme: '年度-机构-保管期限', fondsCode: 'Z109', fondsName: '某市人民政府办公室', box: { maxItems: 3 } } as const;
  const sheet = { arrangedBy: '张三', arrangedDate: '2016-01-10', checkedBy: '李四', checkedDate: '20160112' };

  it('with the 备考表 given: every box carries it and passes boxSchema, spine fields derived from its items', () => {
    const r = classifyItems(rows, { ...options, recordSheet: sheet });
    expect(r.issues).toEqual([]);
    expect(r.boxes.map((b) => [b.retentionPeriod, b.itemRange.first, b.itemRange.last])).toEqual([['Y', 1, 3], ['Y', 4, 4], ['D30', 1, 3]]);
    for (const box of r.boxes) {
      const parsed = boxSchema.safeParse(box);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(box).toMatchObject({ fondsCode: 'Z109', fondsName: '某市人民政府办公室', year: 2015, orgCode: 'BGS', recordSheet: sheet });
    }
  });

  it('without it: no 备考表, no issue, and the boxes still pass boxSchema', () => {
    const r = classifyItems(rows, options);
    expect(r.issues).toEqual([]);
    for (const box of r.boxes) {
      expect(box.recordSheet).toBeUndefined();
      expect(boxSchema.safeParse(box).success).toBe(true);
    }
  });

  it('with required fields missing or invalid: one warning per field, boxes without 备考表 that pass boxSchema, numbering unchanged', () => {
    const r = classifyItems(rows, { ...options, locale: 'en', recordSheet: { arrangedBy: '张三', arrangedDate: '20160100', checkedBy: ' ', description: '无' } });
    expect(r.issues.map((i) => [i.code, i.severity, i.params?.field, i.received])).toEqual([
      ['classification.record-sheet-invalid', 'warning', 'arrangedDate', '20160100'],
      ['classification.record-sheet-invalid', 'warning', 'checkedBy', undefined],
      ['classification.record-sheet-invalid', 'warning', 'checkedDate', undefined],
    ]);
    expect(r.issues[0]!.message).toBe('Record sheet (备考表) field "arrangedDate" is invalid: "20160100" should be a complete date without 00 or brackets; the boxes carry no record sheet yet');
    expect(r.issues[1]!.message).toContain('required');
    expect(r.items).toHaveLength(7);
    for (const box of r.boxes) {
      expect(box.recordSheet).toBeUndefined();
      expect(boxSchema.safeParse(box).success).toBe(true);
    }
  });
});
