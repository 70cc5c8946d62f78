import { describe, expect, it } from 'vitest';
import { describePackageCheck } from '../../src/package/checks/describeCheck.js';
import { packageChecks, transferStageItem } from '../../src/package/checks/registry.js';
import { createIssue } from '../../src/report/index.js';

// Issue 16 item 6. Source: DA/T 70-2018 item table as reproduced in published implementations (standards-electronic §5.1):
// GD-1-x 真实性, GD-2-x 完整性, GD-3-x 可用性, GD-4-x 安全性; GD-4-3 载体中多余文件检测; YJ parallels GD (inferred).
const ASPECT_OF_GROUP = { '1': 'authenticity', '2': 'integrity', '3': 'usability', '4': 'security' } as const;

describe('DA/T 70-2018 mapping of the dat93 checks', () => {
  it.each(Object.entries(packageChecks).filter(([, c]) => 'dat70' in c))('%s carries the aspect of its GD group', (_id, check) => {
    const group = /^GD-([1-4])-/.exec((check as { dat70: string }).dat70)![1] as keyof typeof ASPECT_OF_GROUP;
    expect(check.aspect).toBe(ASPECT_OF_GROUP[group]);
  });

  it.each([
    ['content.link', 'GD-1-11', 'authenticity', 'auto'],
    ['security.executables', 'GD-4-3', 'security', 'auto'],
    ['package.consistency', 'GD-1-14', 'authenticity', 'manual'],
    ['metadata.process', 'GD-2-5', 'integrity', 'manual'],
    ['content.integrity', 'GD-2-7', 'integrity', 'manual'],
    ['package.scope', 'GD-2-9', 'integrity', 'manual'],
    ['metadata.database-access', 'GD-3-2', 'usability', 'manual'],
    ['security.process', 'GD-4-7', 'security', 'manual'],
  ] as const)('%s is %s (%s, %s)', (id, dat70, aspect, mode) => {
    expect(packageChecks[id]).toMatchObject({ dat70, aspect, mode });
  });

  it('names GD-4-3 as the standard does: 载体中多余文件', () => {
    expect(packageChecks['security.executables'].title['zh-CN']).toContain('载体中多余文件');
    expect(packageChecks['security.executables'].source).toContain('载体中多余文件检测');
  });

  it('the content.missing issue is a 真实性 issue, like its check', () => {
    expect(createIssue('content.missing', { params: { file: 'a.pdf', item: 'x' } }).aspect).toBe('authenticity');
  });

  it.each([
    ['GD-1-6', 'YJ-1-6'],
    ['GD-1-11', 'YJ-1-11'],
    ['GD-4-3', 'YJ-4-3'],
    ['BC-1-1', undefined],
    [undefined, undefined],
  ])('reports the 移交-stage item beside %s: %s', (gd, yj) => {
    expect(transferStageItem(gd)).toBe(yj);
  });

  it('describes dat93 checks with both items, EEP checks with the GD item only', () => {
    expect(describePackageCheck('content.link')).toMatchObject({ dat70: 'GD-1-11', yj: 'YJ-1-11', aspect: 'authenticity' });
    expect(describePackageCheck('security.entries')).not.toHaveProperty('yj');
    expect(describePackageCheck('eep.content')).not.toHaveProperty('yj');
  });
});
