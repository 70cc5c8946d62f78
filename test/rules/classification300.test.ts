import { describe, expect, it } from 'vitest';
import { writeCatalogueXml } from '../../src/formats/catalogue/writeCatalogueXml.js';
import { parseArchivalCode } from '../../src/filing/index.js';
import { validateCatalogue } from '../../src/formats/catalogue/index.js';
import { boxSchema } from '../../src/model/index.js';
import { classifyItems } from '../../src/rules/index.js';

// Deterministic generator: mulberry32 PRNG, fixed seed.
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORGS = ['BGS', 'RSC', 'CWK'] as const;
const PERIODS = ['Y', 'D30', 'D10'] as const;
const pad = (n: number) => String(n).padStart(2, '0');

function generate(count: number, seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const year = r() < 0.5 ? 2015 : 2016;
    // few distinct days so ties are common and the tie-break matters
    const date = `${year}${pad(1 + Math.floor(r() * 12))}${pad(1 + Math.floor(r() * 3))}`;
    const row: Record<string, unknown> = {
      id: `g${i + 1}`,
      title: `关于第${i + 1}号事项的通知`,
      author: '某市档案局',
      documentNumber: r() < 0.5 ? `某档发〔${year}〕${i + 1}号` : '',
      date,
      retentionPeriod: pick(PERIODS),
      orgCode: pick(ORGS),
      pageCount: 1 + Math.floor(r() * 30),
      securityClassification: r() < 0.1 ? '秘密' : '',
    };
    // a few 2015 meetings closing in 2016
    if (year === 2015 && r() < 0.03) Object.assign(row, { date: '20151230', yearBasis: 'meeting', closingDate: '20160104' });
    return row;
  });
}

describe('classifying a mixed batch of 300 items (3 机构 × 3 periods × 2 years)', () => {
  const rows = generate(300, 20240917);
  const recordSheet = { arrangedBy: '张三', arrangedDate: '20250110', checkedBy: '李四', checkedDate: '20250115' };
  const result = classifyItems(rows, { scheme: '年度-机构-保管期限', fondsCode: 'Z109', box: { maxItems: 10, maxPages: 120 }, recordSheet });

  it('numbers every item, with no issue', () => {
    expect(result.issues).toEqual([]);
    expect(result.items).toHaveLength(300);
    expect(new Set(result.items.map((i) => i.archivalCode)).size).toBe(300);
    expect(result.classes).toHaveLength(18);
  });

  it('gives contiguous 件号 from 0001 in every lowest class, ordered by date then input order', () => {
    for (const cls of result.classes) {
      const members = result.items.filter((i) => i.classKey === cls.key);
      expect(members.map((m) => m.itemNumber)).toEqual(members.map((_, k) => k + 1));
      expect(members[0]!.archivalCode.endsWith('-0001')).toBe(true);
      for (let k = 1; k < members.length; k++) {
        const [a, b] = [members[k - 1]!, members[k]!];
        const da = a.item.yearBasis === 'meeting' ? a.item.closingDate! : a.item.date;
        const db = b.item.yearBasis === 'meeting' ? b.item.closingDate! : b.item.date;
        expect(da < db || (da === db && a.index < b.index)).toBe(true);
      }
    }
  });

  it('writes 档号 whose components agree with the class', () => {
    for (const it of result.items) {
      const parsed = parseArchivalCode(it.archivalCode, { profile: 'dat22' });
      expect(parsed.valid).toBe(true);
      expect(parsed.components).toMatchObject({ fondsCode: 'Z109', year: String(it.year), retentionPeriod: it.retentionPeriod, orgCode: it.orgCode });
    }
  });

  it('packs boxes that never mix 年度, 保管期限 or 机构 and cover every item exactly once', () => {
    const byCode = new Map(result.items.map((i) => [i.archivalCode, i]));
    let covered = 0;
    for (const box of result.boxes) {
      const members = result.items.filter(
        (i) => i.year === box.year && i.retentionPeriod === box.retentionPeriod && i.orgCode === box.orgCode && i.itemNumber >= box.itemRange.first && i.itemNumber <= box.itemRange.last,
      );
      expect(members).toHaveLength(box.itemCount);
      expect(box.itemCount).toBeLessThanOrEqual(10);
      expect(members.reduce((n, m) => n + m.pageCount, 0)).toBe(box.pageCount);
      expect(box.pageCount <= 120 || box.itemCount === 1).toBe(true);
      expect(byCode.get(box.archivalCodeRange.first)!.itemNumber).toBe(box.itemRange.first);
      expect(boxSchema.safeParse(box).success).toBe(true);
      expect(box.recordSheet).toEqual(recordSheet);
      covered += box.itemCount;
    }
    expect(covered).toBe(300);
    expect(result.boxes.map((b) => b.boxNumber)).toEqual(result.boxes.map((_, k) => k + 1));
  });

  it('yields a catalogue that validateCatalogue accepts', () => {
    expect(result.catalogue.map((e) => e.sequenceNumber)).toEqual(result.catalogue.map((_, k) => k + 1));
    const report = validateCatalogue(writeCatalogueXml(result.catalogue));
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.valid).toBe(true);
  });
});
