// dangan demo: checks the bundled sample catalogues through the built package
// (`npm run demo` builds first). Exits 0 when the clean sample is valid and the
// faulty one is invalid with exactly its three planted faults; 1 otherwise.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatText, validateCatalogue } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const lang = process.argv.includes('--lang=en') ? 'en' : 'zh-CN';

const samples = [
  { name: 'catalogue/clean/目录文件.XML', expectValid: true, expectCodes: [] },
  {
    name: 'catalogue/faulty/目录文件.XML',
    expectValid: false,
    expectCodes: ['catalogue.date-impossible', 'catalogue.security-invalid', 'catalogue.archival-code-duplicate'],
  },
];

let ok = true;
for (const sample of samples) {
  const bytes = readFileSync(join(here, sample.name));
  const report = validateCatalogue(bytes, { locale: lang, path: sample.name });
  process.stdout.write(`${formatText(report, { locale: lang, subject: `examples/${sample.name}` })}\n`);
  const codes = report.issues.map((i) => i.code);
  const asExpected = report.valid === sample.expectValid && JSON.stringify(codes) === JSON.stringify(sample.expectCodes);
  if (!asExpected) {
    ok = false;
    process.stderr.write(`demo: unexpected outcome for ${sample.name}: valid=${report.valid}, codes=${codes.join(',') || '(none)'}\n`);
  }
}
process.stdout.write(ok ? 'demo: outcomes as expected (clean valid, faulty invalid with 3 planted faults)\n' : '');
process.exitCode = ok ? 0 : 1;
