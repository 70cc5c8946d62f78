import { describe, expect, it } from 'vitest';
import { UNCLASSIFIED, metadataFromCatalogueEntry } from '../../src/formats/itemMetadata/fromCatalogueEntry.js';
import type { CatalogueEntry } from '../../src/model/catalogueEntry.js';
import { isInDomain } from '../../src/formats/itemMetadata/valueDomains.js';

const fonds = { fondsCode: 'Z109', fondsName: '某市人民政府办公室', creatingUnit: '某市人民政府办公室' };
const base: CatalogueEntry = { sequenceNumber: 1, archivalCode: 'Z109-WS·2011-Y-BGS-0001', author: '某市人民政府办公室', title: '通知', date: '20110302', pageCount: 1 };

// Issue 16 item 7: `dangan build` wrote 公开 for an empty 密级 cell. DA/T 22-2015 §5.5 leaves the cell empty when
// nothing is classified; 公开 is an access value, not a 密级 (保守国家秘密法 2024 第十四条: 绝密、机密、秘密).
describe('metadataFromCatalogueEntry 密级 (DA/T 22-2015 §5.5; DA/T 46-2009 M38)', () => {
  it.each([
    [undefined, UNCLASSIFIED],
    ['', UNCLASSIFIED],
    ['秘密', '秘密'],
    ['机密', '机密'],
    ['绝密', '绝密'],
  ] as const)('catalogue cell %j is written %j', (cell, written) => {
    const entry = { ...base, ...(cell === undefined ? {} : { securityClassification: cell }) };
    const metadata = metadataFromCatalogueEntry(entry, [{ fileName: '正文.pdf', fileSize: 3 }], { fonds });
    expect(metadata.description.securityClassification).toBe(written);
    expect(metadata.description.securityClassification).not.toBe('公开');
    // what is written passes the DA/T 46 value-domain check, so the built package stays valid
    expect(isInDomain(written, 'securityClassification')).toBe(true);
  });
});
