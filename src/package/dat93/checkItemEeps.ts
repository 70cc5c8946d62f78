import { defaultLimits } from '../limits.js';
import type { SeverityOverrides } from '../../report/severityPolicy.js';
import type { CheckRun, CheckSeverityOverride } from '../checks/checkRun.js';
import { EEP_CHECKS } from '../eep/checks.js';
import type { ValidateEepOptions } from '../eep/context.js';
import type { PackageSource } from '../source.js';
import type { PackageLayout } from '../layout/packageLayout.js';
import { mapLimit } from '../mapLimit.js';

/** Options of {@link checkItemEeps}. */
export interface CheckItemEepsOptions {
  /** Most `.eep` files read at once is the lesser of this and 4. */
  jobs?: number;
  /** Verifies EEP signatures; without it they stay `manual` (never `passed`). */
  verifySignature?: ValidateEepOptions['verifySignature'];
  /** The package's severity overrides; those keyed by an `eep` check id apply to the issues of that check in every `.eep`. */
  severity?: Readonly<Partial<Record<string, CheckSeverityOverride>>>;
  /** Largest `.eep` read (default `limits.maxXmlBytes`). */
  maxXmlBytes?: number;
  /** As `ValidateEepOptions.allowWeakSignatures`. */
  allowWeakSignatures?: boolean;
}

const EEP = /\.eep$/i;
const EEP_CHECK_IDS: ReadonlySet<string> = new Set(EEP_CHECKS.map((check) => check.id));
// A few reads in flight overlap I/O; each EEP is parsed whole, so not many at once.
const PARALLEL_EEPS = 4;

/**
 * Validates every `.eep` file in the item folders of a dat93 package
 * (DA/T 93-2022 附录B: an item may be carried as a DA/T 48-2009 电子文件封装包;
 * DA/T 70-2018 GD-2-10: EEP packages are also checked against DA/T 48) with
 * `validateEepEntry`, and adds each issue to the package report under its
 * check (`eep.*` codes under `eep.packages`, `xml.*` under the XML checks),
 * carrying the entry's path, read under the run's XML limits and the
 * package's overrides of `eep` checks (`severity: { 'eep.value-domain': 'off' }`
 * reaches every `.eep` in the package). The check runs (and passes) when
 * there is no `.eep`.
 *
 * @param source - The package source.
 * @param layout - The mapped layout.
 * @param run - The check run.
 * @param options - The signature verifier, if any, and the severity overrides.
 * @returns Resolves when every `.eep` is checked; never rejects on bad input.
 * @example
 * await checkItemEeps(source, layout, run, { verifySignature });
 */
export async function checkItemEeps(
  source: PackageSource,
  layout: Pick<PackageLayout, 'itemFolders'>,
  run: CheckRun,
  options: CheckItemEepsOptions = {},
): Promise<void> {
  if (!run.enabled('eep.packages')) return;
  run.ran('eep.packages');
  const eeps = layout.itemFolders.flatMap((folder) => folder.contentFiles).filter((entry) => entry.kind === 'file' && EEP.test(entry.path));
  const eepOptions: ValidateEepOptions = {
    locale: run.locale,
    // The package's XML limits reach every XML it holds (docs/security.md), EEPs included.
    limits: run.xmlLimits,
    // 其他/固化验证信息.XML digests each item file, EEPs included: no eep.unsigned here.
    packageFixity: true,
    ...(options.verifySignature ? { verifySignature: options.verifySignature } : {}),
    severity: eepOverrides(options.severity),
    ...(options.allowWeakSignatures ? { allowWeakSignatures: true } : {}),
  };
  if (eeps.length === 0) return;
  // The EEP validator loads when a package holds an EEP (start-up, issue 22).
  const { validateEepEntry } = await import('../eep/validateEepEntry.js');
  const maxBytes = options.maxXmlBytes ?? run.xmlLimits.maxXmlBytes;
  // Small files in parallel; a large one (its bytes, its text and its Base64 content all held at once)
  // alone, so the memory of a few large EEPs is not multiplied (docs/security.md, bounded readers).
  const large = (run.xmlLimits.maxReadAheadBytes ?? defaultLimits.maxReadAheadBytes) / PARALLEL_EEPS;
  const validate = (entry: (typeof eeps)[number]) => validateEepEntry(source, entry.path, eepOptions, maxBytes);
  const reports = await mapLimit(eeps, Math.max(1, Math.min(options.jobs ?? PARALLEL_EEPS, PARALLEL_EEPS)), async (entry) => (entry.size > large ? undefined : validate(entry)));
  for (const [i, entry] of eeps.entries()) if (reports[i] === undefined) reports[i] = await validate(entry);
  for (const report of reports) for (const issue of report?.issues ?? []) run.adopt(issue, 'eep.packages');
}

/** The overrides keyed by an `eep` check id (`{ 'eep.value-domain': 'warning' }`), for the EEP validator. */
function eepOverrides(severity: CheckItemEepsOptions['severity'] = {}): SeverityOverrides {
  return Object.fromEntries(Object.entries(severity).filter(([id]) => EEP_CHECK_IDS.has(id)));
}
