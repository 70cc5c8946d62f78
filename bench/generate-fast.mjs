// A fast generator of large packages of small items, for the memory and scale rows (bench/run.mjs
// --only million). It writes the same layout, metadata and fixity evidence as `dangan build` (DA/T
// 93-2022 附录B: 说明文件.TXT, 目录文件.XML, <全宗号>/<门类代码>/<档号>/ item folders with
// 电子档案元数据.XML and the content files, 其他/ with 固化验证信息.XML and the transfer documents),
// but with blocking writes in a tight loop, split across one process per core: `dangan build` took
// 383 s for 10,000 items × 4 files; this writes 1,000,000 files in minutes.
//
//   node bench/generate-fast.mjs --items 250000 --files 4 --out /tmp/memory/million [--size 2048] [--seed 93] [--jobs 2]
//
// Content files are PDF-shaped (signature, noise, end marker) of `size` × 0.5–1.5 bytes, hashed with
// SM3 for both the metadata's 数字摘要 and 固化验证信息.XML. The output is deterministic for a seed.
// `--check` validates the result afterwards with the built CLI and fails unless it is valid.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, createCipheriv } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prng } from './prng.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FONDS = 'Z109';
const CATEGORY = 'WS';
const UNIT = '某市人民政府办公室';
const AUTHORS = ['某市人民政府办公室', '某市财政局', '某市教育局', '某市卫生健康委员会', '某市自然资源和规划局', '某市档案馆'];
const SUBJECTS = ['年度工作计划', '专项资金分配方案', '安全生产检查情况', '干部培训工作', '城市更新项目审批', '档案数字化外包服务', '防汛抗旱工作部署', '营商环境评估报告'];
const KINDS = ['通知', '请示', '批复', '报告', '函', '会议纪要', '决定'];
const RETENTION = { Y: '永久', D30: '30年', D10: '10年' };


/**
 * Item n (1-based): 9,999 per 年度 and one 保管期限 (Y) so 件号 run 0001… without gaps within each
 * 年度 (DA/T 22-2015 §6.3), whichever process writes it.
 */
function item(n, seed) {
  const random = prng(seed * 1_000_003 + n);
  const year = 2000 + Math.floor((n - 1) / 9999);
  const itemNumber = ((n - 1) % 9999) + 1;
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  return {
    n,
    year,
    itemNumber,
    archivalCode: `${FONDS}-${CATEGORY}·${year}-Y-BGS-${String(itemNumber).padStart(4, '0')}`,
    author: AUTHORS[Math.floor(random() * AUTHORS.length)],
    title: `关于做好${year}年度第${n}批${SUBJECTS[Math.floor(random() * SUBJECTS.length)]}及相关配套工作的${KINDS[Math.floor(random() * KINDS.length)]}`,
    date: `${year}${month}${day}`,
    pageCount: 1 + Math.floor(random() * 40),
    random,
  };
}

/** Content file names of an item, in code-unit order as `dangan build` lists them. */
function fileNames(files) {
  const names = ['正文.pdf', ...Array.from({ length: files - 1 }, (_, i) => `附件${i + 1}.pdf`)];
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const HEAD = Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1');
const TAIL = Buffer.from('\n%%EOF\n');

/** One keystream per process, sliced per file: cheap noise that differs between files. */
function noiseSource(seed) {
  const key = createHash('sha256').update(`fast/${seed}`).digest();
  return createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(1 << 22));
}

function pdf(noise, random, size) {
  const length = Math.max(64, Math.round(size * (0.5 + random())));
  const body = length - HEAD.length - TAIL.length;
  const at = Math.floor(random() * (noise.length - body));
  return Buffer.concat([HEAD, noise.subarray(at, at + body), TAIL]);
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function metadataXml(it, files) {
  const documents = files
    .map(
      (f, i) => `    <文档>
      <文档标识符>修改0-文档${i + 1}</文档标识符>
      <文档主从声明>${i === 0 ? '主文档' : '附属文档'}</文档主从声明>
      <文档数据 文档数据ID="修改0-文档${i + 1}-文档数据1">
        <编码 编码ID="修改0-文档${i + 1}-文档数据1-编码1">
          <电子属性>
            <计算机文件名>${esc(f.name)}</计算机文件名>
            <计算机文件大小>${f.bytes}</计算机文件大小>
            <数字摘要 算法="SM3">${f.digest}</数字摘要>
          </电子属性>
        </编码>
      </文档数据>
    </文档>
`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<文件实体>
  <聚合层次>文件</聚合层次>
  <来源>
    <全宗名称>${UNIT}</全宗名称>
    <立档单位名称>${UNIT}</立档单位名称>
  </来源>
  <电子文件号>${it.archivalCode}</电子文件号>
  <档号>${it.archivalCode}
    <全宗号>${FONDS}</全宗号>
    <年度>${it.year}</年度>
    <保管期限>${RETENTION.Y}</保管期限>
    <机构或问题>BGS</机构或问题>
    <室编件号>${it.itemNumber}</室编件号>
  </档号>
  <内容描述>
    <题名>${esc(it.title)}</题名>
    <责任者>${esc(it.author)}</责任者>
    <日期>${it.date}</日期>
    <密级>无</密级>
  </内容描述>
  <形式特征>
    <文件组合类型>${files.length > 1 ? '组合文件' : '单件'}</文件组合类型>
    <页数>${it.pageCount}</页数>
  </形式特征>
  <存储位置>
    <脱机载体编号>在线</脱机载体编号>
  </存储位置>
  <权限管理/>
  <文件数据>
${documents}  </文件数据>
</文件实体>
`;
}

function catalogueRow(it) {
  return `  <文件>
    <顺序号>${it.n}</顺序号>
    <档号>${it.archivalCode}</档号>
    <责任者>${esc(it.author)}</责任者>
    <题名>${esc(it.title)}</题名>
    <日期>${it.date}</日期>
    <保管期限>Y</保管期限>
    <密级/>
    <页数>${it.pageCount}</页数>
    <备注/>
  </文件>
`;
}

/**
 * Writes items [from, to] (1-based) of the package at `out`: each item's folder, content and
 * metadata; returns the 固化验证信息 fragment, the 目录文件 fragment and the totals, written to
 * `<out>.part-<from>` files so the parent can join them in order.
 */
function writeItems(out, { from, to, files, size, seed }) {
  const names = fileNames(files);
  const noise = noiseSource(seed ^ from);
  const fixity = openSync(`${out}.fixity-${from}`, 'w');
  const catalogue = openSync(`${out}.catalogue-${from}`, 'w');
  let bytes = 0;
  let fixityChunk = '';
  let catalogueChunk = '';
  for (let n = from; n <= to; n++) {
    const it = item(n, seed);
    const relative = `${FONDS}/${CATEGORY}/${it.archivalCode}`;
    const folder = join(out, relative);
    mkdirSync(folder, { recursive: n === from || (n - 1) % 9999 === 0 });
    const written = names.map((name) => {
      const data = pdf(noise, it.random, size);
      writeFileSync(join(folder, name), data);
      bytes += data.length;
      return { name, bytes: data.length, digest: createHash('sm3').update(data).digest('hex') };
    });
    writeFileSync(join(folder, '电子档案元数据.XML'), metadataXml(it, written));
    for (const f of written) {
      fixityChunk += `  <文件>
    <路径>${esc(`${relative}/${f.name}`)}</路径>
    <算法>SM3</算法>
    <数字摘要>${f.digest}</数字摘要>
    <字节数>${f.bytes}</字节数>
  </文件>
`;
    }
    catalogueChunk += catalogueRow(it);
    if (fixityChunk.length > 1 << 20) {
      writeSync(fixity, fixityChunk);
      writeSync(catalogue, catalogueChunk);
      fixityChunk = '';
      catalogueChunk = '';
    }
  }
  writeSync(fixity, fixityChunk);
  writeSync(catalogue, catalogueChunk);
  closeSync(fixity);
  closeSync(catalogue);
  writeFileSync(`${out}.bytes-${from}`, String(bytes));
}

/** Concatenates the parts in order into one file, with a head and a tail, then deletes them. */
function concatenate(target, head, parts, tail) {
  const fd = openSync(target, 'w');
  writeSync(fd, head);
  const buffer = Buffer.alloc(1 << 22);
  for (const part of parts) {
    const from = openSync(part, 'r');
    for (let n; (n = readSync(from, buffer)) > 0; ) writeSync(fd, buffer, 0, n);
    closeSync(from);
    rmSync(part);
  }
  writeSync(fd, tail);
  closeSync(fd);
}

/** Generates the whole package at `out` (replacing it), `jobs` processes writing item ranges. */
export async function generateFast({ out, items, files = 4, size = 2048, seed = 93, jobs = availableParallelism() }) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, '其他'), { recursive: true });
  const per = Math.ceil(items / jobs);
  const ranges = Array.from({ length: jobs }, (_, j) => ({ from: j * per + 1, to: Math.min(items, (j + 1) * per) })).filter((r) => r.from <= r.to);
  await Promise.all(
    ranges.map(
      (r) =>
        new Promise((resolve, reject) => {
          const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--worker', '--out', out, '--from', String(r.from), '--to', String(r.to), '--files', String(files), '--size', String(size), '--seed', String(seed)], { stdio: 'inherit' });
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${r.from}-${r.to} exited ${code}`))));
        }),
    ),
  );
  const bytes = ranges.reduce((sum, r) => sum + Number(readFileSync(`${out}.bytes-${r.from}`, 'utf8')), 0);
  for (const r of ranges) rmSync(`${out}.bytes-${r.from}`);
  const first = item(1, seed).archivalCode;
  const last = item(items, seed).archivalCode;
  const fileCount = items * files;
  concatenate(join(out, '其他', '固化验证信息.XML'), '<?xml version="1.0" encoding="UTF-8"?>\n<固化验证信息>\n', ranges.map((r) => `${out}.fixity-${r.from}`), '</固化验证信息>\n');
  concatenate(join(out, '目录文件.XML'), '<?xml version="1.0" encoding="UTF-8"?>\n<文件目录>\n', ranges.map((r) => `${out}.catalogue-${r.from}`), '</文件目录>\n');
  writeFileSync(join(out, '说明文件.TXT'), `移交单位：${UNIT}\n内容描述：基准测试数据 / benchmark data\n起止档号：${first}至${last}\n档案数量：${items}\n软硬件环境：PDF 阅读器\n`);
  const other = (name, text) => writeFileSync(join(out, '其他', name), text);
  other('元数据规范.TXT', '元数据规范\n每件的元数据按 DA/T 46-2009《文书类电子文件元数据方案》著录，存为件文件夹中的 电子档案元数据.XML（根元素 文件实体）。\n目录文件.XML 按 DA/T 93-2022 附录B 著录，元素集 2022。\n');
  other('内容数据命名规则.TXT', '内容数据命名规则\n内容文件保留原文件名，放在以档号命名的件文件夹中；每件的元数据文件名为 电子档案元数据.XML。\n');
  other('分类编号规则.TXT', '分类编号规则\n档号结构：{fondsCode}-{categoryCode}[·{classCode*}]·{year}-{retentionPeriod}[-{orgCode}]-{itemNumber:4} DA/T 22-2015 按件档号（DA/T 22-2015 §5.4）\n件文件夹：<全宗号>/<门类代码>/<档号>/，文件夹名即目录文件.XML 中的档号。\n');
  other('数据封装规范.TXT', '数据封装规范\n本信息包按 DA/T 93-2022 附录B 的件级目录结构组织：\n说明文件.TXT、目录文件.XML；<全宗号>/<门类代码>/<档号>/ 件文件夹，存放该件的元数据文件和内容文件；其他/ 存放本文件、移交清单、固化验证信息等。\n');
  other('电子档案移交与接收登记表.XML', `<?xml version="1.0" encoding="UTF-8"?>
<电子档案移交与接收登记表>
  <交接工作名称>${UNIT} ${first}至${last}</交接工作名称>
  <内容描述>基准测试数据 / benchmark data</内容描述>
  <移交电子档案数量>${items}件，文件${fileCount}个</移交电子档案数量>
  <移交数据量>${(bytes / 1e9).toFixed(3)} GB</移交数据量>
  <载体起止顺序号/>
  <移交载体类型规格/>
  <检验内容>
    <准确性检验/>
    <完整性检验/>
    <可用性检验/>
    <安全性检验/>
    <载体外观检验/>
  </检验内容>
  <数字摘要 算法="SM3"/>
  <移交单位>
    <单位名称>${UNIT}</单位名称>
    <填表人/>
    <审核人/>
    <日期/>
  </移交单位>
  <接收单位>
    <单位名称/>
    <填表人/>
    <审核人/>
    <日期/>
  </接收单位>
</电子档案移交与接收登记表>
`);
  // The 移交清单 lists every item: written in chunks, items' byte counts are not kept (the per-item
  // sum is re-derived from the same seed-determined sizes would cost a second pass; the list gives
  // the file count and leaves 字节数 out, which the validator does not cross-check).
  const list = openSync(join(out, '其他', '电子档案移交清单.XML'), 'w');
  writeSync(list, `<?xml version="1.0" encoding="UTF-8"?>\n<电子档案移交清单>\n  <移交单位>${UNIT}</移交单位>\n  <起止档号>${first}至${last}</起止档号>\n  <档案数量>${items}</档案数量>\n  <文件数量>${fileCount}</文件数量>\n  <总字节数>${bytes}</总字节数>\n`);
  let chunk = '';
  for (let n = 1; n <= items; n++) {
    const it = item(n, seed);
    chunk += `  <档案>\n    <顺序号>${n}</顺序号>\n    <档号>${it.archivalCode}</档号>\n    <题名>${esc(it.title)}</题名>\n    <文件数>${files}</文件数>\n  </档案>\n`;
    if (chunk.length > 1 << 20) {
      writeSync(list, chunk);
      chunk = '';
    }
  }
  writeSync(list, `${chunk}</电子档案移交清单>\n`);
  closeSync(list);
  other('移交接收过程元数据.XML', `<?xml version="1.0" encoding="UTF-8"?>
<移交接收过程元数据>
  <过程>
    <行为>组织移交信息包</行为>
    <行为时间>2026-01-01T00:00:00.000Z</行为时间>
    <行为者>${UNIT}</行为者>
    <依据>DA/T 93-2022 附录B</依据>
    <软件>bench/generate-fast.mjs</软件>
    <结果>档案${items}件，文件${fileCount}个，共${bytes}字节；数字摘要算法 SM3</结果>
  </过程>
</移交接收过程元数据>
`);
  return { out, items, files: fileCount, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      worker: { type: 'boolean' },
      out: { type: 'string' },
      items: { type: 'string' },
      files: { type: 'string' },
      size: { type: 'string' },
      seed: { type: 'string' },
      jobs: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      check: { type: 'boolean' },
    },
  });
  const number = (v, d) => (v === undefined ? d : Number(v));
  if (!values.out) throw new Error('usage: node bench/generate-fast.mjs --items N --files F --out DIR');
  if (values.worker) {
    writeItems(values.out, { from: Number(values.from), to: Number(values.to), files: Number(values.files), size: Number(values.size), seed: Number(values.seed) });
  } else {
    const started = Date.now();
    const result = await generateFast({ out: values.out, items: number(values.items, 10_000), files: number(values.files, 4), size: number(values.size, 2048), seed: number(values.seed, 93), jobs: number(values.jobs, availableParallelism()) });
    process.stdout.write(`${JSON.stringify({ ...result, seconds: (Date.now() - started) / 1000 })}\n`);
    if (values.check) {
      const cli = join(process.env.DANGAN_DIST_DIR ?? join(HERE, '..', 'dist'), 'cli', 'main.js');
      if (!existsSync(cli)) throw new Error(`no built CLI at ${cli}`);
      const r = spawnSync(process.execPath, [cli, 'validate', values.out, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0) throw new Error(`the generated package is not valid (exit ${r.status}):\n${r.stdout.slice(0, 4000)}${r.stderr.slice(0, 2000)}`);
      process.stdout.write('valid\n');
    }
  }
}
