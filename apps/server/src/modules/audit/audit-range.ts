import { AppError } from '../../lib/errors.js';
import { firstIdAt } from '../../lib/ids.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY = /^\d{4}-\d\d-\d\d$/;

/** The first instant a bound names: a day's midnight (UTC), or the instant itself. */
function startOf(bound: string): number {
  return Date.parse(DAY.test(bound) ? `${bound}T00:00:00.000Z` : bound);
}

/** The first instant after what a `to` bound names: the next day's midnight, or the next millisecond. */
function endOf(bound: string): number {
  return DAY.test(bound) ? startOf(bound) + DAY_MS : Date.parse(bound) + 1;
}

/**
 * The date-range filter (`from`, `to`, both inclusive; already checked to be dates or date-times by the contract)
 * as a range of event ids: ids start with their creation time (lib/ids.ts) and an event's id is made from the same
 * instant as its occurred_at (audit.writer.ts), so "from ≤ occurred_at ≤ to" is "firstIdAt(from) ≤ id <
 * firstIdAt(just after to)", which the indexes ending in id answer as one range.
 */
export function auditIdRange(from: string | undefined, to: string | undefined) {
  const start = from === undefined ? undefined : startOf(from);
  const end = to === undefined ? undefined : endOf(to);
  if (start !== undefined && end !== undefined && start >= end)
    throw AppError.validation('to', 'must not be before from');
  return {
    fromId: start === undefined ? undefined : firstIdAt('auditEvent', start),
    untilId: end === undefined ? undefined : firstIdAt('auditEvent', end),
  };
}
