import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInCitations } from '../../src/rules/_build/builtInCitations.js';
import { renderSources } from '../../src/rules/_build/renderSources.js';
import { meetsVerifiedBar, sourceRegister } from '../../src/rules/index.js';
import { checkConfidence } from '../../src/package/checks/evidence.js';
import { packageChecks } from '../../src/package/checks/registry.js';
import { EEP_CHECKS } from '../../src/package/eep/checks.js';

// Primary texts vendored from LawRefBook/Laws (commit 2f4c5c2), by source-register id.
const lawDir = join(import.meta.dirname, '../fixtures/laws');
const LAW_FILES: Record<string, string> = {
  'law-archives-2020': '档案法(2020-06-20).md',
  'law-archives-regs-2024': '档案法实施条例(2024-01-12).md',
  'law-secrets-2024': '保守国家秘密法(2024-02-27).md',
  'law-secrets-regs-2024': '保守国家秘密法实施条例(2024-07-10).md',
  'law-accounting-2024': '会计法(2024-06-28).md',
};
const lawText = (id: string) => readFileSync(join(lawDir, LAW_FILES[id]!), 'utf8');
const placed = builtInCitations();

describe('provenance: every rule row, date rule and check names its source', () => {
  it('collects the rows of every schedule and every date rule', () => {
    expect(placed.length).toBeGreaterThan(150);
    for (const where of ['date rule 档案法 第二十七条', 'date rule transfer county', 'date rule 开放审核', 'date rule secrecy ceiling 绝密', 'date rule 保密期限起算']) {
      expect(placed.map((p) => p.where)).toContain(where);
    }
  });

  it.each(placed.map((p) => [p.where, p.citation] as const))('%s carries a source, a confidence and a basis from the register', (_where, citation) => {
    expect(citation.standard.trim()).not.toBe('');
    expect(['verified', 'single-source', 'inferred']).toContain(citation.confidence);
    expect(citation.basis?.length ?? 0).toBeGreaterThan(0);
    for (const id of citation.basis ?? []) expect(sourceRegister, id).toHaveProperty([id]);
  });

  it('marks `verified` only where a primary text or two independent reproductions agree', () => {
    const overclaimed = placed.filter((p) => p.citation.confidence === 'verified' && !meetsVerifiedBar(p.citation)).map((p) => p.where);
    expect(overclaimed).toEqual([]);
  });

  it('quotes primary texts word for word', () => {
    const quoted = placed.filter((p) => p.citation.quote !== undefined && p.citation.basis?.some((id) => id in LAW_FILES));
    expect(quoted.length).toBeGreaterThanOrEqual(6);
    for (const { where, citation } of quoted) {
      const law = citation.basis!.find((id) => id in LAW_FILES)!;
      expect(lawText(law), where).toContain(citation.quote);
      expect(lawText(law), where).toContain(citation.clause!.split('、')[0]);
    }
  });

  it('vendors every primary text the register names', () => {
    const primary = Object.values(sourceRegister).filter((s) => s.kind === 'primary').map((s) => s.id);
    expect(primary.sort()).toEqual(Object.keys(LAW_FILES).sort());
    expect(readdirSync(lawDir)).toEqual(expect.arrayContaining(Object.values(LAW_FILES)));
  });

  it('lists every source relied on in docs/sources.md, and none that is not relied on', () => {
    const page = readFileSync(join(import.meta.dirname, '../../docs/sources.md'), 'utf8');
    expect(page).toBe(renderSources());
    const cited = new Set(placed.flatMap((p) => p.citation.basis ?? []));
    for (const id of Object.keys(sourceRegister)) {
      expect(page).toContain(`\`${id}\``);
      expect(cited.has(id), `${id} is in the register but no rule cites it`).toBe(true);
    }
  });

  it.each([...Object.entries(packageChecks), ...EEP_CHECKS.map((c) => [c.id, c] as const)])('check %s names the clause it rests on and a confidence', (id, check) => {
    expect(check.source.trim(), id).not.toBe('');
    expect(['verified', 'single-source', 'inferred']).toContain(checkConfidence(id, check));
  });

  it('check confidence follows the DA/T 70 evidence and the inferred notes', () => {
    expect(checkConfidence('fixity.digest', packageChecks['fixity.digest'])).toBe('verified');
    expect(checkConfidence('content.link', packageChecks['content.link'])).toBe('single-source');
    expect(checkConfidence('metadata.length', packageChecks['metadata.length'])).toBe('inferred');
    expect(checkConfidence('carrier.read-speed', packageChecks['carrier.read-speed'])).toBe('inferred');
  });
});
