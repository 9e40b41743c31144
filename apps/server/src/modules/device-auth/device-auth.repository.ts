import type { Insertable, Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Database } from '../../db/types.js';
import { iso } from '../../lib/time.js';

// All SQL of the desktop sign-in: device authorization requests (RFC 8628) and the tokens they become.

export async function insertAuthorization(
  db: Executor,
  row: Insertable<Database['device_authorizations']>,
): Promise<void> {
  await db.insertInto('device_authorizations').values(row).execute();
}

export async function findAuthorizationByCodeHash(db: Executor, deviceCodeHash: string) {
  return db
    .selectFrom('device_authorizations')
    .selectAll()
    .where('device_code_hash', '=', deviceCodeHash)
    .executeTakeFirst();
}

export type AuthorizationRow = NonNullable<Awaited<ReturnType<typeof findAuthorizationByCodeHash>>>;

/**
 * The newest request with this user code: the pending one when there is one (the unique index allows only one),
 * else the last one decided. Codes are reused once their request is no longer pending.
 */
export async function findLatestByUserCode(db: Executor, userCode: string) {
  return db
    .selectFrom('device_authorizations')
    .selectAll()
    .where('user_code', '=', userCode)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function recordPoll(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('device_authorizations')
    .set({ last_polled_at: iso(now) })
    .where('id', '=', id)
    .execute();
}

/** RFC 8628 §3.5: after `slow_down` the interval grows by 5 seconds "for this and all subsequent requests". */
export async function slowDown(db: Executor, id: string, stepSeconds: number, now: Date): Promise<void> {
  await db
    .updateTable('device_authorizations')
    .set((eb) => ({ interval_seconds: eb('interval_seconds', '+', stepSeconds), last_polled_at: iso(now) }))
    .where('id', '=', id)
    .execute();
}

/** A decision is a claim: only a pending, unexpired request changes, so two decisions cannot both win. */
export async function decideAuthorization(
  db: Executor,
  id: string,
  decision: { status: 'approved' | 'denied'; userId: string },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('device_authorizations')
    .set({ status: decision.status, user_id: decision.userId, decided_at: iso(now) })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('expires_at', '>', iso(now))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The token is issued once: approved → consumed in one guarded statement; a concurrent poll changes nothing. */
export async function consumeAuthorization(trx: Transaction<Database>, id: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('device_authorizations')
    .set({ status: 'consumed' })
    .where('id', '=', id)
    .where('status', '=', 'approved')
    .where('expires_at', '>', iso(now))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Requests nobody will poll again: expired and never turned into a token (consumed ones are a token's origin). */
export async function deleteStaleAuthorizations(db: Executor, expiredBefore: Date): Promise<void> {
  await db
    .deleteFrom('device_authorizations')
    .where('status', '!=', 'consumed')
    .where('expires_at', '<', iso(expiredBefore))
    .execute();
}

// ---- Tokens ------------------------------------------------------------------------------------------------------

export async function insertToken(
  trx: Transaction<Database>,
  row: Insertable<Database['device_tokens']>,
): Promise<void> {
  await trx.insertInto('device_tokens').values(row).execute();
}

/** The bearer check of every desktop request: the token by its hash, with its user (compiled once, prepared). */
export function tokenByHashQuery(db: Executor) {
  return db
    .selectFrom('device_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([
      't.id as tokenId',
      't.scopes',
      't.expires_at as expiresAt',
      't.last_used_at as lastUsedAt',
      'u.id as userId',
      'u.name',
      'u.email',
      'u.email_verified as emailVerified',
      'u.is_operator as isOperator',
      'u.created_at as createdAt',
    ])
    .where('t.token_hash', '=', '')
    .where('t.revoked_at', 'is', null);
}

export type TokenRow = NonNullable<Awaited<ReturnType<ReturnType<typeof tokenByHashQuery>['executeTakeFirst']>>>;

/**
 * Marks a token used and extends its life. Guarded by the last use, so however many requests see a day-old mark at
 * once, one of them writes.
 */
export async function touchToken(
  db: Executor,
  id: string,
  times: { now: Date; expiresAt: Date; usedBefore: Date },
): Promise<void> {
  await db
    .updateTable('device_tokens')
    .set({ last_used_at: iso(times.now), expires_at: iso(times.expiresAt) })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', iso(times.usedBefore))]))
    .execute();
}

/** A user's signed-in devices: tokens neither revoked nor expired, newest first. */
export async function listActiveTokens(db: Executor, userId: string, now: Date) {
  return db
    .selectFrom('device_tokens')
    .select(['id', 'application', 'machine_name', 'platform', 'created_at', 'last_used_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', iso(now))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Revokes one of a user's live tokens; answers what the audit event names, or undefined when there is none. */
export async function revokeToken(trx: Transaction<Database>, userId: string, tokenId: string, now: Date) {
  return trx
    .updateTable('device_tokens')
    .set({ revoked_at: iso(now) })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', iso(now))
    .returning(['id', 'application', 'machine_name'])
    .executeTakeFirst();
}
