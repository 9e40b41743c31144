import type { Executor } from '../db/database.js';
import { iso } from '../lib/time.js';

export interface StoredAnswer {
  fingerprint: string;
  statusCode: number | null;
  contentType: string | null;
  body: string | null;
}

/**
 * Claims a key for a request: one guarded insert (the primary key decides between concurrent retries, ARCHITECTURE
 * convention 3). An expired claim of the same key is cleared first. True when this request may run.
 */
export async function claimKey(
  db: Executor,
  claim: { id: string; fingerprint: string; now: Date; expiresAt: Date },
): Promise<boolean> {
  await db
    .deleteFrom('idempotency_keys')
    .where('id', '=', claim.id)
    .where('expires_at', '<=', iso(claim.now))
    .execute();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      id: claim.id,
      fingerprint: claim.fingerprint,
      status_code: null,
      content_type: null,
      body: null,
      created_at: iso(claim.now),
      expires_at: iso(claim.expiresAt),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findAnswer(db: Executor, id: string): Promise<StoredAnswer | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status_code', 'content_type', 'body'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && { fingerprint: row.fingerprint, statusCode: row.status_code, contentType: row.content_type, body: row.body }
  );
}

export async function storeAnswer(
  db: Executor,
  id: string,
  answer: { statusCode: number; contentType: string | null; body: string | null },
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: answer.statusCode, content_type: answer.contentType, body: answer.body })
    .where('id', '=', id)
    .execute();
}

/** A request that failed on our side leaves no answer to replay: its retry may run. */
export async function releaseKey(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('id', '=', id).where('status_code', 'is', null).execute();
}

export async function pruneIdempotencyKeys(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('expires_at', '<=', iso(now)).execute();
}
