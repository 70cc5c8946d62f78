// Are two builds' verdicts the same, byte for byte? Runs `dangan validate --format json` (with and without
// --no-fixity) of both builds over the fixture corpus (test/fixtures/packages/cases, examples/packages) and over
// hostile variants of one item's 电子档案元数据.XML (duplicated, nested, prefixed, CDATA, references, comments,
// malformed, refused, GB18030, CRLF …, each in a copy of examples/packages/valid), and calls the public readers
// of item metadata (readItemMetadataXml, and readItemMetadata over readXml's tree) of both builds on every variant.
// Exit code 1 when anything differs. No timing: it need not run under the bench lock.
//
//   node bench/corpus-diff.mjs --before /path/to/old/dist [--after dist] [--keep DIR]
// A build is a dist/ folder whose parent has node_modules (the CLI and the library import their dependencies).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const { values: args } = parseArgs({ options: { before: { type: 'string' }, after: { type: 'string' }, keep: { type: 'string' } } });
if (!args.before) {
  process.stderr.write('usage: node bench/corpus-diff.mjs --before DIST [--after DIST] [--keep DIR]\n');
  process.exit(2);
}
const builds = { before: resolve(args.before), after: resolve(args.after ?? join(ROOT, 'dist')) };
const work = args.keep ? resolve(args.keep) : mkdtempSync(join(tmpdir(), 'dangan-corpus-diff-'));
mkdirSync(work, { recursive: true });

// ------------------------------------------------------------------ the hostile variants of one item's metadata

const VALID = join(ROOT, 'examples', 'packages', 'valid');
const ITEM = join('Z109', 'WS', 'Z109-WS·2024-Y-BGS-0001', '电子档案元数据.XML');
const original = readFileSync(join(VALID, ITEM), 'utf8');
const replace = (from, to) => (xml) => {
  if (!xml.includes(from)) throw new Error(`variant: ${from} not found`);
  return xml.replace(from, to);
};
const before = (marker, text) => replace(marker, `${text}${marker}`);
const after = (marker, text) => replace(marker, `${marker}${text}`);
const title = /<题名>[^<]*<\/题名>/;
const retitle = (to) => (xml) => xml.replace(title, to);
const SECOND_DOCUMENT = `<文档><文档标识符>修改0-文档2</文档标识符><文档序号>2</文档序号><文档主从声明>附件</文档主从声明><题名> 附件 </题名><题名>又</题名>
      <文档数据 文档数据ID="修改0-文档2-文档数据1"><编码 编码ID="a"><电子属性><计算机文件名>附件1.pdf</计算机文件名><计算机文件大小>99</计算机文件大小><数字摘要 算法="SM3">00</数字摘要></电子属性>
        <数字化属性><数字化对象形态>纸质</数字化对象形态><扫描分辨率>300</扫描分辨率><扫描色彩模式>彩色</扫描色彩模式><扫描分辨率>600</扫描分辨率></数字化属性><编码数据>  QUJD  </编码数据><编码数据>x</编码数据></编码>
        <编码 编码ID="b"><编码数据>
        </编码数据><电子属性><计算机文件名>附件2.pdf</计算机文件名></电子属性></编码></文档数据>
      <文档数据><编码/></文档数据></文档>`;
const variants = {
  'duplicate-archival-code': after('</档号>', '<档号>Z109-WS·1999-Y-BGS-0009<年度>1999</年度><保管期限>30年</保管期限></档号>'),
  'duplicate-year': replace('<年度>2024</年度>', '<年度>2024</年度><年度>1999</年度>'),
  'file-in-unknown-element': before('</文件实体>', '<扩展><电子属性><计算机文件名>x.pdf</计算机文件名><计算机文件大小>1</计算机文件大小></电子属性></扩展>'),
  'file-in-file': before('</电子属性>', '<电子属性><计算机文件名>内.pdf</计算机文件名></电子属性>'),
  'two-files-in-encoding': after('</电子属性>', '<电子属性><计算机文件名>二.pdf</计算机文件名><计算机文件大小>7</计算机文件大小></电子属性>'),
  'file-under-root-and-encoding': before('<文件数据>', '<电子属性><计算机文件名>正文.pdf</计算机文件名><计算机文件大小>150</计算机文件大小></电子属性>'),
  'cdata-title': retitle('<题名><![CDATA[关于<报送>&amp;]]> 年度<![CDATA[]]></题名>'),
  'references-title': retitle('<题名>A &amp; B &#x4E2D;&#20013;&lt;&gt;&quot;&apos;</题名>'),
  'blank-title': retitle('<题名>  \n  </题名>'),
  'empty-title': retitle('<题名/>'),
  'title-with-child': retitle('<题名>关于<b>粗</b>通知<b/> </题名>'),
  'title-comment-pi': retitle('<题名>关于<!-- 注 --><?pi 值?>报送</题名>'),
  'code-comment': replace('<档号>Z109-WS·2024-Y-BGS-0001', '<档号>Z109-WS<!--c-->·2024-Y-BGS-0001'),
  'code-blank': replace('<档号>Z109-WS·2024-Y-BGS-0001', '<档号>'),
  'prefixed-root': (xml) => xml.replace('<文件实体>', '<ns:文件实体 xmlns:ns="urn:x">').replace('</文件实体>', '</ns:文件实体>'),
  'prefixed-children': (xml) => xml.replace('<题名>', '<ns:题名 xmlns:ns="urn:x">').replace('</题名>', '</ns:题名>'),
  'wrong-root': (xml) => xml.replace('<文件实体>', '<文件>').replace('</文件实体>', '</文件>'),
  'mismatched-tag': replace('</题名>', '</题目>'),
  'truncated': (xml) => xml.slice(0, Math.floor(xml.length / 2)),
  'doctype-entity': replace('<文件实体>', '<!DOCTYPE 文件实体 [<!ENTITY x "y">]>\n<文件实体>'),
  'invalid-reference': retitle('<题名>坏&#0;与&nbsp;</题名>'),
  'descriptors': before('<责任者>', '<主题词 主题词表名称="a&amp;b\tc">甲</主题词><主题词> 乙 </主题词><主题词 主题词表名称="">丙</主题词>'),
  'descriptors-without-thesaurus': before('<责任者>', '<主题词>甲</主题词><主题词>乙</主题词>'),
  'rights': replace('<权限管理/>', '<权限管理><知识产权说明>x</知识产权说明><授权><授权对象>甲</授权对象><授权行为>阅</授权行为><授权对象>乙</授权对象></授权><授权><授权行为>改</授权行为></授权><授权/><控制标识>c</控制标识><知识产权说明>y</知识产权说明></权限管理><权限管理><控制标识>d</控制标识></权限管理>'),
  'storage': replace('<存储位置>', '<存储位置><当前位置>a</当前位置><脱机载体编号>2</脱机载体编号><脱机载体存址>s</脱机载体存址><缩微号>m</缩微号><当前位置>b</当前位置><缩微号>n</缩微号>'),
  'second-storage': after('</存储位置>', '<存储位置><当前位置>z</当前位置></存储位置>'),
  'systems-and-notes': before('</文件实体>', '<信息系统描述>a</信息系统描述><附注> n1 </附注><信息系统描述/><附注>n2</附注>'),
  'second-document': before('</文件数据>', SECOND_DOCUMENT),
  'second-file-data': after('</文件数据>', `<文件数据>${SECOND_DOCUMENT}</文件数据>`),
  'second-description': after('</内容描述>', '<内容描述><题名>第二</题名><责任者>某</责任者></内容描述>'),
  'digests': replace('<数字摘要 算法="SM3">', '<数字摘要>0</数字摘要><数字摘要 x:算法="MD5" xmlns:x="urn:x">1</数字摘要><数字摘要 算法=" SM&#51; ">'),
  'digest-wrong': (xml) => xml.replace(/(<数字摘要 算法="SM3">)[0-9a-f]{2}/, '$1ff'),
  'size-wrong': replace('<计算机文件大小>150</计算机文件大小>', '<计算机文件大小> 151 </计算机文件大小>'),
  'name-wrong': replace('<计算机文件名>正文.pdf</计算机文件名>', '<计算机文件名>正文.PDF</计算机文件名>'),
  'fields-reordered': (xml) => xml.replace('<计算机文件名>正文.pdf</计算机文件名>\n            <计算机文件大小>150</计算机文件大小>', '<计算机文件大小>150</计算机文件大小><计算机文件名>正文.pdf</计算机文件名><格式信息>PDF</格式信息><文档创建程序>W</文档创建程序>'),
  'deep-file': (xml) => xml.replace(/<电子属性>[\s\S]*<\/电子属性>/, (block) => `${'<层>'.repeat(40)}${block}${'</层>'.repeat(40)}`),
  'whitespace-values': (xml) => xml.replace('<日期>20240313</日期>', '<日期> 20240313 </日期>').replace('<密级>无</密级>', '<密级>\n无\n</密级>'),
  'values-out-of-domain': (xml) => xml.replace('<保管期限>永久</保管期限>', '<保管期限>百年</保管期限>').replace('<日期>20240313</日期>', '<日期>2024-03-13</日期>').replace('<年度>2024</年度>', '<年度>二〇二四</年度>'),
  'missing-required': (xml) => xml.replace(/<责任者>[^<]*<\/责任者>/, '').replace(/<立档单位名称>[^<]*<\/立档单位名称>/, '').replace(/<室编件号>[^<]*<\/室编件号>/, ''),
  'no-files': (xml) => xml.replace(/<文件数据>[\s\S]*<\/文件数据>/, ''),
  'root-only': () => '<?xml version="1.0" encoding="UTF-8"?>\n<文件实体/>',
  'root-text': replace('<文件实体>', '<文件实体>文本<![CDATA[c]]>'),
  'attributes-everywhere': (xml) => xml.replace('<档号>', '<档号 a="1">').replace('<电子属性>', '<电子属性 b="2">').replace('<年度>', '<年度 c="&lt;">'),
  'record-id-duplicate': (xml) => xml.replace('<电子文件号>Z109-WS·2024-Y-BGS-0001</电子文件号>', '<电子文件号>Z109-WS·2024-Y-BGS-0002</电子文件号>'),
};
// Encodings and line ends applied to the whole file.
const encodings = {
  'crlf-bom': (xml) => `\uFEFF${xml.replace(/\n/g, '\r\n')}`,
  'cr-only': (xml) => xml.replace(/\n/g, '\r'),
};

async function writeVariants() {
  const { encodeGb18030 } = await import(pathToFileURL(join(builds.after, 'index.js')).href);
  const files = {};
  for (const [name, change] of Object.entries(variants)) files[name] = new TextEncoder().encode(change(original));
  for (const [name, change] of Object.entries(encodings)) files[name] = new TextEncoder().encode(change(original));
  files['gb18030'] = encodeGb18030(original.replace('encoding="UTF-8"', 'encoding="GB18030"'));
  files['gb18030-second-document'] = encodeGb18030(variants['second-document'](original).replace('encoding="UTF-8"', 'encoding="GB18030"'));
  const packages = [];
  const dir = join(work, 'variants');
  rmSync(dir, { recursive: true, force: true });
  for (const [name, bytes] of Object.entries(files)) {
    const pkg = join(dir, name);
    cpSync(VALID, pkg, { recursive: true });
    writeFileSync(join(pkg, ITEM), bytes);
    packages.push({ name: `variant/${name}`, path: pkg });
  }
  return { files, packages };
}

// ------------------------------------------------------------------ running both builds

function run(dist, argv) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [join(dist, 'cli', 'main.js'), ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
}

async function mapLimit(list, limit, task) {
  const results = new Array(list.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < list.length) {
      const i = next++;
      results[i] = await task(list[i]);
    }
  }));
  return results;
}

const corpus = [];
for (const base of [join(ROOT, 'test', 'fixtures', 'packages', 'cases'), join(ROOT, 'examples', 'packages')]) {
  for (const name of readdirSync(base).sort()) corpus.push({ name: `${base.slice(ROOT.length + 1)}/${name}`, path: join(base, name) });
}
const { files, packages } = await writeVariants();
corpus.push(...packages);

// The public readers of both builds on every variant: the typed view (exact values) and the model over the tree.
const api = async (dist) => {
  const lib = await import(pathToFileURL(join(dist, 'index.js')).href);
  const out = {};
  for (const [name, bytes] of Object.entries(files)) {
    const typed = lib.readItemMetadataXml(bytes, { path: 'm.xml' });
    const { root } = lib.readXml(bytes);
    const model = root ? lib.readItemMetadata(root) : undefined;
    const exact = root ? lib.readItemMetadata(root, (v) => v, 'exact') : undefined;
    out[name] = JSON.stringify({ typed, model: model && { metadata: model.metadata, locations: [...model.locations] }, exact: exact && { metadata: exact.metadata, locations: [...exact.locations] } });
  }
  return out;
};
const [apiBefore, apiAfter] = [await api(builds.before), await api(builds.after)];
const differences = [];
for (const name of Object.keys(files)) if (apiBefore[name] !== apiAfter[name]) differences.push(`api/${name}: readItemMetadataXml or readItemMetadata differs`);

const jobs = corpus.flatMap((c) => [[], ['--no-fixity']].map((extra) => ({ ...c, argv: ['validate', c.path, '--format', 'json', ...extra] })));
let runs = 0;
await mapLimit(jobs, 2, async (job) => {
  const [a, b] = [await run(builds.before, job.argv), await run(builds.after, job.argv)];
  runs++;
  // The package's own path appears in reports: both runs see the same one.
  if (a.code !== b.code || a.stdout !== b.stdout || a.stderr !== b.stderr) {
    differences.push(`${job.name} ${job.argv.slice(2).join(' ')}: exit ${a.code}/${b.code}, stdout ${a.stdout === b.stdout ? 'same' : 'differs'}, stderr ${a.stderr === b.stderr ? 'same' : 'differs'}`);
    if (args.keep) {
      const slug = `${job.name}${job.argv.slice(4).join('')}`.replace(/[^\w.-]+/g, '_');
      writeFileSync(join(work, `${slug}.before.json`), a.stdout + a.stderr);
      writeFileSync(join(work, `${slug}.after.json`), b.stdout + b.stderr);
    }
  }
});

process.stdout.write(`corpus diff: ${builds.before} → ${builds.after}\n`);
process.stdout.write(`  ${corpus.length} packages (${packages.length} item-metadata variants) × with/without --no-fixity = ${runs} runs of each build; ${Object.keys(files).length} variants through the public readers\n`);
if (differences.length === 0) process.stdout.write('  every report and every reading is byte-identical\n');
else process.stdout.write(`  ${differences.length} differences:\n${differences.map((d) => `    ${d}\n`).join('')}`);
if (!args.keep) rmSync(work, { recursive: true, force: true });
else if (!existsSync(work)) mkdirSync(work);
process.exit(differences.length === 0 ? 0 : 1);
