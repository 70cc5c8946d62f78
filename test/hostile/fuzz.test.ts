import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzInput, fuzzTargets, replayFound, type FuzzTarget } from './fuzzTargets.js';

// The default run stays fast: a few hundred cases per reader (7,900 in all, a few seconds).
// `npm run fuzz` runs the same properties for a million cases.
const RUNS: Readonly<Record<string, number>> = { zipSource: 150, sourcesAgree: 100, validatePackage: 300, validatePackageStreamed: 200, shardsAgree: 150, validateBag: 300, directorySource: 200 };
const NAMES = [
  'readXml+parseXml',
  'validateCatalogue',
  'validateCatalogueChunks',
  'parsePackageDescription',
  'readCatalogueCsv',
  'readEep+validateEep',
  'validatePackage',
  'validatePackageStreamed',
  'shardsAgree',
  'validateBag',
  'zipSource',
  'sourcesAgree',
  'tarSource',
  'readCatalogueXml',
  'readItemMetadataXml',
  'readFixityManifest',
  'readDublinCoreXml',
  'readModelJson',
  'loadSchedule',
  'directorySource',
];
const DEFAULT_RUNS = 500;

let targets: FuzzTarget[] = [];
let dispose = () => undefined as void;
beforeAll(async () => {
  ({ targets, dispose } = await fuzzTargets());
});
afterAll(() => dispose());

describe('fuzz: every reader returns a Report or a result and never throws', () => {
  it('covers every public reader and validator named in docs/security.md', () => {
    expect(targets.map((t) => t.name)).toEqual(NAMES);
  });

  it('the seeds themselves are accepted (the harness can tell a pass from a throw)', async () => {
    for (const target of targets) for (const seed of target.seeds) await target.run(seed);
  });

  it('replays every saved failing input of test/fixtures/hostile/found/', async () => {
    const replayed = await replayFound(targets, join(import.meta.dirname, '../fixtures/hostile/found'));
    expect(Array.isArray(replayed)).toBe(true);
  });

  for (const name of NAMES) {
    it(`${name}: arbitrary bytes and mutations of valid input`, async () => {
      const target = targets.find((t) => t.name === name)!;
      await fc.assert(
        fc.asyncProperty(fuzzInput(target), async (input) => {
          await target.run(input);
        }),
        { numRuns: RUNS[name] ?? DEFAULT_RUNS, seed: 20261126 },
      );
    }, 120_000);
  }
});
