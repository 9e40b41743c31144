import type { Executor } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';
import { countHit, deleteWindowsBefore } from './rate-limits.repository.js';

export interface RateRule {
  limit: number;
  windowMs: number;
}

/**
 * The limits of SPEC §2.1. They live in the database, like everything else a second server instance must see, so
 * any service (not only an HTTP route) can count against them: a CLI command or a worker shares the same windows.
 */
export const DEFAULT_RATE_RULES = {
  signInPerIp: { limit: 60, windowMs: 60_000 },
  signInPerAccount: { limit: 10, windowMs: 15 * 60_000 },
  signUpPerIp: { limit: 20, windowMs: 3_600_000 },
  emailPerAddress: { limit: 5, windowMs: 3_600_000 },
  emailPerIp: { limit: 30, windowMs: 3_600_000 },
  tokenPerIp: { limit: 30, windowMs: 15 * 60_000 },
  // A desktop sign-in starts with a code: generous, as an office of 500 may sit behind one address.
  deviceCodePerIp: { limit: 600, windowMs: 3_600_000 },
  // Looking up or deciding a user code on the /device page: against guessing codes.
  deviceLookupPerUser: { limit: 30, windowMs: 10 * 60_000 },
} satisfies Record<string, RateRule>;

export type RateRules = typeof DEFAULT_RATE_RULES;

/** Seconds until a window that opened at `windowStart` closes, as Retry-After says it (at least 1). */
export function retryAfterSeconds(windowStart: number, rule: RateRule, now: Date): number {
  return (windowStart + rule.windowMs - now.getTime()) / 1000;
}

/** Counts one hit against `rule` and refuses past its limit with 429 and Retry-After. */
export async function consumeRate(db: Executor, key: string, rule: RateRule, now: Date): Promise<void> {
  const { hits, windowStart } = await countHit(db, key, rule.windowMs, now);
  if (hits > rule.limit) throw AppError.rateLimited(retryAfterSeconds(windowStart, rule, now));
}

/** Hourly housekeeping: windows that closed a day ago matter to nobody. */
export async function pruneRateLimits(db: Executor, now: Date, olderThanMs = 86_400_000): Promise<void> {
  await deleteWindowsBefore(db, now.getTime() - olderThanMs);
}
