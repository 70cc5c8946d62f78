import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIo } from './memoryIo.js';
import { writeCatalogueCsv } from '../../src/formats/catalogue/csv/writeCatalogueCsv.js';
import { writeModelJson } from '../../src/formats/modelJson/modelJson.js';
import type { CatalogueEntry } from '../../src/model/catalogueEntry.js';
import type { Report } from '../../src/report/report.js';
import { openDirectorySource } from '../../src/node/directorySource.js';
import { openZipSource } from '../../src/node/zipSource.js';
import { validateTransferPackage } from '../../src/package/dat93/validateTransferPackage.js';
import { encodeGb18030 } from '../../src/xml/gb18030.js';


async function build(args: string[]): Promise<{ code: number; report?: Report; stdout: string; stderr: string }> {
  const io = memoryIo();
  const code = await run(['build', ...args], io.io);
  const stdout = io.stdout();
  return { code, stdout, stderr: io.stderr(), ...(stdout.startsWith('{') ? { report: JSON.parse(stdout) as Report } : {}) };
}

const code = (n: number) => `Z109-WS·2011-Y-BGS-${String(n).padStart(4, '0')}`;
const entry = (n: number): CatalogueEntry => ({
  sequenceNumber: n,
  archivalCode: code(n),
  documentNumber: `某办发〔2011〕${n}号`,
  author: '某市人民政府办公室',
  title: `关于第${n}项工作的通知`,
  date: '20110302',
  pageCount: 2,
});

let tmp: string;
let files: string;
let csv: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dangan-build-cli-'));
  files = join(tmp, 'files');
  mkdirSync(join(files, '2011', code(3)), { recursive: true });
  writeFileSync(join(files, `${code(1)}.pdf`), '%PDF-1.4\n1\n%%EOF\n');
  writeFileSync(join(files, '2011', `${code(2)}.pdf`), '%PDF-1.4\n2\n%%EOF\n');
  writeFileSync(join(files, '2011', code(3), '正文.pdf'), '%PDF-1.4\n3\n%%EOF\n');
  writeFileSync(join(files, '2011', code(3), '附件.pdf'), '%PDF-1.4\n3a\n%%EOF\n');
  writeFileSync(join(files, '.DS_Store'), 'x');
  csv = join(tmp, '归档文件目录.csv');
  writeFileSync(csv, writeCatalogueCsv([entry(1), entry(2), entry(3)]));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('dangan build', () => {
  it('builds a package from a CSV and a folder, matching files and folders by 档号; the package validates', async () => {
    const out = join(tmp, 'pkg');
    const result = await build([csv, files, '-o', out, '--fonds-name', '某市人民政府办公室', '--format', 'json']);
    expect(result.report?.issues).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.report).toMatchObject({ valid: true, profile: 'build', summary: { files: 4 } });
    expect(readdirSync(join(out, 'Z109', 'WS', code(3))).sort()).toEqual(['正文.pdf', '电子档案元数据.XML', '附件.pdf'].sort());
    expect(readFileSync(join(out, '说明文件.TXT'), 'utf8')).toContain('移交单位：某市人民政府办公室\r\n');
    const report = await validateTransferPackage(await openDirectorySource(out));
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reports entries without files (exit 1) and files without entries (warning)', async () => {
    const extraCsv = join(tmp, 'more.csv');
    writeFileSync(extraCsv, writeCatalogueCsv([entry(1), entry(2), entry(3), entry(4)]));
    writeFileSync(join(files, 'stray.pdf'), 'x');
    try {
      const result = await build([extraCsv, files, '-o', join(tmp, 'pkg-missing'), '--fonds-name', 'X', '--format', 'json', '--lang', 'en']);
      expect(result.code).toBe(1);
      const found = result.report!.issues.map((i) => [i.code, i.severity, i.params?.archivalCode ?? i.params?.file]);
      expect(found).toEqual([
        ['build.file-without-entry', 'warning', 'stray.pdf'],
        ['build.entry-without-files', 'error', code(4)],
      ]);
      expect(result.report!.issues[1]!.message).toBe(`The catalogue entry ${code(4)} has no files`);
    } finally {
      rmSync(join(files, 'stray.pdf'));
    }
  });

  it('reads a GB18030 CSV and a JSON catalogue, matches by --match-column 文号, writes a SHA-256 zip', async () => {
    const byNumber = join(tmp, 'by-number');
    mkdirSync(byNumber);
    writeFileSync(join(byNumber, '某办发〔2011〕1号.pdf'), '%PDF-1.4\nA\n%%EOF\n');
    const gbCsv = join(tmp, 'gb.csv');
    writeFileSync(gbCsv, encodeGb18030(writeCatalogueCsv([entry(1)], { bom: false })));
    const zip = join(tmp, 'pkg.zip');
    const viaCsv = await build([gbCsv, byNumber, '-o', zip, '--zip', '--algorithm', 'sha256', '--match-column', '文号', '--fonds-name', 'X', '--format', 'json']);
    expect(viaCsv.report?.issues).toEqual([]);
    expect(viaCsv.code).toBe(0);
    const source = await openZipSource(zip);
    const fixity = new TextDecoder().decode(await source.read('其他/固化验证信息.XML'));
    expect(fixity).toContain('<算法>SHA256</算法>');
    expect(fixity).toContain(`<路径>Z109/WS/${code(1)}/某办发〔2011〕1号.pdf</路径>`);

    const json = join(tmp, 'catalogue.json');
    writeFileSync(json, writeModelJson([entry(1)]));
    const viaJson = await build([json, byNumber, '-o', join(tmp, 'pkg-json'), '--match-column', '文号', '--fonds-name', 'X', '--format', 'json']);
    expect(viaJson.code).toBe(0);

    // Two entries with the same 文号: their files cannot be told apart.
    writeFileSync(json, writeModelJson([entry(1), { ...entry(2), documentNumber: entry(1).documentNumber }]));
    const shared = await build([json, byNumber, '-o', join(tmp, 'pkg-shared'), '--match-column', '文号', '--fonds-name', 'X', '--format', 'json']);
    expect(shared.code).toBe(1);
    expect(shared.report?.issues.map((i) => i.code)).toEqual(['build.match-key-duplicate', 'build.entry-without-files', 'build.entry-without-files']);
  });

  it('builds nothing from a catalogue with errors (exit 1), and exits 2 on usage errors and an existing output', async () => {
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, '序号,档号,责任者,题名,日期,页数\r\n1,A-1,甲,x,20110231,1\r\n');
    const invalid = await build([bad, files, '-o', join(tmp, 'never'), '--fonds-name', 'X', '--format', 'json']);
    expect(invalid.code).toBe(1);
    expect(invalid.report?.issues[0]).toMatchObject({ code: 'model.invalid', location: { line: 2 } });
    expect(() => readdirSync(join(tmp, 'never'))).toThrow();

    expect((await build([csv, files, '--fonds-name', 'X'])).code).toBe(2);
    expect((await build([csv, files, '-o', join(tmp, 'x')])).stderr).toContain('--fonds-name is required');
    expect((await build([csv, files, '-o', join(tmp, 'x'), '--fonds-name', 'X', '--algorithm', 'md5'])).code).toBe(2);
    expect((await build([join(tmp, 'absent.csv'), files, '-o', join(tmp, 'x'), '--fonds-name', 'X', '--format', 'json'])).report?.issues[0]?.code).toBe('input.unreadable');
    const busy = await build([csv, files, '-o', join(tmp, 'pkg'), '--fonds-name', 'X', '--format', 'json']);
    expect(busy.code).toBe(2);
    expect(busy.report?.issues.map((i) => i.code)).toEqual(['build.output-exists']);
  });
});
