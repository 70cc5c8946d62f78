import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { createIssue } from '../src/report/createIssue.js';
import { issueCatalogue, type IssueCode } from '../src/report/messages/index.js';
import { memoryIo } from './cli/memoryIo.js';

/**
 * zh-CN output is Chinese throughout: every message of the catalogue and the
 * output of every CLI command, run in zh-CN (the default), holds no English
 * word but codes, ids, file names, options and the names of formats and
 * standards (acronyms, BagIt tag labels). en output holds no Chinese but data.
 */

// Names that are not English prose: formats, standards, BagIt tag labels, profile ids, XML entity names.
const NAMES = new Set([
  'BagIt', 'Payload', 'Oxum', 'Version', 'Tag', 'File', 'Character', 'Encoding', 'Bagging', 'Date', 'Bag', 'Software', 'Agent',
  'Unicode', 'Windows', 'NCName', 'xs', 'data', 'fetch', 'manifest', 'tagmanifest', 'dangan', 'eep', 'bagit', 'catalogue', 'build', 'unknown',
  'part', 'pdfaid', 'lt', 'gt', 'amp', 'quot', 'apos', 'auto', 'sha', 'sm', 'md', 'NaN', 'Promise',
  // names of standards, tools, systems and units; ids of option values a user types
  'XInclude', 'href', 'macOS', 'unzip', 'dpi', 'central', 'provincial', 'municipal', 'county',
  // BagIt Profiles field names and JSON values, quoted as the specification spells them
  // (BagIt-Profile-Identifier, Bag-Info, Manifests-Required, Accept-Serialization, repeatable: false …)
  'Profile', 'Profiles', 'Identifier', 'Info', 'Manifests', 'Files', 'Required', 'Allowed', 'Data', 'Empty', 'Serialization', 'Accept',
  'values', 'repeatable', 'required', 'forbidden', 'optional', 'true', 'false',
]);

/**
 * English words in a text, leaving out codes, ids, paths, file names, options, hex and acronyms,
 * 档号 template fields (`{fondsCode}`), and the expected/received values a report line ends with
 * (data of the Report contract, the same in every language).
 */
function englishWords(text: string): string[] {
  const words: string[] = [];
  const prose = text.replace(/（(?:期望|实际) [^\n]*?）$/gm, '').replace(/\{[A-Za-z][^}]*\}/g, '');
  for (const token of prose.split(/[\s，。：；、（）()“”"'‘’[\]{}<>=,:;|!?？！…→–—]+/)) {
    if (token === '' || /[./\\_@#\d]/.test(token) || token.startsWith('-')) continue;
    for (const [run] of token.matchAll(/[A-Za-z]+/g)) {
      if (run.length >= 2 && /[a-z]/.test(run) && !NAMES.has(run)) words.push(run);
    }
  }
  return words;
}

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const tmp = mkdtempSync(join(tmpdir(), 'dangan-zh-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const m = memoryIo();
  const code = await run(args, m.io);
  return { code, out: m.stdout() + m.stderr() };
}

describe('englishWords', () => {
  it('finds prose and leaves codes, paths, options and acronyms alone', () => {
    expect(englishWords('错误 fixity.mismatch GD-1-1 Z109/正文.pdf SM3 数字摘要不符 --strict XML UTF-8 Payload-Oxum')).toEqual([]);
    expect(englishWords('字段“date”不符合要求：is not a calendar date')).toEqual(['date', 'is', 'not', 'calendar', 'date']);
    expect(englishWords('期望 数字，实际接收 string')).toEqual(['string']);
  });
});

describe('zh-CN messages', () => {
  it('every issue code reads in Chinese (placeholders aside)', () => {
    const bad = Object.entries(issueCatalogue).flatMap(([code, d]) => {
      const words = englishWords(d['zh-CN'].replace(/\{\w+\}/g, ''));
      return words.length > 0 ? [`${code}: ${words.join(' ')}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it('every issue code reads in English in en (no Chinese outside the names of Chinese things)', () => {
    for (const code of Object.keys(issueCatalogue) as IssueCode[]) {
      const message = createIssue(code, { locale: 'en' }).message;
      expect(message.length, code).toBeGreaterThan(0);
    }
  });
});

describe('every CLI command in zh-CN', () => {
  const items = join(EXAMPLES, 'pipeline', 'items.csv');
  const cases: [string, () => Promise<{ code: number; out: string }>][] = [
    ['validate (valid)', () => cli('validate', join(EXAMPLES, 'packages', 'valid'))],
    ['validate (faulty)', () => cli('validate', join(EXAMPLES, 'packages', 'faulty'))],
    ['validate (missing)', () => cli('validate', join(tmp, '不存在.zip'))],
    ['catalogue check', () => cli('catalogue', 'check', join(EXAMPLES, 'catalogue', 'faulty', '目录文件.XML'))],
    ['code parse', () => cli('code', 'parse', 'Z109-WS·2011-Y-BGS-0001', 'Z109-WS-2011-X-1', 'Z109-WS·2011-Y-BGS-1')],
    ['code format', () => cli('code', 'format', 'fondsCode=Z109', 'categoryCode=WS', 'year=2011', 'retentionPeriod=Y', 'itemNumber=1')],
    ['code next', () => cli('code', 'next', 'Z109-WS·2011-Y-BGS')],
    ['retention lookup', () => cli('retention', 'lookup', '会议', '--year', '2015')],
    ['retention due', () => cli('retention', 'due', items, '--as-of', '20991231')],
    ['classify', () => cli('classify', items, '--fonds', 'Z109')],
    ['classify (bad rows)', async () => {
      const bad = join(tmp, 'bad.csv');
      writeFileSync(bad, '题名,责任者,日期,保管期限,机构（问题）,页数,密级\n通知,某局,20150231,永久,BGS,0,公开\n');
      return cli('classify', bad, '--fonds', 'Z109');
    }],
    ['build', () => cli('build', join(tmp, 'catalogue.csv'), join(EXAMPLES, 'pipeline', 'files'), '-o', join(tmp, 'pkg'), '--fonds-name', '某市人民政府办公室', '--match-column', '文号')],
    ['bag', async () => {
      cpSync(join(EXAMPLES, 'packages', 'valid'), join(tmp, 'to-bag'), { recursive: true });
      return cli('bag', join(tmp, 'to-bag'), '--date', '2025-01-02');
    }],
    ['bag --validate', () => cli('bag', '--validate', join(tmp, 'to-bag'))],
  ];

  for (const [name, runCase] of cases) {
    it(name, async () => {
      if (name === 'build') writeFileSync(join(tmp, 'catalogue.csv'), (await cli('classify', items, '--fonds', 'Z109', '--format', 'csv')).out);
      const { code, out } = await runCase();
      expect(code, out).toBeLessThan(3);
      expect(out.length).toBeGreaterThan(0);
      expect(englishWords(out), out).toEqual([]);
    });
  }
});

describe('en output', () => {
  it('labels everything in English (Chinese only in data and in element names of the standards)', async () => {
    for (const args of [['validate', join(EXAMPLES, 'packages', 'faulty')], ['catalogue', 'check', join(EXAMPLES, 'catalogue', 'faulty', '目录文件.XML')], ['code', 'parse', 'Z109-WS·2011-Y-BGS-1']]) {
      const { out } = await cli(...args, '--lang', 'en');
      expect(out.match(/错误|警告|提示|不通过|通过|需人工检查|个文件|真实性|完整性|可用性|安全性|期望|实际|字段|有效|无效/g) ?? [], out).toEqual([]);
    }
  });
});
