import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanTransferList } from '../../../src/formats/transferDocuments/scanTransferList.js';
import { TRANSFER_DOCUMENT_FILES } from '../../../src/formats/transferDocuments/vocabulary.js';
import { buildTransferPackage } from '../../../src/node/buildTransferPackage.js';
import { validatePath } from '../../../src/node/validatePath.js';
import { checkConfidence } from '../../../src/package/checks/evidence.js';
import { packageChecks } from '../../../src/package/checks/registry.js';
import type { Report } from '../../../src/report/report.js';
import { OTHER_FOLDER_REQUIRED, otherFolderDocumentOf, otherFolderDocuments } from '../../../src/rules/transferDocuments.js';

/**
 * DA/T 93-2022 附录B 其他/ (issue 16 item 8): `dangan build` writes the documents
 * 附录B lists there, the package it writes validates without a warning, and
 * validation warns (inferred) when a document is missing or the 移交清单
 * disagrees with the package, and fails (certain) when an XML there does not parse.
 */
let work: string;
let built: string;
const fonds = { fondsCode: 'Z109', fondsName: '某市人民政府办公室', creatingUnit: '某市人民政府办公室' };
const description = { 移交单位: '某市人民政府办公室', 内容描述: '2024年文书档案', 软硬件环境: 'PDF 阅读器', 载体类型: '在线' };
const pdf = (n: number) => Buffer.from(`%PDF-1.7\n% 件 ${n}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
const code = (n: number) => `Z109-WS·2024-Y-BGS-000${n}`;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dangan-other-'));
  const items = [1, 2, 3].map((n) => {
    const path = join(work, `${n}.pdf`);
    writeFileSync(path, pdf(n));
    return { entry: { sequenceNumber: n, archivalCode: code(n), author: '某市人民政府办公室', title: `通知${n}`, date: `2024031${n}`, retentionPeriod: 'Y', pageCount: 1 }, files: [{ name: '正文.pdf', path }] };
  });
  built = join(work, 'built');
  const { report } = await buildTransferPackage({ fonds, description, items }, { output: built, mtime: new Date('2024-06-30T00:00:00Z') });
  expect(report.issues).toEqual([]);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the built package with one edit. */
function variant(name: string, edit: (dir: string) => void): string {
  const dir = join(work, name);
  cpSync(built, dir, { recursive: true });
  edit(dir);
  return dir;
}
const codes = (report: Report) => report.issues.map((i) => i.code).sort();
const status = (report: Report, id: string) => report.checks.find((c) => c.id === id)?.status;

describe('the 其他/ documents (DA/T 93-2022 附录B)', () => {
  it('lists the eight documents, each with a source; none is `verified`, and that they are required is inferred', () => {
    expect(otherFolderDocuments.map((d) => d.name)).toEqual(['电子档案移交清单', '元数据规范', '数据封装规范', '分类编号规则', '内容数据命名规则', '固化验证信息', '移交接收过程元数据', '电子档案移交与接收登记表']);
    for (const d of otherFolderDocuments) {
      expect(d.source.clause).toContain('附录B');
      expect(d.source.confidence).not.toBe('verified');
    }
    expect(OTHER_FOLDER_REQUIRED.confidence).toBe('inferred');
    expect(checkConfidence('package.other-documents', packageChecks['package.other-documents'])).toBe('inferred');
    expect(checkConfidence('package.transfer-list', packageChecks['package.transfer-list'])).toBe('inferred');
    expect(packageChecks['package.other-documents'].severity).toBe('warning');
    expect(packageChecks['package.transfer-list'].severity).toBe('warning');
  });

  it.each([
    ['电子档案移交清单.XML', 'transfer-list'],
    ['移交清单.xlsx', 'transfer-list'],
    ['电子档案移交与接收登记表.pdf', 'transfer-register'],
    ['移交接收过程元数据.XML', 'process-metadata'],
    ['数据封装规范.docx', 'packaging-spec'],
    ['固化验证信息.XML', 'fixity'],
    ['XML模式.xsd', undefined],
    ['说明.txt', undefined],
  ])('recognises %s by its name', (name, id) => {
    expect(otherFolderDocumentOf(name)?.id).toBe(id);
  });

  it('build writes every document; the list, rules, process metadata and register say what the package holds', () => {
    const names = readdirSync(join(built, '其他'));
    expect(new Set(names.map((n) => otherFolderDocumentOf(n)?.id))).toEqual(new Set(otherFolderDocuments.map((d) => d.id)));
    const issues: unknown[] = [];
    const list = scanTransferList(readFileSync(join(built, TRANSFER_DOCUMENT_FILES['transfer-list'])), { path: 'list' }, (i) => issues.push(i));
    expect(issues).toEqual([]);
    expect(list?.archivalCodes).toEqual([code(1), code(2), code(3)]);
    expect(list?.totals).toEqual({ 移交单位: '某市人民政府办公室', 起止档号: `${code(1)}至${code(3)}`, 档案数量: '3', 文件数量: '3', 总字节数: String(pdf(1).length * 3) });
    const rules = readFileSync(join(built, TRANSFER_DOCUMENT_FILES['classification-rules']), 'utf8');
    expect(rules).toContain('{fondsCode}-{categoryCode}[·{classCode*}]·{year}-{retentionPeriod}[-{orgCode}]-{itemNumber:4}');
    expect(rules).toContain('DA/T 22-2015 §5.4');
    const process = readFileSync(join(built, TRANSFER_DOCUMENT_FILES['process-metadata']), 'utf8');
    expect(process).toContain('<行为时间>2024-06-30T00:00:00.000Z</行为时间>');
    expect(process).toContain('数字摘要算法 SM3');
    const register = readFileSync(join(built, TRANSFER_DOCUMENT_FILES['transfer-register']), 'utf8');
    expect(register).toContain('<移交电子档案数量>3件，文件3个</移交电子档案数量>');
    expect(register).toContain('<移交载体类型规格>在线</移交载体类型规格>');
    expect(register).toMatch(/<接收单位>\s*<单位名称\/>/);
  });

  it('the built package validates without an issue, the two checks passed', async () => {
    const report = await validatePath(built);
    expect(report.issues).toEqual([]);
    expect(status(report, 'package.other-documents')).toBe('passed');
    expect(status(report, 'package.transfer-list')).toBe('passed');
  });

  it('a missing document is a warning (the package stays valid), turned off with the severity policy', async () => {
    const dir = variant('missing', (d) => {
      unlinkSync(join(d, TRANSFER_DOCUMENT_FILES['naming-rules']));
      unlinkSync(join(d, TRANSFER_DOCUMENT_FILES['transfer-register']));
    });
    const report = await validatePath(dir);
    expect(report.valid).toBe(true);
    expect(report.issues.map((i) => [i.code, i.severity, i.params?.document])).toEqual([
      ['package.other-document-missing', 'warning', '内容数据命名规则'],
      ['package.other-document-missing', 'warning', '电子档案移交与接收登记表'],
    ]);
    const relaxed = await validatePath(dir, { severity: { 'package.other-documents': 'off' } });
    expect(relaxed.issues).toEqual([]);
    expect(status(relaxed, 'package.other-documents')).toBe('skipped');
  });

  it('a package without 其他/ at all warns once per document', async () => {
    const report = await validatePath(variant('none', (d) => rmSync(join(d, '其他'), { recursive: true })), { fixity: false });
    expect(report.issues.filter((i) => i.code === 'package.other-document-missing')).toHaveLength(otherFolderDocuments.length);
    expect(report.issues.every((i) => i.severity !== 'error')).toBe(true);
  });

  it('a 移交清单 that disagrees with the package is a warning naming what disagrees, with its line', async () => {
    const dir = variant('list', (d) => {
      const path = join(d, TRANSFER_DOCUMENT_FILES['transfer-list']);
      writeFileSync(path, readFileSync(path, 'utf8').replace('<档案数量>3<', '<档案数量>4<').replace(`<档号>${code(2)}<`, '<档号>Z109-WS·2024-Y-BGS-0009<'));
    });
    const report = await validatePath(dir);
    expect(report.valid).toBe(true);
    const mismatches = report.issues.filter((i) => i.code === 'package.transfer-list-mismatch');
    expect(mismatches.map((i) => [i.params?.what, i.expected, i.received])).toEqual([
      ['档案数量', 3, '4'],
      ['档号', '目录文件.XML 中的档号', 'Z109-WS·2024-Y-BGS-0009'],
    ]);
    expect(mismatches[1]?.location?.line).toBeGreaterThan(1);
    expect(codes(report)).toEqual(['package.transfer-list-mismatch', 'package.transfer-list-mismatch']);
  });

  it('a list in another form is not compared; its presence is enough', async () => {
    const dir = variant('xlsx', (d) => {
      unlinkSync(join(d, TRANSFER_DOCUMENT_FILES['transfer-list']));
      writeFileSync(join(d, '其他', '电子档案移交清单.xlsx'), 'PK');
    });
    const report = await validatePath(dir);
    expect(report.issues).toEqual([]);
    expect(status(report, 'package.transfer-list')).toBe('skipped');
  });

  it('an XML in 其他/ that does not parse is an error (GD-3-1), certain whatever its name', async () => {
    const dir = variant('broken', (d) => {
      mkdirSync(join(d, '其他', '附件'), { recursive: true });
      writeFileSync(join(d, '其他', '附件', 'XML模式.XML'), '<?xml version="1.0"?>\n<a><b></a>');
    });
    const report = await validatePath(dir);
    expect(report.valid).toBe(false);
    expect(report.issues.map((i) => [i.code, i.severity, i.checkId, i.path])).toEqual([['xml.mismatched-tag', 'error', 'xml.readable', '其他/附件/XML模式.XML']]);
  });
});
