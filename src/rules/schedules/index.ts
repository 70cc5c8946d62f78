import type { RetentionSchedule } from '../schedule.js';
import { accounting1998Enterprise } from './accounting1998Enterprise.js';
import { accounting2015Enterprise } from './accounting2015Enterprise.js';
import { accounting2015Administrative, accounting2015GeneralBudget, accounting2015Tax } from './accounting2015Public.js';
import { documentary2006 } from './documentary2006.js';
import { enterprise2012 } from './enterprise2012.js';
import { legacy1987 } from './legacy1987.js';
import { marriage2006 } from './marriage2006.js';
import { socialInsurance2009 } from './socialInsurance2009.js';
import { subsistence2008 } from './subsistence2008.js';

export { accounting1998Enterprise } from './accounting1998Enterprise.js';
export { accounting2015Enterprise } from './accounting2015Enterprise.js';
export {
  accounting2015Administrative,
  accounting2015Appendix2,
  accounting2015GeneralBudget,
  accounting2015Tax,
  appendix2Confidence,
  type Appendix2Column,
  type Appendix2Row,
} from './accounting2015Public.js';
export { documentary2006 } from './documentary2006.js';
export { enterprise2012 } from './enterprise2012.js';
export { legacy1987 } from './legacy1987.js';
export { marriage2006 } from './marriage2006.js';
export { socialInsurance2009 } from './socialInsurance2009.js';
export { subsistence2008 } from './subsistence2008.js';
export { retentionEventLabel, retentionEvents, type RetentionEvent } from './events.js';

/**
 * Every built-in schedule, keyed by id.
 *
 * @example
 * Object.keys(builtInSchedules).includes('accounting-2015-enterprise') //=> true
 */
export const builtInSchedules: Readonly<Record<string, RetentionSchedule>> = Object.fromEntries(
  [
    documentary2006,
    enterprise2012,
    accounting2015Enterprise,
    accounting2015GeneralBudget,
    accounting2015Administrative,
    accounting2015Tax,
    accounting1998Enterprise,
    marriage2006,
    socialInsurance2009,
    subsistence2008,
    legacy1987,
  ].map((s) => [s.id, s]),
);
