import { describe, expect, it } from 'vitest';
import { assignFile, detectLayout, parseSampleSize, sampleCount } from '../../src/digitisation/index.js';

const codes = new Map([['A-1', 0], ['A-2', 1], ['A', 2]]);

describe('assignFile / detectLayout', () => {
  it('reads the page from the file name in each layout', () => {
    expect(assignFile('A-1/0002.jpg', 'folder-per-code', codes)).toEqual({ entry: 0, page: 2 });
    expect(assignFile('root/A-1/A-1-0003.tif', 'folder-per-code', codes)).toEqual({ entry: 0, page: 3 });
    expect(assignFile('A-1/cover.jpg', 'folder-per-code', codes)).toEqual({ entry: 0, page: Number.NaN });
    expect(assignFile('A-2_0001.jpg', 'code-page', codes)).toEqual({ entry: 1, page: 1 });
    expect(assignFile('x/A-2.pdf', 'file-per-code', codes)).toEqual({ entry: 1 });
    expect(assignFile('B-1/0001.jpg', 'folder-per-code', codes)).toBeUndefined();
  });

  it('picks the layout most files fit; ties go to the earlier layout', () => {
    // "A-1.pdf" fits file-per-code (档号 A-1) and code-page (档号 A, page 1): a tie, code-page first.
    expect(detectLayout(['A-1.pdf'], codes).layout).toBe('code-page');
    // Without a 档号 "A" in the catalogue, only file-per-code fits (--layout forces a layout when codes are ambiguous).
    expect(detectLayout(['A-1.pdf', 'A-2.pdf'], new Map([['A-1', 0], ['A-2', 1]])).layout).toBe('file-per-code');
    expect(detectLayout(['A-1/0001.jpg', 'A-1/0002.jpg', 'stray.txt'], codes)).toEqual({ layout: 'folder-per-code', matched: 2 });
  });

  it('parses sample sizes', () => {
    expect(parseSampleSize('5%')).toEqual({ percent: 5 });
    expect(parseSampleSize('0%')).toBeUndefined();
    expect(parseSampleSize('12')).toEqual({ count: 12 });
    expect(parseSampleSize('-3')).toBeUndefined();
    expect(sampleCount({ percent: 5 }, 30)).toBe(2);
    expect(sampleCount({ count: 50 }, 30)).toBe(30);
  });
});
