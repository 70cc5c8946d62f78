import * as z from 'zod';
import { accessRecordSchema, accessMethodSchema } from './accessRecord.js';
import { activitySchema } from './activitySchema.js';
import { agentSchema } from './agentSchema.js';
import { archivalDateSchema } from './archivalDateSchema.js';
import { boxSchema } from './box.js';
import { catalogueEntrySchema } from './catalogueEntry.js';
import { archivalCategorySchema, categoryCodeSchema } from './categorySchema.js';
import { fondsSchema } from './fonds.js';
import { itemSchema } from './item.js';
import { openingReviewSchema } from './openingReview.js';
import { retentionPeriodSchema, retentionPeriodTextSchema } from './retentionPeriodSchema.js';
import {
  accessStatusSchema,
  dat46SecurityLevelSchema,
  secrecyMarkingSchema,
  securityClassificationSchema,
} from './securityClassificationSchema.js';
import { volumeSchema } from './volume.js';

/**
 * Every model schema by the name of its JSON Schema file
 * (`schemas/json/<name>.schema.json` in the package).
 *
 * @example
 * modelSchemas['catalogue-entry'].safeParse(row).success
 */
export const modelSchemas = {
  fonds: fondsSchema,
  'archival-category': archivalCategorySchema,
  'category-code': categoryCodeSchema,
  item: itemSchema,
  volume: volumeSchema,
  box: boxSchema,
  'catalogue-entry': catalogueEntrySchema,
  agent: agentSchema,
  activity: activitySchema,
  'access-record': accessRecordSchema,
  'access-method': accessMethodSchema,
  'archival-date': archivalDateSchema,
  'retention-period': retentionPeriodSchema,
  'retention-period-text': retentionPeriodTextSchema,
  'security-classification': securityClassificationSchema,
  'dat46-security-level': dat46SecurityLevelSchema,
  'secrecy-marking': secrecyMarkingSchema,
  'access-status': accessStatusSchema,
  'opening-review': openingReviewSchema,
} as const satisfies Record<string, z.ZodType>;

/** The name of a model in {@link modelSchemas}. */
export type ModelName = keyof typeof modelSchemas;

/**
 * Renders every model as a JSON Schema (draft 2020-12) file, generated from
 * its zod schema with `z.toJSONSchema`, so that systems in other languages
 * validate the same shapes. Checks that JSON Schema cannot express (calendar
 * dates, bracket pairing, cross-field rules) stay in the zod schemas; the JSON
 * documents keep the patterns and value lists. They describe the input side,
 * so unknown properties are allowed, as zod allows (and drops) them.
 *
 * @returns File name (`<name>.schema.json`) → file text (2-space JSON, final newline).
 * @example
 * JSON.parse(modelJsonSchemaFiles()['fonds.schema.json']).required //=> ['fondsName', 'creatingUnit']
 */
export function modelJsonSchemaFiles(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(modelSchemas).map(([name, schema]) => [
      `${name}.schema.json`,
      `${JSON.stringify(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }), null, 2)}\n`,
    ]),
  );
}
