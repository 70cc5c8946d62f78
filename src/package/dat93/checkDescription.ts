import type { CheckRun } from '../checks/checkRun.js';
import { packageDescriptionKeyRules } from '../../formats/description/descriptionKeys.js';
import { parsePackageDescription, type ParsedPackageDescription } from '../../formats/description/parsePackageDescription.js';
import { duplicateKeyIssues } from '../../formats/description/duplicateKeyIssues.js';
import type { PackageSource } from '../source.js';
import { decodeText } from '../text/decodeText.js';

// 说明文件 is a few lines; anything larger is not one.
const MAX_DESCRIPTION_BYTES = 1024 * 1024;

const COUNT_NAME = { 'zh-CN': '非负整数', en: 'a non-negative integer' } as const;

/**
 * Reads 说明文件.TXT and checks it (DA/T 70-2018 GD-1-12; DA/T 93-2022
 * 附录B): UTF-8 or GB18030, `key: value` lines, the required keys present and
 * non-empty, counts written as integers.
 *
 * @param source - The package source.
 * @param path - Source path of 说明文件.TXT.
 * @param run - The check run.
 * @returns The parsed description, or `undefined` when it could not be read.
 * @example
 * const description = await checkDescription(source, '说明文件.TXT', run);
 * description?.values['档案数量'] //=> '2'
 */
export async function checkDescription(source: PackageSource, path: string, run: CheckRun): Promise<ParsedPackageDescription | undefined> {
  run.ran('package.description');
  let bytes: Uint8Array;
  try {
    bytes = await source.read(path, { maxBytes: MAX_DESCRIPTION_BYTES });
  } catch (error) {
    run.report('content.unreadable', { path, params: { reason: (error as Error).message } });
    return undefined;
  }
  const { text, encoding } = decodeText(bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    run.report('package.description-encoding', { path, expected: ['UTF-8', 'GB18030'], received: encoding.toUpperCase(), params: { encoding: encoding.toUpperCase() } });
    return undefined;
  }
  const description = parsePackageDescription(text);
  for (const location of description.malformedLines) run.report('package.description-line-malformed', { path, location });
  for (const issue of duplicateKeyIssues(description, path, run.locale)) run.adopt(issue, 'package.description');
  for (const rule of packageDescriptionKeyRules) {
    const field = description.fields.find((f) => f.key === rule.key);
    if (!field || field.value === '') {
      if (rule.required) run.report('package.description-key-missing', { path, ...(field ? { location: field.location } : {}), params: { key: rule.key } });
      continue;
    }
    if (rule.type === 'count' && !/^\d+$/.test(field.value)) {
      run.report('package.description-value-invalid', {
        path,
        location: field.location,
        received: field.value,
        params: { key: rule.key, value: field.value, expectedType: COUNT_NAME[run.locale] },
      });
    }
  }
  return description;
}
