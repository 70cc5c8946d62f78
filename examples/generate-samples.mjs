// Writes the demo's sample catalogues (run after `npm run build`):
//   node examples/generate-samples.mjs
// examples/catalogue/clean/目录文件.XML   — UTF-8, DA/T 93-2022 element set, no fault
// examples/catalogue/faulty/目录文件.XML  — GB18030, three planted faults:
//   entry 1 has 日期 20150231 (no such day), entry 2 has 密级 特密 (not a 密级),
//   entry 3 repeats entry 2's 档号.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeGb18030 } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));

const entry = (n, overrides = {}) => ({
  顺序号: String(n),
  档号: `Z109-WS·2015-Y-BGS-${String(n).padStart(4, '0')}`,
  文号: `某档发〔2015〕${n}号`,
  责任者: '某市档案局',
  题名: ['关于开展2015年度档案执法检查的通知', '关于印发《电子档案移交工作方案》的通知', '关于报送2014年度档案工作统计年报的函'][n - 1],
  日期: ['20150108', '20150316', '20150420'][n - 1],
  保管期限: n === 3 ? 'D30' : '永久',
  密级: '',
  页数: String(n + 2),
  备注: '',
  ...overrides,
});

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function catalogue(entries, encoding) {
  const lines = [`<?xml version="1.0" encoding="${encoding}"?>`, '<文件目录>'];
  for (const e of entries) {
    lines.push('  <文件>');
    for (const [name, value] of Object.entries(e)) lines.push(value === '' ? `    <${name}/>` : `    <${name}>${escape(value)}</${name}>`);
    lines.push('  </文件>');
  }
  lines.push('</文件目录>', '');
  return lines.join('\n');
}

function write(relative, bytes) {
  const file = join(here, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`wrote ${relative} (${bytes.length} bytes)`);
}

write('catalogue/clean/目录文件.XML', new TextEncoder().encode(catalogue([entry(1), entry(2), entry(3)], 'UTF-8')));
write(
  'catalogue/faulty/目录文件.XML',
  encodeGb18030(catalogue([entry(1, { 日期: '20150231' }), entry(2, { 密级: '特密' }), entry(3, { 档号: entry(2).档号 })], 'GB18030')),
);
