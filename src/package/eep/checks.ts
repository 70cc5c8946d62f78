import { EEP_FORMAT_CHECKS, type EepCheckDefinition } from '../../formats/eep/checks.js';
import { packageChecks } from '../checks/registry.js';

export { EEP_DAT70_ITEMS, eepCheckOfIssueCode, eepSeverityPolicy, ownsCode, type EepCheckDefinition } from '../../formats/eep/checks.js';

/** A manual check the `eep` report shares with `dat93`: the same DA/T 70 item, listed under the same id. */
function sharedManual<const Id extends 'security.antivirus-installed' | 'security.virus-scan' | 'carrier.read-speed' | 'carrier.appearance' | 'content.readable'>(id: Id) {
  const { stage: _stage, ...definition } = packageChecks[id];
  return { id, ...definition };
}

/**
 * The checks an `eep` report lists, in order: the checks of the EEP format
 * (DA/T 48-2009 附录A), then the DA/T 70 checks a person has to do (`manual`,
 * never `passed`), under the same ids as in `dat93`.
 *
 * @example
 * EEP_CHECKS.find((c) => c.id === 'eep.content')?.dat70 //=> 'GD-1-10'
 */
export const EEP_CHECKS = [
  ...EEP_FORMAT_CHECKS,
  sharedManual('content.readable'),
  sharedManual('security.antivirus-installed'),
  sharedManual('security.virus-scan'),
  sharedManual('carrier.read-speed'),
  sharedManual('carrier.appearance'),
] as const satisfies readonly EepCheckDefinition[];

/** Stable id of an `eep` check. */
export type EepCheckId = (typeof EEP_CHECKS)[number]['id'];
