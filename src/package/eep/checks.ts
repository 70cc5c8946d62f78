import type { IssueCode } from '../../report/messages/index.js';

/** One check of the `eep` profile: its id, the issue codes it owns, its DA/T 70 item. */
export interface EepCheckDefinition {
  readonly id: string;
  /** Issue codes (or `prefix.*`) whose errors fail the check. */
  readonly codes: readonly string[];
  readonly source: string;
}

/** The checks an `eep` report lists, in order (rules of standards-electronic.md §2.6). */
export const EEP_CHECKS: readonly EepCheckDefinition[] = [
  { id: 'eep.xml', codes: ['xml.*'], source: 'DA/T 70-2018 GD-3-1' },
  { id: 'eep.structure', codes: ['eep.root.*', 'eep.namespace.*', 'eep.element.*', 'eep.format-description.*'], source: 'DA/T 48-2009 附录A; DA/T 70-2018 GD-2-10' },
  { id: 'eep.version', codes: ['eep.version.*'], source: 'DA/T 48-2009 附录A (§2.6 rule 1)' },
  { id: 'eep.package-type', codes: ['eep.package-type.*'], source: 'DA/T 48-2009 附录A (§2.6 rules 2–3)' },
  { id: 'eep.metadata', codes: ['eep.metadata.*', 'eep.value.type', 'eep.value.inconsistent'], source: 'DA/T 46-2009; DA/T 70-2018 GD-2-3, GD-2-4, GD-1-3, GD-1-5' },
  { id: 'eep.value-domain', codes: ['eep.value.domain'], source: 'DA/T 46-2009; DA/T 70-2018 GD-1-4' },
  { id: 'eep.identifiers', codes: ['eep.id.*', 'eep.idref.*', 'eep.agent.*'], source: 'DA/T 48-2009 附录A (§2.6 rules 5, 8)' },
  { id: 'eep.content', codes: ['eep.content.*'], source: 'DA/T 48-2009 附录A (§2.6 rule 4); DA/T 70-2018 GD-1-10' },
  { id: 'eep.signature', codes: ['eep.signature.*'], source: 'DA/T 48-2009 附录A (§2.6 rules 6–7); DA/T 70-2018 GD-1-1' },
  // CA trust (chain, revocation via 证书引证) needs the CA: always a person's job.
  { id: 'eep.certificate-trust', codes: [], source: 'DA/T 70-2018 GD-1-1 (manual)' },
];

/** The DA/T 70-2018 item each code reports under (standards-electronic.md §5.1). */
export const EEP_DAT70_ITEMS: Readonly<Partial<Record<IssueCode, string>>> = {
  'xml.malformed': 'GD-3-1',
  'eep.element.missing': 'GD-2-10',
  'eep.metadata.missing': 'GD-2-3',
  'eep.metadata.empty': 'GD-2-4',
  'eep.value.type': 'GD-1-3',
  'eep.value.domain': 'GD-1-4',
  'eep.value.inconsistent': 'GD-1-5',
  'eep.content.size-mismatch': 'GD-1-10',
  'eep.content.base64-invalid': 'GD-3-4',
  'eep.signature.invalid': 'GD-1-1',
  'eep.signature.unverified': 'GD-1-1',
  'eep.signature.lock-missing': 'GD-1-1',
};

/**
 * Whether an issue code belongs to a check (exact code or `prefix.*`).
 *
 * @param check - A check definition.
 * @param code - An issue code.
 * @returns True when the check owns the code.
 * @example
 * ownsCode(EEP_CHECKS[0]!, 'xml.malformed') //=> true
 */
export function ownsCode(check: EepCheckDefinition, code: string): boolean {
  return check.codes.some((pattern) => (pattern.endsWith('.*') ? code.startsWith(pattern.slice(0, -1)) : code === pattern));
}
