import { describe, expect, it } from 'vitest';
import { describePackageCheck, packageCheckOfIssue } from '../../../src/package/checks/describeCheck.js';
import { packageChecks, type CheckDefinition } from '../../../src/package/checks/registry.js';
import { EEP_CHECKS, eepCheckOfIssueCode, eepSeverityPolicy } from '../../../src/package/eep/checks.js';
import { validateEep } from '../../../src/package/eep/validateEep.js';
import type { PackageSource } from '../../../src/package/source.js';
import { validatePackage } from '../../../src/package/validatePackage.js';
import { createIssue } from '../../../src/report/createIssue.js';
import { issueCatalogue } from '../../../src/report/messages/index.js';
import type { Report } from '../../../src/report/report.js';
import { writeEep } from '../../../src/formats/eep/writeEep.js';
import { sampleItem } from '../../export/eep/sampleItem.js';

const sampleText = new TextDecoder().decode(writeEep(sampleItem()));
const encoder = new TextEncoder();
const statusOf = (report: Report, id: string) => report.checks.find((c) => c.id === id)?.status;
/** The issues but the `eep.unsigned` note the unsigned sample always carries (test/package/eep/validateEep.test.ts). */
const planted = (report: Report) => report.issues.filter((i) => i.code !== 'eep.unsigned');
/** The sample with 密级 and 文种 outside their domains: one error and one info of `eep.value-domain`. */
const twoDomainFaults = encoder.encode(sampleText.replace('<密级>公开<', '<密级>甲级<').replace('<文种>通知<', '<文种>纪要<'));
const MANUAL = ['eep.certificate-trust', 'content.readable', 'security.antivirus-installed', 'security.virus-scan', 'carrier.read-speed', 'carrier.appearance'];

function memorySource(files: Record<string, Uint8Array>): PackageSource {
  return {
    name: 'memory',
    entries: async () => Object.entries(files).map(([path, bytes]) => ({ path, kind: 'file' as const, size: bytes.length })),
    read: async (path) => files[path]!,
    stream: async function* (path) {
      yield files[path]!;
    },
    digest: async function* () {},
  };
}

describe('EEP_CHECKS', () => {
  it('gives every check the dat93 shape: id, DA/T 70 item, aspect, default severity, mode, title, source', () => {
    const ids = EEP_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of EEP_CHECKS) {
      expect(['authenticity', 'integrity', 'usability', 'security'], check.id).toContain(check.aspect);
      expect(['error', 'warning', 'info'], check.id).toContain(check.severity);
      expect(check.dat70, check.id).toMatch(/^GD-[1-4]-\d+$/);
      expect(check.title['zh-CN'].length * check.title.en.length, check.id).toBeGreaterThan(0);
      expect(check.source.length, check.id).toBeGreaterThan(0);
      // A manual check has codes only when a caller's engine can do it (GD-4-1/GD-4-2 with an antivirus engine).
      expect(check.mode === 'manual' ? check.codes.every((code) => code.startsWith('antivirus.')) : check.codes.length > 0, check.id).toBe(true);
      // A DA/T 70 GD-n item belongs to the n-th property (§4): 1 真实性, 2 完整性, 3 可用性, 4 安全性.
      const aspectOfItem = ['authenticity', 'integrity', 'usability', 'security'][Number(check.dat70.split('-')[1]) - 1];
      expect(check.aspect, check.id).toBe(aspectOfItem);
    }
    expect(EEP_CHECKS.filter((c) => c.mode === 'manual').map((c) => c.id)).toEqual(MANUAL);
  });

  it('shares the manual checks with dat93 under the same ids and items', () => {
    for (const id of MANUAL.filter((i) => i !== 'eep.certificate-trust')) {
      const eep = EEP_CHECKS.find((c) => c.id === id)!;
      const dat93: CheckDefinition = packageChecks[id as keyof typeof packageChecks];
      expect([eep.dat70, eep.aspect, eep.mode, eep.title.en]).toEqual([dat93.dat70, dat93.aspect, 'manual', dat93.title.en]);
    }
  });

  it('owns every EEP validation code and every XML code exactly once, and lists only catalogued codes', () => {
    const validationCodes = Object.keys(issueCatalogue).filter((c) => (c.startsWith('eep.') && !c.startsWith('eep.sign.')) || c.startsWith('xml.'));
    for (const code of validationCodes) {
      const owners = EEP_CHECKS.filter((check) => check.codes.some((p) => (p.endsWith('*') ? code.startsWith(p.slice(0, -1)) : p === code)));
      expect(owners.map((c) => c.id), code).toHaveLength(1);
      expect(eepCheckOfIssueCode(code), code).toBe(owners[0]!.id);
    }
    for (const pattern of EEP_CHECKS.flatMap((c) => c.codes as readonly string[])) {
      const catalogued = pattern.endsWith('*') ? validationCodes.some((c) => c.startsWith(pattern.slice(0, -1))) : Object.hasOwn(issueCatalogue, pattern);
      expect(catalogued, pattern).toBe(true);
    }
    expect(eepCheckOfIssueCode('eep.value.domain')).toBe('eep.value-domain');
    expect(eepCheckOfIssueCode('eep.value.type')).toBe('eep.metadata');
    expect(eepCheckOfIssueCode('fixity.mismatch')).toBeUndefined();
  });

  it('is described for the JUnit and SARIF formatters like a dat93 check', () => {
    expect(describePackageCheck('eep.content', 'en')).toEqual({
      title: 'Content is Base64 and decodes to exactly 计算机文件大小 bytes',
      aspect: 'authenticity',
      severity: 'error',
      dat70: 'GD-1-10',
      confidence: 'single-source',
    });
    expect(describePackageCheck('eep.xml')?.aspect).toBe('usability');
  });
});

describe('eep report: manual checks', () => {
  it('lists CA trust, antivirus, virus scan and carrier checks as manual, never passed, signed or not, parsed or not', async () => {
    for (const bytes of [encoder.encode(sampleText), encoder.encode('<a>')]) {
      const report = await validateEep(bytes);
      for (const id of MANUAL) expect(statusOf(report, id), id).toBe('manual');
      expect(report.checks.map((c) => c.id)).toEqual(EEP_CHECKS.map((c) => c.id));
    }
  });
});

describe('eep severity per check', () => {
  it('applies a check override to every issue of the check, keeps a code override above it', async () => {
    const plain = await validateEep(twoDomainFaults);
    expect(planted(plain).map((i) => i.severity).sort()).toEqual(['error', 'info']);
    expect(statusOf(plain, 'eep.value-domain')).toBe('failed');

    const relaxed = await validateEep(twoDomainFaults, { severity: { 'eep.value-domain': 'warning' } });
    expect(planted(relaxed).map((i) => i.severity)).toEqual(['warning', 'warning']);
    expect(relaxed.valid).toBe(true);
    expect(statusOf(relaxed, 'eep.value-domain')).toBe('passed');

    const byCode = await validateEep(twoDomainFaults, { severity: { 'eep.value-domain': 'warning', 'eep.value.domain': 'error' } });
    expect(planted(byCode).map((i) => i.severity)).toEqual(['error', 'error']);
  });

  it('turns a check off: its issues are dropped and it is listed as skipped', async () => {
    const report = await validateEep(twoDomainFaults, { severity: { 'eep.value-domain': 'off' } });
    expect(planted(report)).toEqual([]);
    expect(statusOf(report, 'eep.value-domain')).toBe('skipped');
    expect(statusOf(report, 'eep.content')).toBe('passed');
    const xmlOff = await validateEep(encoder.encode(sampleText.replace('<电子文件封装包', '<!DOCTYPE x [<!ENTITY a "b">]>\n<电子文件封装包')), { severity: { 'eep.xml': 'warning' } });
    expect(xmlOff.issues.map((i) => [i.code, i.severity])).toEqual([['xml.doctype-forbidden', 'warning']]);
  });

  it('reaches the eep profile through validatePackage’s per-check options', async () => {
    const source = memorySource({ 'a.eep': twoDomainFaults });
    const strict = await validatePackage(source, { profile: 'eep' });
    expect(strict.valid).toBe(false);
    const relaxed = await validatePackage(source, { profile: 'eep', severity: { 'eep.value-domain': 'warning' } });
    expect(relaxed.profile).toBe('eep');
    expect(relaxed.valid).toBe(true);
    expect(planted(relaxed).map((i) => [i.code, i.severity, i.path])).toEqual([
      ['eep.value.domain', 'warning', 'a.eep'],
      ['eep.value.domain', 'warning', 'a.eep'],
    ]);
    const off = await validatePackage(source, { severity: { 'eep.value-domain': 'off' } });
    expect(planted(off)).toEqual([]);
    expect(statusOf(off, 'eep.value-domain')).toBe('skipped');
  });

  it('leaves issues of codes no check owns as they are', () => {
    const policy = eepSeverityPolicy({ 'eep.content': 'off' });
    const foreign = createIssue('input.unreadable', { params: { reason: 'x' } });
    expect(policy(foreign)).toBe(foreign);
  });
});

describe('packageCheckOfIssue', () => {
  it('groups an eep report by the EEP checks and any other report by the dat93 registry', () => {
    expect(packageCheckOfIssue({ code: 'eep.value.domain' }, 'eep')).toBe('eep.value-domain');
    expect(packageCheckOfIssue({ code: 'xml.doctype-forbidden' }, 'eep')).toBe('eep.xml');
    expect(packageCheckOfIssue({ code: 'eep.value.domain' }, 'dat93')).toBe('eep.packages');
    expect(packageCheckOfIssue({ code: 'content.missing' })).toBe('content.link');
  });
});
