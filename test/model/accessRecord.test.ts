import { describe, expect, it } from 'vitest';
import { accessMethods, accessRecordSchema, parseAccessMethod, type AccessRecord } from '../../src/index.js';

const record: AccessRecord = {
  date: '20240301',
  userName: '王五',
  userUnit: '某区民政局',
  idType: '居民身份证',
  idNumber: '110101199001011234',
  purpose: '婚姻状况证明',
  archivalCodes: ['Z109-WS·2011-Y-BGS-0001'],
  methods: ['consultation', 'loan'],
  returnDate: '20240315',
  approver: '赵六',
};

describe('accessRecordSchema (利用登记)', () => {
  it('accepts a loan returned later, and a consultation with no return date', () => {
    expect(accessRecordSchema.safeParse(record).success).toBe(true);
    expect(accessRecordSchema.safeParse({ ...record, returnDate: '20240301' }).success).toBe(true);
    const { returnDate: _r, ...consulted } = record;
    expect(accessRecordSchema.safeParse({ ...consulted, methods: ['consultation', 'copy'] }).success).toBe(true);
  });

  it.each([
    [{ ...record, returnDate: '20240229' }, 'returnDate'],
    [{ ...record, methods: ['copy'] }, 'returnDate'],
    [{ ...record, methods: [], returnDate: undefined }, 'methods'],
    [{ ...record, methods: ['copy', 'copy', 'loan'] }, 'methods'],
    [{ ...record, methods: ['查阅'] }, 'methods.0'],
    [{ ...record, archivalCodes: [] }, 'archivalCodes'],
    [{ ...record, date: '20240300' }, 'date'],
    [{ ...record, idNumber: '' }, 'idNumber'],
  ])('rejects %j at %s', (value, path) => {
    const result = accessRecordSchema.safeParse(value);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([path]);
  });
});

describe('access methods', () => {
  it('maps 查阅/摘抄/复制/借出 to codes both ways', () => {
    expect(accessMethods.map((m) => [m.label, m.code])).toEqual([
      ['查阅', 'consultation'],
      ['摘抄', 'excerpt'],
      ['复制', 'copy'],
      ['借出', 'loan'],
    ]);
    for (const m of accessMethods) {
      expect(parseAccessMethod(m.label)).toBe(m.code);
      expect(parseAccessMethod(m.code)).toBe(m.code);
    }
    expect(parseAccessMethod('外借')).toBeUndefined();
  });
});
