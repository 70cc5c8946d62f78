import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIo } from './memoryIo.js';


let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dangan-retention-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('dangan retention lookup', () => {
  it('finds a row by name and prints its dates for a formation year (JSON)', async () => {
    const m = memoryIo();
    const exit = await run(['retention', 'lookup', '银行对账单', '--schedule', 'accounting-2015-enterprise', '--year', '2015', '--format', 'json'], m.io);
    expect(exit).toBe(0);
    expect(JSON.parse(m.stdout())).toMatchObject({
      schedule: 'accounting-2015-enterprise',
      query: '银行对账单',
      status: 'found',
      by: 'name',
      rule: { code: '11', period: { kind: 'fixed', years: 10 } },
      dates: { countingStart: '2016-01-01', expiry: '2025-12-31', appraisalDue: '2026-01-01' },
    });
  });

  it('prints readable text in zh-CN and en', async () => {
    const zh = memoryIo();
    await run(['retention', 'lookup', '结婚登记', '--schedule', 'marriage-2006', '--year', '2006'], zh.io);
    expect(zh.stdout()).toContain('结婚登记  定期100年（可延长至永久）（最低期限）');
    expect(zh.stdout()).toContain('2006年形成：自2007-01-01起算，保管至2106-12-31');
    const en = memoryIo();
    await run(['retention', 'lookup', 'D30', '--lang', 'en'], en.io);
    expect(en.stdout()).toContain('matched by: code');
  });

  it('exits 1 with the candidates when the name is ambiguous, and when nothing matches', async () => {
    const m = memoryIo();
    expect(await run(['retention', 'lookup', '凭证', '--schedule', 'accounting-2015-enterprise'], m.io)).toBe(1);
    expect(m.stdout()).toContain('原始凭证');
    expect(m.stdout()).toContain('记账凭证');
    expect(await run(['retention', 'lookup', '卫星遥感影像', '--schedule', 'accounting-2015-enterprise', '--format', 'json'], memoryIo().io)).toBe(1);
  });

  it('loads a JSON schedule file, and reports a bad one by row and field (exit 1)', async () => {
    const good = join(tmp, 'good.json');
    writeFileSync(good, JSON.stringify({ formatVersion: 1, id: 'mine', name: '本单位', regulation: '本单位表', counting: 'formation-year-end', rules: [{ id: 'm1', name: '值班记录', period: 'D3', source: '本单位表 1' }] }));
    const m = memoryIo();
    expect(await run(['retention', 'lookup', '值班记录', '--schedule', good, '--format', 'json'], m.io)).toBe(0);
    expect(JSON.parse(m.stdout()).rule.period).toEqual({ kind: 'fixed', years: 3 });

    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ formatVersion: 1, id: 'mine', name: '本单位', regulation: 'x', counting: 'formation-year-end', rules: [{ id: 'm1', name: '值班记录', period: '三年', source: 'x' }] }));
    const b = memoryIo();
    expect(await run(['retention', 'lookup', '值班记录', '--schedule', bad, '--format', 'json'], b.io)).toBe(1);
    const report = JSON.parse(b.stdout());
    expect(report).toMatchObject({ valid: false, profile: 'schedule', issues: [{ code: 'schedule.row-invalid', params: { row: 1, rule: 'm1', field: 'period' } }] });
  });

  it('exits 2 for usage errors', async () => {
    const m = memoryIo();
    expect(await run(['retention', 'lookup', 'x', '--schedule', 'nope'], m.io)).toBe(2);
    expect(m.stderr()).toContain('unknown --schedule nope');
    expect(await run(['retention', 'lookup'], memoryIo().io)).toBe(2);
    expect(await run(['retention', 'lookup', 'x', '--schedule', join(tmp, 'missing.json')], memoryIo().io)).toBe(2);
    expect(await run(['retention', 'frobnicate'], memoryIo().io)).toBe(2);
  });
});

describe('dangan retention due', () => {
  it('builds the 销毁清册 from CSV with Chinese headers and refuses held and not-due items', async () => {
    const csv = join(tmp, 'items.csv');
    writeFileSync(
      csv,
      '\uFEFF题名,年度,类目,档号,页数,保留\n' +
        '2015年银行对账单,2015,银行对账单,Z109-KU·2015-D10-0001,12,\n' +
        '2015年记账凭证,2015,记账凭证,,30,\n' +
        '2015年纳税申报表,2015,纳税申报表,,3,unsettled-matter\n' +
        '2016年银行对账单,2016,银行对账单,,8,\n',
    );
    const m = memoryIo();
    const exit = await run(['retention', 'due', csv, '--as-of', '2026-03-01', '--schedule', 'accounting-2015-enterprise', '--format', 'json'], m.io);
    expect(exit).toBe(0);
    const out = JSON.parse(m.stdout());
    expect(out.register).toEqual([
      { row: 1, sequenceNumber: 1, title: '2015年银行对账单', year: 2015, archivalCode: 'Z109-KU·2015-D10-0001', retentionPeriod: '定期10年', yearsKept: 10, pageCount: 12, remarks: '' },
    ]);
    expect(out.refused.map((r: { row: number; issue: { code: string } }) => [r.row, r.issue.code])).toEqual([
      [2, 'disposition.not-due'],
      [3, 'disposition.on-hold'],
      [4, 'disposition.not-due'],
    ]);
  });

  it('prints a text register and exits 1 when a row cannot be read', async () => {
    const json = join(tmp, 'items.json');
    writeFileSync(json, JSON.stringify([{ title: '2010年文件', year: 2010, retentionPeriod: 'D10' }, { title: '没有期限', year: 2010 }]));
    const m = memoryIo();
    expect(await run(['retention', 'due', json, '--as-of', '20210101'], m.io)).toBe(1);
    expect(m.stdout()).toContain('销毁清册（20210101，documentary-2006）');
    expect(m.stdout()).toContain('1\t2010年文件\t2010\t\t定期10年\t10年');
    expect(m.stdout()).toContain('第2项字段“保管期限”');
  });

  it('reads items from standard input and requires a valid --as-of', async () => {
    const m = memoryIo(JSON.stringify([{ title: 'x', year: 2000, retentionPeriod: 'Y' }]));
    expect(await run(['retention', 'due', '-', '--as-of', '2030-01-01', '--format', 'json'], m.io)).toBe(0);
    expect(JSON.parse(m.stdout()).refused[0].issue.code).toBe('disposition.permanent');
    expect(await run(['retention', 'due', '-', '--as-of', 'soon'], memoryIo('[]').io)).toBe(2);
    expect(await run(['retention', 'due', '-'], memoryIo('[]').io)).toBe(2);
  });
});

describe('dangan retention due (issue 16: accounting-1998-enterprise)', () => {
  // 会计档案管理办法 (1998): 保管清册 and 销毁清册 are 永久 (audit, issue 16); 25 years was the 1984 value.
  it('no longer puts the 2005 保管清册 on the 销毁清册', async () => {
    const m = memoryIo(JSON.stringify([
      { title: '2005年会计档案保管清册', year: 2005, rule: '会计档案保管清册' },
      { title: '2005年会计档案销毁清册', year: 2005, rule: '会计档案销毁清册' },
      { title: '2005年季度财务报告', year: 2005, rule: '月、季度财务报告' },
    ]));
    expect(await run(['retention', 'due', '-', '--as-of', '2031-06-01', '--schedule', 'accounting-1998-enterprise', '--format', 'json'], m.io)).toBe(0);
    const out = JSON.parse(m.stdout());
    expect(out.register.map((r: { title: string; retentionPeriod: string }) => [r.title, r.retentionPeriod])).toEqual([['2005年季度财务报告', '定期3年']]);
    expect(out.refused.map((r: { row: number; issue: { code: string } }) => [r.row, r.issue.code])).toEqual([
      [1, 'disposition.permanent'],
      [2, 'disposition.permanent'],
    ]);
  });
});

describe('dangan retention transfer-due (档案法实施条例 2024 第二十条)', () => {
  it('lists records due for transfer by archive level, and the undetermined ones', async () => {
    const csv = join(tmp, 'transfer.csv');
    writeFileSync(
      csv,
      '题名,日期,年度,接收档案馆级别\n' +
        '县档案,20100315,,县级\n' +
        '县档案次日,20100316,,county\n' +
        '市档案,,2000,设区的市级\n' +
        '无日期,,,county\n' +
        '无级别,20000101,,乡级\n',
    );
    const m = memoryIo();
    expect(await run(['retention', 'transfer-due', csv, '--as-of', '2020-03-16', '--format', 'json'], m.io)).toBe(0);
    const out = JSON.parse(m.stdout());
    expect(out.due.map((e: { row: number; due: { dueOn: string } }) => [e.row, e.due.dueOn])).toEqual([[1, '2020-03-16']]);
    expect(out.notDue.map((e: { row: number; due: { dueOn: string } }) => [e.row, e.due.dueOn])).toEqual([[2, '2020-03-17'], [3, '2021-01-01']]);
    expect(out.undetermined.map((e: { row: number; due: { issue: { code: string } } }) => [e.row, e.due.issue.code])).toEqual([
      [4, 'transfer.date-missing'],
      [5, 'transfer.level-unknown'],
    ]);
  });

  it('takes --level for rows without one, prints text, and rejects a bad --level (exit 2)', async () => {
    const m = memoryIo(JSON.stringify([{ title: '2000年总结', year: 2000 }]));
    expect(await run(['retention', 'transfer-due', '-', '--as-of', '2021-01-01', '--level', 'provincial'], m.io)).toBe(0);
    expect(m.stdout()).toContain('1\t2000年总结\t\tprovincial\t20年\t2021-01-01');
    expect(await run(['retention', 'transfer-due', '-', '--as-of', '2021-01-01', '--level', 'township'], memoryIo('[]').io)).toBe(2);
    expect(await run(['retention', 'transfer-due', '-'], memoryIo('[]').io)).toBe(2);
  });
});

describe('dangan retention schedules', () => {
  it('lists the built-in schedules', async () => {
    const m = memoryIo();
    expect(await run(['retention', 'schedules', '--format', 'json'], m.io)).toBe(0);
    const ids = JSON.parse(m.stdout()).map((s: { id: string }) => s.id);
    expect(ids).toContain('accounting-2015-tax');
    expect(ids).toContain('legacy-1987');
  });
});
