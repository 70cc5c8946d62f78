import { describe, expect, it } from 'vitest';
import { progressText } from '../../src/cli/progress.js';
import { createEtaEstimator } from '../../src/package/eta.js';
import { formatBytes, formatDuration } from '../../src/report/format/units.js';

describe('progress line', () => {
  it('says the phase, counts and human sizes, the time so far, and the time left only when known', () => {
    expect(progressText({ phase: 'listing', elapsed: 1 }, 'zh-CN')).toBe('正在列出文件：已用 1 秒');
    expect(progressText({ phase: 'metadata', elapsed: 3, totalFiles: 10000, totalBytes: 131072000 }, 'zh-CN')).toBe('正在读取元数据：10000 个文件，131 MB，已用 3 秒');
    expect(progressText({ phase: 'images', elapsed: 2, files: 5, totalFiles: 20 }, 'zh-CN')).toMatch(/^正在读取图像文件头：/);
    expect(progressText({ phase: 'images', elapsed: 2, files: 5, totalFiles: 20 }, 'en')).toMatch(/^reading image headers: /);
    expect(progressText({ phase: 'hashing', elapsed: 8, files: 12, totalFiles: 40, bytes: 1.2e9, totalBytes: 3.4e9, eta: 15 }, 'en')).toBe('hashing: 12/40 files, 1.2 GB / 3.4 GB, 8s elapsed, about 15s left');
    expect(progressText({ phase: 'writing', elapsed: 65, files: 300, totalFiles: 10000 }, 'zh-CN')).toBe('正在写出：300/10000 件，已用 1 分 05 秒');
  });

  it('gives an ETA only once it is stable, never from an early burst', () => {
    const eta = createEtaEstimator();
    // A burst: 5 % in 0.1 s would promise 2 s; too early to say anything.
    expect(eta(5e6, 1e8, 0.1)).toBeUndefined();
    // Then a steady 10 MB/s from t = 2 s: estimates settle and only then one is given.
    const seen: (number | undefined)[] = [];
    for (let t = 2; t <= 5; t += 0.5) seen.push(eta(t * 1e7, 1e8, t));
    // Four predicted finishing times (all 10 s) by 3.5 s: shown from then on, counting down.
    expect(seen).toEqual([undefined, undefined, undefined, 7, 6, 6, 5]);
    expect(eta(1e8, 1e8, 10)).toBe(0);
  });

  it('withholds the ETA while the rate swings', () => {
    const eta = createEtaEstimator();
    const swings = [2, 2.5, 3, 3.5, 4].map((t, i) => eta((i % 2 === 0 ? 0.05 : 0.4) * 1e8, 1e8, t));
    expect(swings.every((s) => s === undefined)).toBe(true);
  });

  it('withholds the ETA while the predicted finish drifts by more than a tenth', () => {
    const eta = createEtaEstimator();
    // The rate falls steadily: finishing times 10, 11, 12.1, 13.3 s (from 2 s) differ from their mean by up to 14 %.
    const drifting = [0, 1, 2, 3].map((k) => eta(1e8 * ((2 + 0.5 * k) / (10 * 1.1 ** k)), 1e8, 2 + 0.5 * k));
    expect(drifting).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('human units', () => {
  it('prints sizes in B, KB, MB, GB (powers of 1000) and durations in words', () => {
    expect([0, 512, 8294, 131072000, 1234567890, 999.6e9].map(formatBytes)).toEqual(['0 B', '512 B', '8.3 KB', '131 MB', '1.2 GB', '1.0 TB']);
    expect([formatDuration(45), formatDuration(185, 'en'), formatDuration(7620)]).toEqual(['45 秒', '3m05s', '2 时 07 分']);
  });
});
