import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';
import { writeCatalogueCsv } from '../../../src/formats/catalogue/csv/writeCatalogueCsv.js';
import type { Report } from '../../../src/report/report.js';
import { memoryIo } from '../../cli/memoryIo.js';

// Issue 23 class 8 in `build`: 1,000,000 rows made a 273 MB report. Scaled: 3,000 files
// without a catalogue entry and 3,000 rows sharing one match key.
const tmp = mkdtempSync(join(tmpdir(), 'dangan-build-caps-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('dangan build: issues capped per code (issue 23, class 8)', () => {
  it('3,000 stray files: 1,000 build.file-without-entry and one truncation issue with 2,000;', { timeout: 60_000 }, async () => {
    const files = join(tmp, 'files');
    mkdirSync(files);
    for (let i = 0; i < 3000; i += 1) writeFileSync(join(files, `stray-${i}.pdf`), '%PDF-1.4\n%%EOF\n');
    const code = 'Z109-WS·2011-Y-BGS-0001';
    writeFileSync(join(files, `${code}.pdf`), '%PDF-1.4\n1\n%%EOF\n');
    const csv = join(tmp, 'c.csv');
    writeFileSync(csv, writeCatalogueCsv([{ sequenceNumber: 1, archivalCode: code, author: '某办', title: '通知', date: '20110302', pageCount: 1 }]));
    const { io, stdout } = memoryIo();
    const exit = await run(['build', csv, files, '-o', join(tmp, 'out'), '--fonds-name', 'X', '--format', 'json', '--lang', 'en'], io);
    expect(exit).toBe(0); // warnings only
    const report = JSON.parse(stdout()) as Report;
    expect(report.issues.filter((i) => i.code === 'build.file-without-entry')).toHaveLength(1000);
    expect(report.issues.filter((i) => i.code === 'build.file-without-entry')[0]?.path).toMatch(/^stray-\d+\.pdf$/);
    const truncated = report.issues.filter((i) => i.code === 'limits.issues-truncated');
    expect(truncated.map((i) => [i.params?.code, i.received])).toEqual([['build.file-without-entry', 2000]]);
    expect(truncated[0]?.message).toBe('1000 issues "build.file-without-entry" are listed; 2000 more are left out');
  });
});
