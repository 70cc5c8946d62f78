import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIo } from './memoryIo.js';


let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dangan-classify-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CSV =
  '题名,责任者,日期,保管期限,机构（问题）,文号,页数,密级,备注\n' +
  '关于2016年工作要点的通知,某局办公室,20151215,永久,BGS,某发〔2015〕9号,4,,\n' +
  '"关于印发""考勤办法""的通知",某局人事处,20150310,D30,RSC,,2,秘密,\n' +
  '关于调整会议室的通知,某局办公室,20150310,D10,BGS,,1,,\n' +
  '关于年度考核的通知,某局人事处,20150105,D30,RSC,,3,,\n';

describe('dangan classify', () => {
  it('prints the numbered catalogue and boxes as JSON', async () => {
    const file = join(tmp, 'items.csv');
    writeFileSync(file, CSV);
    const m = memoryIo();
    const exit = await run(['classify', file, '--scheme', '年度-机构-保管期限', '--fonds', 'Z109', '--format', 'json'], m.io);
    expect(exit).toBe(0);
    const out = JSON.parse(m.stdout());
    expect(out.scheme).toBe('年度-机构-保管期限');
    expect(out.catalogue.map((e: { archivalCode: string; title: string }) => [e.archivalCode, e.title])).toEqual([
      ['Z109-WS·2015-Y-BGS-0001', '关于2016年工作要点的通知'],
      ['Z109-WS·2015-D10-BGS-0001', '关于调整会议室的通知'],
      ['Z109-WS·2015-D30-RSC-0001', '关于年度考核的通知'],
      ['Z109-WS·2015-D30-RSC-0002', '关于印发"考勤办法"的通知'],
    ]);
    expect(out.catalogue[3]).toMatchObject({ sequenceNumber: 4, securityClassification: '秘密', pageCount: 2 });
    expect(out.boxes).toHaveLength(3);
    expect(out.boxes[2]).toMatchObject({ boxNumber: 3, year: 2015, retentionPeriod: 'D30', orgCode: 'RSC', itemRange: { first: 1, last: 2 }, pageCount: 5 });
    expect(out.issues).toEqual([]);
  });

  it('prints a readable catalogue by default, honours --box-items, and reads JSON from stdin', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ title: `通知${i + 1}`, author: '某局', date: `2015030${i + 1}`, retentionPeriod: 'D10', pageCount: 1 }));
    const m = memoryIo(JSON.stringify(rows));
    expect(await run(['classify', '-', '--scheme', '年度-保管期限', '--fonds', 'A182', '--box-items', '2'], m.io)).toBe(0);
    expect(m.stdout()).toContain('归档文件目录（年度-保管期限）');
    expect(m.stdout()).toContain('5\tA182-WS·2015-D10-0005\t\t某局\t通知5\t20150305\t\t1\t');
    expect(m.stdout()).toContain('盒号 3：A182 2015 D10，起止件号 5–5（1件，1页）');
  });

  it('exits 1 and names the bad rows, still numbering the good ones', async () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify([{ title: 'ok', author: 'a', date: '20150101', retentionPeriod: 'Y', orgCode: 'BGS', pageCount: 1 }, { title: 'no org', author: 'a', date: '20150101', retentionPeriod: 'Y', pageCount: 1 }]));
    const m = memoryIo();
    expect(await run(['classify', file, '--fonds', 'Z109', '--format', 'json', '--lang', 'en'], m.io)).toBe(1);
    const out = JSON.parse(m.stdout());
    expect(out.catalogue).toHaveLength(1);
    expect(out.issues[0]).toMatchObject({ code: 'classification.org-missing', params: { index: 2 } });
    expect(out.issues[0].message).toContain('item 2 "no org" has no organisation code');
  });

  it('exits 2 for usage errors and unreadable input', async () => {
    const file = join(tmp, 'items.csv');
    writeFileSync(file, CSV);
    const cases = [
      ['classify', file, '--scheme', '机构-年度', '--fonds', 'Z109'],
      ['classify', file],
      ['classify', join(tmp, 'missing.csv'), '--fonds', 'Z109'],
      ['classify', file, '--fonds', 'Z109', '--profile', 'nope'],
      ['classify', file, '--fonds', 'Z109', '--box-items', '0'],
      ['classify', file, '--fonds', 'Z109', '--format', 'sarif'],
    ];
    for (const argv of cases) {
      const m = memoryIo();
      expect(await run(argv, m.io), argv.join(' ')).toBe(2);
      expect(m.stderr()).toContain('dangan classify:');
    }
    const notJson = join(tmp, 'x.json');
    writeFileSync(notJson, '{"a":');
    expect(await run(['classify', notJson, '--fonds', 'Z109'], memoryIo().io)).toBe(2);
  });
});
