import type { DatabaseHandle, Executor } from '../../db/database.js';
import { prepareFirst } from '../../db/prepared.js';
import { iso } from '../../lib/time.js';

/**
 * SPEC §2.1: the first account becomes an operator. The claim is an insert guarded by the flag's primary key,
 * so when two first sign-ups race exactly one wins. Pass the sign-up's transaction.
 */
export async function claimFirstOperator(db: Executor, userId: string, at: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('instance_flags')
    .values({ name: 'first_operator', value: userId, created_at: iso(at) })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  await db.updateTable('users').set({ is_operator: 1 }).where('id', '=', userId).execute();
  return true;
}

function sessionByTokenQuery(db: Executor, token: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.expires_at as expiresAt',
      'u.id as userId',
      'u.name',
      'u.email',
      'u.email_verified as emailVerified',
      'u.is_operator as isOperator',
      'u.created_at as createdAt',
    ])
    .where('s.token', '=', token);
}

export type SessionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof sessionByTokenQuery>['executeTakeFirst']>>>;
export type SessionFinder = (token: string) => Promise<SessionRow | undefined>;

/** The one query behind every authenticated request: the session by its token, with its user, prepared once. */
export function createSessionFinder(handle: DatabaseHandle): SessionFinder {
  const first = prepareFirst<SessionRow>(handle, sessionByTokenQuery(handle.db, ''));
  return (token) => first([token]);
}

export async function extendSession(db: Executor, sessionId: string, expiresAt: Date, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ expires_at: iso(expiresAt), updated_at: iso(now) })
    .where('id', '=', sessionId)
    .execute();
}

export async function listSessions(db: Executor, userId: string, now: Date) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'updated_at', 'expires_at', 'ip_address', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', iso(now))
    .orderBy('updated_at', 'desc')
    .execute();
}

export async function deleteSession(db: Executor, userId: string, sessionId: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteOtherSessions(db: Executor, userId: string, keepSessionId: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordSignIn(db: Executor, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ last_sign_in_at: iso(at) })
    .where('id', '=', userId)
    .execute();
}

export async function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function updateUserName(db: Executor, id: string, name: string, now: Date): Promise<void> {
  // The Members list keeps a copy of the name on each membership.
  await db.updateTable('organization_members').set({ name }).where('user_id', '=', id).execute();
  await db
    .updateTable('users')
    .set({ name, updated_at: iso(now) })
    .where('id', '=', id)
    .execute();
}

/** Sets the operator flag; returns whether it changed (so a grant to an operator is a no-op, not a new event). */
export async function setOperator(db: Executor, userId: string, isOperator: boolean): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ is_operator: isOperator ? 1 : 0 })
    .where('id', '=', userId)
    .where('is_operator', '=', isOperator ? 0 : 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countOperators(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(db.fn.countAll<number>().as('n'))
    .where('is_operator', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
