// dangan demo (`npm run demo` builds first), through the built package:
// 1. validates two transfer packages under examples/packages/, built by
//    examples/build-packages.mjs with the public builder: `valid/` must pass with
//    no issue; `faulty/` must fail with exactly its planted faults, one per 四性 aspect;
// 2. checks the two bundled sample catalogues (clean UTF-8, faulty GB18030).
// Prints every report; exits 0 when all outcomes are as expected, 1 otherwise.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatText, validateCatalogue } from '../dist/index.js';
import { validatePath } from '../dist/node/index.js';
import { buildDemoPackages } from './build-packages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const lang = process.argv.includes('--lang=en') ? 'en' : 'zh-CN';
const failures = [];
// `distinct`: compare the set of codes (a fault may be seen by several evidence forms); else the exact list.
const expectOutcome = (name, report, expectValid, expectCodes, distinct) => {
  const all = report.issues.map((i) => i.code);
  const codes = distinct ? [...new Set(all)].sort() : all;
  if (report.valid !== expectValid || JSON.stringify(codes) !== JSON.stringify(distinct ? [...expectCodes].sort() : expectCodes)) {
    failures.push(`${name}: valid=${report.valid}, codes=${codes.join(',') || '(none)'}`);
  }
};

// 1. Transfer packages (DA/T 93-2022 附录B) with the DA/T 70-2018 四性 checks.
const packages = await buildDemoPackages();
const planted = {
  authenticity: 'fixity.mismatch', // a byte changed after its SM3 digest was recorded
  integrity: 'package.count-mismatch', // 说明文件 declares 4 items for 3
  usability: 'content.format-mismatch', // a PNG named 正文.pdf
  security: 'content.executable', // an .exe in an item folder
};
for (const [name, expectValid, expectCodes] of [
  ['valid', true, []],
  ['faulty', false, Object.values(planted)],
]) {
  const report = await validatePath(packages[name], { locale: lang });
  process.stdout.write(`${formatText(report, { locale: lang, subject: `examples/packages/${name}` })}\n`);
  expectOutcome(`packages/${name}`, report, expectValid, expectCodes, true);
  if (name === 'faulty') {
    for (const [aspect, code] of Object.entries(planted)) {
      if (!report.issues.some((i) => i.code === code && i.aspect === aspect)) failures.push(`packages/faulty: no ${aspect} issue ${code}`);
    }
  }
}

// 2. Sample catalogues (目录文件.XML).
for (const [name, expectValid, expectCodes] of [
  ['catalogue/clean/目录文件.XML', true, []],
  ['catalogue/faulty/目录文件.XML', false, ['catalogue.date-impossible', 'catalogue.security-invalid', 'catalogue.archival-code-duplicate']],
]) {
  const report = validateCatalogue(readFileSync(join(here, name)), { locale: lang, path: name });
  process.stdout.write(`${formatText(report, { locale: lang, subject: `examples/${name}` })}\n`);
  expectOutcome(name, report, expectValid, expectCodes, false);
}

for (const failure of failures) process.stderr.write(`demo: unexpected outcome for ${failure}\n`);
process.stdout.write(
  failures.length === 0
    ? 'demo: outcomes as expected (valid package passes; faulty package fails once per 四性 aspect; clean catalogue valid, faulty one with 3 planted faults)\n'
    : '',
);
process.exitCode = failures.length === 0 ? 0 : 1;
