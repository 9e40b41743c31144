import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/**
 * Counts one hit of `key` in a fixed window with a single upsert (atomic on both dialects): a window older than
 * `windowMs` starts again at 1. Keys are hashed so the table holds no email addresses.
 */
export async function countHit(
  db: Executor,
  key: string,
  windowMs: number,
  now: Date,
): Promise<{ hits: number; windowStart: number }> {
  const hashed = createHash('sha256').update(key).digest('base64url');
  const nowMs = now.getTime();
  const windowOpenedBefore = nowMs - windowMs;
  const { rows } = await sql<{ hits: number; window_start: number }>`
    insert into rate_limits (key, window_start, hits) values (${hashed}, ${nowMs}, 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start <= ${windowOpenedBefore} then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start <= ${windowOpenedBefore} then ${nowMs} else rate_limits.window_start end
    returning hits, window_start`.execute(db);
  const row = rows[0];
  return { hits: Number(row?.hits ?? 0), windowStart: Number(row?.window_start ?? nowMs) };
}

export async function deleteWindowsBefore(db: Executor, beforeMs: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', beforeMs).execute();
}
