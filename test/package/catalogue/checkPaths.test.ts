import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCatalogueEntryChecker, readCatalogue, validateCatalogue } from '../../../src/index.js';
import { sortByLocation } from '../../../src/formats/catalogue/scanCatalogue.js';
import { catalogueXml, entry2022 } from '../../fixtures/catalogue/generate.js';

// validateCatalogue checks entries from offsets and locates only its issues; the public checker
// works on located entries from readCatalogue. Both must give the same issues, locations included.
const value = (...options: (string | undefined)[]) => fc.constantFrom(...options);
const overrides = fc.record({
  顺序号: value('1', '01', '+1', 'a', '', undefined),
  档号: value('A-1', 'A-2', '', undefined),
  日期: value('20150101', '20150231', '2015-01-01', '[20150100]', 'x', undefined),
  密级: value('', '秘密', '特密', '内部', undefined),
  保管期限: value('Y', 'D30', 'D31', undefined),
  页数: value('3', '0', undefined),
  附注: value(undefined, 'extra'),
});

describe('validateCatalogue: the offset path equals the located path', () => {
  it('property: same entry issues as createCatalogueEntryChecker over readCatalogue entries', () => {
    fc.assert(
      fc.property(fc.array(overrides, { minLength: 1, maxLength: 6 }), (specs) => {
        const xml = catalogueXml(specs.map((o, i) => entry2022(i + 1, o)));
        const read = readCatalogue(xml);
        const check = createCatalogueEntryChecker({ elementSet: read.elementSet! });
        const expected = sortByLocation(read.entries.flatMap(check));
        const report = validateCatalogue(xml);
        // The report stamps each issue with its check id; the checker's issues carry none.
        expect(report.issues.map(({ checkId: _checkId, ...rest }) => rest)).toEqual(expected);
        for (const issue of report.issues) expect(report.checks.map((c) => c.id)).toContain(issue.checkId);
      }),
      { numRuns: 200 },
    );
  });
});
