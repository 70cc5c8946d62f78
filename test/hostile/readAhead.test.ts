// Issue 23 class 3: item metadata is read ahead in a window bounded in bytes (not only in files), and
// a package has one budget for all its metadata, in bytes and in time (limits.xml-budget).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDirectorySource } from '../../src/node/directorySource.js';
import { createCheckRun } from '../../src/package/checks/checkRun.js';
import { readItems } from '../../src/package/dat93/readItems.js';
import { findPackageRoot, mapPackageLayout } from '../../src/package/layout/packageLayout.js';
import type { PackageSource } from '../../src/package/source.js';
import type { Limits } from '../../src/package/limits.js';

const VALID = join(import.meta.dirname, '../fixtures/packages/cases/valid');
const MiB = 1 << 20;

/**
 * The valid package with each metadata file *listed* as `declared` bytes (what a hostile zip
 * may claim), read as it is; `delay` ms per read. Logs when each read starts.
 */
async function inflated(declared: number, delay = 0) {
  const base = await openDirectorySource(VALID);
  const started: string[] = [];
  const entries = (await base.entries()).map((e) => (e.path.endsWith('电子档案元数据.XML') ? { ...e, size: declared } : e));
  const source: PackageSource = {
    ...base,
    entries: async () => entries,
    async read(path, options) {
      started.push(path);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return base.read(path);
    },
  };
  return { source, entries, started };
}

async function readAll(declared: number, limits: Partial<Limits>, delay = 0) {
  const { source, entries, started } = await inflated(declared, delay);
  const layout = mapPackageLayout(entries, findPackageRoot(entries) as string);
  const run = createCheckRun({ locale: 'en', limits });
  const startedWhenHandedOver: number[] = [];
  const items = await readItems(source, layout, run, 256 * MiB, () => startedWhenHandedOver.push(started.length));
  const report = run.finish({ profile: 'dat93', files: 0, bytes: 0 });
  return { items, startedWhenHandedOver, report };
}

describe('readItems look-ahead and budget', () => {
  it('reads ahead by files when they are small (both metadata files at once)', async () => {
    const { startedWhenHandedOver } = await readAll(10 * MiB, {});
    expect(startedWhenHandedOver[0]).toBe(2);
  });

  it('reads ahead by bytes: 10 MiB files under a 15 MiB window are read one at a time', async () => {
    const { startedWhenHandedOver, items } = await readAll(10 * MiB, { maxReadAheadBytes: 15 * MiB });
    expect(startedWhenHandedOver).toEqual([1, 2]);
    expect(items.every((i) => i.reading !== undefined)).toBe(true);
  });

  it('stops at the package budget in bytes: limits.xml-budget names how many files were left', async () => {
    const { items, report } = await readAll(10 * MiB, { maxTotalXmlBytes: 15 * MiB });
    expect(items[0]?.reading).toBeDefined();
    expect(items[1]?.reading).toBeUndefined();
    const issue = report.issues.find((i) => i.code === 'limits.xml-budget');
    expect(issue?.params).toMatchObject({ count: 1, limit: `${15 * MiB} bytes` });
    expect(report.valid).toBe(false);
  });

  it('stops at the package budget in time', async () => {
    const { items, report } = await readAll(1000, { maxTotalXmlMilliseconds: 5 }, 20);
    expect(items.every((i) => i.reading === undefined)).toBe(true);
    expect(report.issues.find((i) => i.code === 'limits.xml-budget')?.params).toMatchObject({ count: 2, limit: '5 ms' });
  });
});

describe('readEep and validateEep are size-bounded before decoding', () => {
  it('bytes over limits.maxXmlBytes give xml.limit-bytes and no tree', async () => {
    const { writeEep } = await import('../../src/formats/eep/writeEep.js');
    const { readEep } = await import('../../src/formats/eep/readEep.js');
    const { validateEep } = await import('../../src/package/eep/validateEep.js');
    const { sampleItem } = await import('../export/eep/sampleItem.js');
    const bytes = writeEep(sampleItem());
    const limits = { maxXmlBytes: bytes.length - 1 } as Partial<Limits>;
    const read = readEep(bytes, { path: 'a.eep', limits });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.issues[0]).toMatchObject({ code: 'xml.limit-bytes', path: 'a.eep', received: bytes.length });
    const report = await validateEep(bytes, { path: 'a.eep', limits });
    expect(report.issues.map((i) => i.code)).toContain('xml.limit-bytes');
    expect((await validateEep(bytes, { limits: { maxXmlBytes: bytes.length } as Partial<Limits> })).issues.map((i) => i.code)).not.toContain('xml.limit-bytes');
  });
});
