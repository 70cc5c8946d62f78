import { parseArchivalDate } from '../../model/archivalDate.js';
import type { IssueLocation } from '../../report/issue.js';
import type { CheckRun } from '../checks/checkRun.js';
import { computerFileRules, dat46ElementRules, type MetadataValueType } from '../../formats/itemMetadata/dat46Elements.js';
import { findForbiddenCharacter } from '../../formats/itemMetadata/forbiddenCharacters.js';
import type { ItemMetadata } from '../../formats/itemMetadata/itemMetadataModel.js';
import { ITEM_METADATA_ROOT, type ItemMetadataReading } from '../../formats/itemMetadata/readItemMetadata.js';
import { isInDomain } from '../../formats/itemMetadata/valueDomains.js';
import { metadataValueTypes } from '../../formats/itemMetadata/valueTypes.js';

/** One value check: a DA/T 46 element rule with what the check needs resolved once, not per item. */
interface ValueRule {
  /** Key of the element's location in {@link ItemMetadataReading.locations}. */
  key: string;
  element: string;
  xpath: string;
  required: boolean;
  type: MetadataValueType;
  domain?: Parameters<typeof isInDomain>[1];
  maxLength: number;
}

interface ItemRule extends ValueRule {
  read: (metadata: ItemMetadata) => string | undefined;
}

interface FileRule extends Omit<ValueRule, 'key' | 'xpath'> {
  field: (typeof computerFileRules)[number]['field'];
}

const CHECKS = ['metadata.completeness', 'metadata.required', 'metadata.length', 'metadata.type', 'metadata.domain', 'metadata.characters', 'metadata.plausibility'] as const;

const ITEM_RULES: readonly ItemRule[] = dat46ElementRules.map((rule) => ({
  key: rule.path,
  element: rule.path.slice(rule.path.lastIndexOf('/') + 1),
  xpath: `/${ITEM_METADATA_ROOT}/${rule.path}`,
  required: rule.required,
  type: rule.type,
  ...(rule.domain !== undefined ? { domain: rule.domain } : {}),
  maxLength: rule.maxLength,
  read: fieldReader(rule.field),
}));

const FILE_RULES: readonly FileRule[] = computerFileRules.map((rule) => ({
  element: rule.element,
  field: rule.field,
  required: rule.required,
  type: rule.type,
  maxLength: rule.maxLength,
}));

/**
 * Runs the per-item metadata checks of DA/T 70-2018 on one 文件实体: required
 * elements present (GD-2-3) and non-empty (GD-2-4), lengths (GD-1-2), types
 * and formats (GD-1-3), value domains (GD-1-4), 年度 agreeing with 日期
 * (GD-1-5) and forbidden characters (GD-1-6). Every issue names the metadata
 * file and the element's line, column and XPath.
 *
 * @param reading - The metadata and element locations from `readItemMetadata`.
 * @param path - Source path of the metadata XML.
 * @param run - The check run.
 * @param rootLocation - Location of the root element, used for missing elements.
 * @example
 * checkItemMetadata(readItemMetadata(root), '0001/WS/A-1/电子档案元数据.XML', run, root.location)
 */
export function checkItemMetadata(reading: ItemMetadataReading, path: string, run: CheckRun, rootLocation: IssueLocation): void {
  for (const check of CHECKS) run.ran(check);
  const { metadata } = reading;
  // Locations are built only for an issue (most items have none): `place` and the rule say where, no closure per value.
  const place: Place = { path, reading, rootLocation, file: -1 };
  for (const rule of ITEM_RULES) checkValue(rule, rule.read(metadata), place, run);
  const files = metadata.files;
  for (let index = 0; index < files.length; index++) {
    const file = files[index] as ItemMetadata['files'][number];
    place.file = index;
    for (const rule of FILE_RULES) checkValue(rule, file[rule.field], place, run);
  }
  place.file = -1;
  if (metadata.files.length === 0) run.report('metadata.element-missing', { path, location: { ...rootLocation, xpath: `/${ITEM_METADATA_ROOT}` }, params: { element: '电子属性' } });
  const { itemNumber, archivesItemNumber } = metadata.archivalCode;
  if (itemNumber === undefined && archivesItemNumber === undefined) {
    // DA/T 48-2009 XSD: 档号 holds 室编件号 or 馆编件号 (a choice).
    run.report('metadata.element-missing', { ...at(place, '档号', `/${ITEM_METADATA_ROOT}/档号`), params: { element: '室编件号/馆编件号' } });
  }
  checkYearAgainstDate(metadata, run, place);
}

/** Where the values being checked come from: the file, its reading, and the 电子属性 (index) or −1 for the item's own values. */
interface Place {
  path: string;
  reading: ItemMetadataReading;
  rootLocation: IssueLocation;
  file: number;
}

type Where = { path: string; location: IssueLocation };

function at(place: Place, key: string, xpath: string): Where {
  return { path: place.path, location: { ...(place.reading.locations.get(key) ?? place.rootLocation), xpath } };
}

/** Where a rule's element is: an item rule's own key and XPath, or the rule's element in the current 电子属性. */
function where(rule: ItemRule | FileRule, place: Place): Where {
  if ('key' in rule) return at(place, rule.key, rule.xpath);
  return at(place, `files[${place.file}]/${rule.element}`, `/${ITEM_METADATA_ROOT}//电子属性[${place.file + 1}]/${rule.element}`);
}

function checkValue(rule: ItemRule | FileRule, value: string | undefined, place: Place, run: CheckRun): void {
  if (value === undefined) {
    if (rule.required) run.report('metadata.element-missing', { ...where(rule, place), params: { element: rule.element } });
    return;
  }
  if (value === '') {
    if (rule.required) run.report('metadata.element-empty', { ...where(rule, place), params: { element: rule.element } });
    return;
  }
  if (value.length > rule.maxLength) {
    run.report('metadata.too-long', { ...where(rule, place), expected: rule.maxLength, received: value.length, params: { element: rule.element, length: value.length, max: rule.maxLength } });
  }
  const type = metadataValueTypes[rule.type];
  if (!type.test(value)) {
    run.report('metadata.type-invalid', { ...where(rule, place), received: value, params: { element: rule.element, value, expectedType: type.name[run.locale] } });
  } else if (rule.type === 'date') {
    // DA/T 22-2015 §5.5 writes 8 digits; YYYY-MM-DD and [考证日期] are read, the extended form is flagged.
    const parsed = parseArchivalDate(value);
    if (parsed.ok && parsed.normalized.replace(/[[\]]/g, '') !== value.replace(/[[\]［］]/g, '')) {
      run.report('metadata.date-not-basic', { ...where(rule, place), received: value, expected: parsed.normalized, params: { value, normalized: parsed.normalized } });
    }
  } else if (rule.domain !== undefined && !isInDomain(value, rule.domain)) {
    run.report('metadata.value-out-of-domain', { ...where(rule, place), received: value, ...(Array.isArray(rule.domain) ? { expected: rule.domain } : {}), params: { element: rule.element, value } });
  }
  const character = findForbiddenCharacter(value);
  if (character) run.report('metadata.forbidden-character', { ...where(rule, place), received: character, params: { element: rule.element, character } });
}

// DA/T 70-2018 GD-1-5: 年度 is the year of the document's date (DA/T 22-2015 §6.1).
function checkYearAgainstDate(metadata: ItemMetadata, run: CheckRun, place: Place): void {
  const year = metadata.archivalCode.year;
  const date = metadata.description.date;
  if (year === undefined || date === undefined || !/^\d{4}$/.test(year)) return;
  const parsed = parseArchivalDate(date);
  if (parsed.ok && parsed.date.year !== Number(year)) {
    run.report('metadata.year-date-mismatch', { ...at(place, '内容描述/日期', `/${ITEM_METADATA_ROOT}/内容描述/日期`), expected: year, received: date, params: { year, date } });
  }
}

/** Reads a `<group>.<field>` or top-level field of {@link ItemMetadata} as a string. */
function fieldReader(field: string): (metadata: ItemMetadata) => string | undefined {
  const [group = '', key] = field.split('.');
  return (metadata) => {
    const holder = (key === undefined ? metadata : (metadata as unknown as Record<string, unknown>)[group]) as Record<string, unknown>;
    const value = holder[key ?? group];
    return typeof value === 'string' ? value : undefined;
  };
}
