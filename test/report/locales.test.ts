import { describe, expect, it, vi } from 'vitest';

/**
 * Messages per locale: zh-CN is built in; other locales are registered. The
 * browser entry (src/core.ts) registers none, the `dangan` entry (src/index.ts)
 * registers English. Each case imports fresh module instances, so the English
 * registered by test/setup/locales.ts for the other tests is not there.
 */
async function fresh<T>(path: string): Promise<T> {
  vi.resetModules();
  return (await import(path)) as T;
}

type Core = typeof import('../../src/core.js');

describe('locales', () => {
  it('the browser entry answers in zh-CN, for en too, until English is registered', async () => {
    const core = await fresh<Core>('../../src/core.js');
    const issue = () => core.createIssue('input.unreadable', { locale: 'en', params: { reason: 'ENOENT' } });
    expect(issue().message).toBe('无法读取输入：ENOENT');
    expect(core.hasMessage('en', 'input.unreadable')).toBe(false);
    const { issueCatalogueEn } = await import('../../src/report/messages/en/index.js');
    core.registerMessages('en', issueCatalogueEn);
    expect(issue().message).toBe('The input cannot be read: ENOENT');
    expect(core.localizeIssue(core.createIssue('input.unreadable', { params: { reason: 'x' } }), 'en').message).toBe('The input cannot be read: x');
  });

  it('registers one area at a time: the others stay zh-CN', async () => {
    const core = await fresh<Core>('../../src/core.js');
    const { filingIssuesEn } = await import('../../src/report/messages/en/index.js');
    core.registerMessages('en', filingIssuesEn);
    expect(core.parseArchivalCode('', { locale: 'en' }).issues[0]?.message).toMatch(/^The archival code is empty/);
    expect(core.resolveMessage('input.unreadable', 'en', { reason: 'x' })).toBe('无法读取输入：x');
  });

  it('the dangan entry registers English itself', async () => {
    const index = await fresh<Core>('../../src/index.js');
    expect(index.createIssue('input.unreadable', { locale: 'en', params: { reason: 'x' } }).message).toBe('The input cannot be read: x');
  });

  it('createIssueFrom takes any table, a user\'s own too, with its own English', async () => {
    const core = await fresh<Core>('../../src/core.js');
    const mine = { 'mine.late': { aspect: 'integrity', severity: 'warning', 'zh-CN': '迟到 {days} 天' } } as const;
    expect(core.createIssueFrom(mine, 'mine.late', { params: { days: 3 } })).toEqual({ code: 'mine.late', aspect: 'integrity', severity: 'warning', message: '迟到 3 天', params: { days: 3 } });
    core.registerMessages('en', { 'mine.late': '{days} days late' });
    expect(core.createIssueFrom(mine, 'mine.late', { params: { days: 3 }, locale: 'en' }).message).toBe('3 days late');
  });
});
