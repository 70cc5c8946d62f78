#!/usr/bin/env node
// `npm run fuzz`: the long fuzz campaign — the properties of test/hostile/fuzz.test.ts run for
// about a million cases across every reader (weighted: the package, bag and zip validators cost
// far more per case than the text readers). Any failing input is shrunk by fast-check and saved
// as test/fixtures/hostile/found/<target>--<sha256 prefix>.bin, which fuzz.test.ts replays.
//
// It then runs the differential test of readXml against libxml2 (test/xml/differential) on
// --differential documents (a million by default; `--only xmlDifferential` runs just that): a
// disagreement that regressions.json does not hold yet is saved under found/ with the same name scheme.
//
//   node test/fuzz/campaign.mjs [--cases 1000000] [--differential 1000000] [--seed N] [--only readXml+parseXml,zipSource,xmlDifferential]
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleForNode } from '../bundleForNode.mjs';
import { loadBundle } from '../hostile/bundle.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FOUND = join(here, '../fixtures/hostile/found');
const { values } = parseArgs({
  options: { cases: { type: 'string', default: '1000000' }, differential: { type: 'string', default: '1000000' }, seed: { type: 'string' }, only: { type: 'string' } },
});
const total = Number(values.cases);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
// Share of the cases per target: cheap text readers take most of them.
const WEIGHTS = {
  'readXml+parseXml': 20,
  validateCatalogue: 20,
  validateCatalogueChunks: 10,
  parsePackageDescription: 20,
  readCatalogueCsv: 15,
  'readEep+validateEep': 15,
  validatePackage: 5,
  validatePackageStreamed: 3,
  shardsAgree: 2,
  validateBag: 4,
  zipSource: 3,
  sourcesAgree: 2,
  readCatalogueXml: 12,
  readItemMetadataXml: 12,
  readFixityManifest: 12,
  readDublinCoreXml: 10,
  readModelJson: 10,
  loadSchedule: 10,
  directorySource: 1,
};

const harness = await loadBundle();
// The bundle's own fast-check, so its arbitraries and this runner are one instance.
const { fc } = harness;
const { targets, dispose } = await harness.fuzzTargets();
const only = values.only ? new Set(values.only.split(',')) : undefined;
const chosen = targets.filter((t) => !only || only.has(t.name));
const weightSum = chosen.reduce((n, t) => n + (WEIGHTS[t.name] ?? 1), 0);
console.log(`fuzz campaign: ${total} cases, seed ${seed}, targets ${chosen.map((t) => t.name).join(', ')}`);

let failures = 0;
let ran = 0;
const started = Date.now();
try {
  for (const target of chosen) {
    const runs = Math.max(1, Math.round((total * (WEIGHTS[target.name] ?? 1)) / weightSum));
    const t0 = Date.now();
    // In chunks, so progress shows and one failure does not end the campaign for the others.
    const CHUNK = 20_000;
    for (let done = 0, chunk = 0; done < runs; done += CHUNK, chunk++) {
      const numRuns = Math.min(CHUNK, runs - done);
      const result = await fc.check(
        fc.asyncProperty(harness.fuzzInput(target), async (input) => {
          await target.run(input);
        }),
        { numRuns, seed: seed + chunk, endOnFailure: true },
      );
      ran += result.numRuns;
      if (result.failed && result.counterexample) {
        failures++;
        const input = result.counterexample[0];
        const name = `${target.name}--${createHash('sha256').update(input).digest('hex').slice(0, 16)}.bin`;
        mkdirSync(FOUND, { recursive: true });
        writeFileSync(join(FOUND, name), input);
        console.log(`  FAIL ${target.name}: ${String(result.errorInstance ?? result.error).split('\n')[0]} → found/${name}`);
      }
    }
    console.log(`  ${target.name}: ${runs} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
} finally {
  dispose();
}
console.log(`${ran} cases in ${((Date.now() - started) / 1000).toFixed(0)} s, ${failures} failing input(s) saved`);
process.exitCode = failures > 0 ? 1 : 0;

// ---------------------------------------------------------------- readXml against libxml2
if (!only || only.has('xmlDifferential')) {
  const outfile = join(mkdtempSync(join(tmpdir(), 'dangan-differential-')), 'differential.mjs');
  await bundleForNode(join(here, '../xml/differential/differential.ts'), outfile);
  const { runDifferential } = await import(pathToFileURL(outfile).href);
  const known = new Set(JSON.parse(readFileSync(join(here, '../xml/differential/regressions.json'), 'utf8')).cases.map((c) => c.sha256));
  const cases = Number(values.differential);
  const t0 = Date.now();
  const run = runDifferential({ cases, seed, keep: 10_000, onProgress: (done) => done % 100_000 === 0 && console.log(`  xmlDifferential: ${done} cases`) });
  let saved = 0;
  for (const d of run.disagreements) {
    const sha = createHash('sha256').update(d.bytes).digest('hex');
    if (known.has(sha)) continue;
    mkdirSync(FOUND, { recursive: true });
    writeFileSync(join(FOUND, `xmlDifferential--${sha.slice(0, 16)}.xml`), d.bytes);
    saved++;
  }
  const share = ((run.agreed / run.cases) * 100).toFixed(3);
  console.log(`  xmlDifferential: ${run.cases} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s, verdicts agree on ${run.agreed} (${share} %), ${saved} new disagreement(s) saved`);
  if (run.agreed / run.cases < 0.999) {
    console.log('  xmlDifferential: FAIL, agreement under 99.9 %');
    process.exitCode = 1;
  }
}
