// Builds the two demo packages under examples/packages/ with the public API
// (`buildTransferPackage` from dangan/node, which writes only packages that
// `dangan validate` passes), then plants one fault of each 四性 aspect in the
// second one after it was built, as a damaged or tampered delivery would carry them:
//   valid/   a clean 移交信息包 of three items
//   faulty/  the same items, plus
//     真实性 authenticity — a byte of 0002's 正文.pdf changed after packaging (digest mismatch)
//     完整性 integrity    — 说明文件 declares 档案数量 4 for 3 items (count mismatch)
//     可用性 usability    — 0003's 正文.pdf is replaced by a PNG (format mismatch)
//     安全性 security     — 0001's 正文.pdf is replaced by a Windows executable
// Deterministic: same input bytes, same zip-free folders. Run: node examples/build-packages.mjs
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTransferPackage } from '../dist/node/index.js';

const here = dirname(fileURLToPath(import.meta.url));
export const packagesDir = join(here, 'packages');

const fonds = { fondsCode: 'Z109', fondsName: '某市人民政府办公室', creatingUnit: '某市人民政府办公室' };
const description = { 移交单位: '某市人民政府办公室', 内容描述: '2024年文书档案（永久）', 软硬件环境: 'PDF 阅读器' };
const titles = ['关于印发档案工作规定的通知', '关于召开档案工作会议的函', '关于报送年度归档文件目录的通知'];

const pdf = (n) =>
  Buffer.from(`%PDF-1.7\n% 件 ${n}\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'utf8');
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6b9a10000000049454e44ae426082', 'hex');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]);

function entry(n) {
  return {
    sequenceNumber: n,
    archivalCode: `Z109-WS·2024-Y-BGS-000${n}`,
    author: '某市人民政府办公室',
    title: titles[n - 1],
    date: `2024031${n}`,
    retentionPeriod: 'Y',
    pageCount: 1,
  };
}

async function build(name, { faulty }) {
  const work = mkdtempSync(join(tmpdir(), 'dangan-demo-'));
  const items = [1, 2, 3].map((n) => {
    const main = join(work, `${n}.pdf`);
    writeFileSync(main, pdf(n));
    return { entry: entry(n), files: [{ name: '正文.pdf', path: main }] };
  });
  const output = join(packagesDir, name);
  rmSync(output, { recursive: true, force: true });
  const { report } = await buildTransferPackage({ fonds, description, items }, { output, mtime: new Date('2024-06-30T00:00:00Z') });
  rmSync(work, { recursive: true, force: true });
  if (!report.valid) throw new Error(`building ${name} failed: ${report.issues.map((i) => i.message).join('; ')}`);
  if (faulty) {
    const itemFile = (n) => join(output, 'Z109', 'WS', `Z109-WS·2024-Y-BGS-000${n}`, '正文.pdf');
    // Same length as the PDF each replaces, so only the planted faults show (not a size mismatch as well).
    const sameSize = (n, bytes) => Buffer.concat([bytes, Buffer.alloc(pdf(n).length - bytes.length)]);
    // 可用性: a PNG where the metadata says PDF.
    writeFileSync(itemFile(3), sameSize(3, png));
    // 安全性: an executable program in the package.
    writeFileSync(itemFile(1), sameSize(1, exe));
    // 真实性: one byte of a content file changes after its digest was recorded.
    const content = join(output, 'Z109', 'WS', 'Z109-WS·2024-Y-BGS-0002', '正文.pdf');
    const bytes = readFileSync(content);
    bytes[bytes.indexOf('件 2')] = '#'.charCodeAt(0);
    writeFileSync(content, bytes);
    // 完整性: the package description declares one item more than there is.
    const descriptionFile = join(output, '说明文件.TXT');
    writeFileSync(descriptionFile, readFileSync(descriptionFile, 'utf8').replace('档案数量：3', '档案数量：4'));
  }
  return output;
}

/** Builds both packages; returns their folders. */
export async function buildDemoPackages() {
  mkdirSync(packagesDir, { recursive: true });
  return { valid: await build('valid', { faulty: false }), faulty: await build('faulty', { faulty: true }) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { valid, faulty } = await buildDemoPackages();
  console.log(`built ${valid} and ${faulty}`);
}
