import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { AppError } from './errors.js';

export interface RateRule {
  limit: number;
  windowMs: number;
}

/**
 * The limits of SPEC §2.1. They live in the database, like everything else a second server instance must see.
 * Keys are hashed so the table holds no email addresses.
 */
export const DEFAULT_RATE_RULES = {
  signInPerIp: { limit: 60, windowMs: 60_000 },
  signInPerAccount: { limit: 10, windowMs: 15 * 60_000 },
  signUpPerIp: { limit: 20, windowMs: 3_600_000 },
  emailPerAddress: { limit: 5, windowMs: 3_600_000 },
  emailPerIp: { limit: 30, windowMs: 3_600_000 },
  tokenPerIp: { limit: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, RateRule>;

export type RateRules = typeof DEFAULT_RATE_RULES;

/**
 * Counts one hit in a fixed window with a single upsert (atomic on both dialects) and refuses past the limit
 * with 429 and Retry-After.
 */
export async function consumeRate(db: Executor, key: string, rule: RateRule, now: Date): Promise<void> {
  const hashed = createHash('sha256').update(key).digest('base64url');
  const nowMs = now.getTime();
  const windowOpenedBefore = nowMs - rule.windowMs;
  const { rows } = await sql<{ hits: number; window_start: number }>`
    insert into rate_limits (key, window_start, hits) values (${hashed}, ${nowMs}, 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start <= ${windowOpenedBefore} then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start <= ${windowOpenedBefore} then ${nowMs} else rate_limits.window_start end
    returning hits, window_start`.execute(db);
  const row = rows[0];
  if (row && Number(row.hits) > rule.limit) {
    throw AppError.rateLimited((Number(row.window_start) + rule.windowMs - nowMs) / 1000);
  }
}

export async function pruneRateLimits(db: Executor, now: Date, olderThanMs = 86_400_000): Promise<void> {
  await db
    .deleteFrom('rate_limits')
    .where('window_start', '<', now.getTime() - olderThanMs)
    .execute();
}
