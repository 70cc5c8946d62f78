/**
 * Every citation the built-in rules carry, each with where it sits: schedule
 * rows and counting rules, date rules (opening, secrecy, transfer, review,
 * period counting), 不归档 rules, holds, events, legacy suggestions,
 * classification schemes and the DA/T 93 其他/ documents. Build-time only (docs/sources.md and the
 * provenance test); not exported from the barrel.
 *
 * @module
 */
import { secrecyCeilings, type Citation } from '../../model/index.js';
import { classificationSchemes } from '../classification/schemes.js';
import { disposalHoldKinds } from '../disposalHolds.js';
import { legacySuggestions } from '../legacyMapping.js';
import { notArchived2006 } from '../notArchived.js';
import { OPENING_LAW, PERIOD_COUNTING, openingCategories } from '../openingDate.js';
import { OPENING_REVIEW_LAW } from '../openingReview.js';
import { FISCAL_YEAR } from '../retentionDates.js';
import { retentionEvents } from '../schedules/events.js';
import { SECRECY_COUNTING } from '../secrecyDates.js';
import { builtInSchedules } from '../schedules/index.js';
import { transferDeadlines } from '../transferDue.js';
import { OTHER_FOLDER_REQUIRED, otherFolderDocuments } from '../transferDocuments.js';

/** One citation and the rule it belongs to. */
export interface PlacedCitation {
  /** Where the citation sits, e.g. `schedule accounting-2015-enterprise a1-01`. */
  readonly where: string;
  /** The citation. */
  readonly citation: Citation;
}

/**
 * Collects every built-in citation.
 *
 * @returns The citations with their places, in a stable order.
 * @example
 * builtInCitations().some((c) => c.where === 'date rule 档案法 第二十七条') //=> true
 */
export function builtInCitations(): PlacedCitation[] {
  const placed: PlacedCitation[] = [];
  const add = (where: string, citation: Citation) => placed.push({ where, citation });
  for (const schedule of Object.values(builtInSchedules)) {
    add(`schedule ${schedule.id} counting`, schedule.counting.source);
    for (const rule of schedule.rules) add(`schedule ${schedule.id} ${rule.id}`, rule.source);
  }
  add('date rule 档案法 第二十七条', OPENING_LAW);
  add('date rule 民法典 期间计算', PERIOD_COUNTING);
  for (const [key, category] of Object.entries(openingCategories)) add(`date rule opening category ${key}`, category.source);
  add('date rule 保密期限起算', SECRECY_COUNTING);
  add('date rule 会计年度', FISCAL_YEAR);
  for (const ceiling of secrecyCeilings) add(`date rule secrecy ceiling ${ceiling.classification}`, ceiling.source);
  for (const [level, deadline] of Object.entries(transferDeadlines)) add(`date rule transfer ${level}`, deadline.source);
  add('date rule 开放审核', OPENING_REVIEW_LAW);
  for (const rule of notArchived2006) add(`not-archived ${rule.id}`, rule.source);
  for (const [kind, hold] of Object.entries(disposalHoldKinds)) add(`hold ${kind}`, hold.source);
  for (const [event, known] of Object.entries(retentionEvents)) add(`event ${event}`, known.source);
  for (const [term, suggestion] of Object.entries(legacySuggestions)) add(`legacy suggestion ${term}`, suggestion.source);
  for (const scheme of classificationSchemes) add(`classification scheme ${scheme.id}`, scheme.source);
  for (const document of otherFolderDocuments) add(`transfer package 其他/ ${document.name}`, document.source);
  add('transfer package 其他/ required', OTHER_FOLDER_REQUIRED);
  return placed;
}
