import type { Transaction } from 'kysely';
import type { DatabaseHandle, Executor } from '../../db/database.js';
import { prepareFirst } from '../../db/prepared.js';
import type { Database } from '../../db/types.js';
import { iso } from '../../lib/time.js';

// Lease signing keys (table signing_keys): the highest generation signs; older ones stay published for a while.

const publicColumns = ['kid', 'generation', 'public_jwk', 'created_at', 'retired_at'] as const;

/** A key without its sealed private part: what verification, the JWKS and `portico keys list` need. */
export interface PublicKeyRow {
  kid: string;
  generation: number;
  public_jwk: string;
  created_at: unknown;
  retired_at: unknown;
}
export interface SigningKeyRow extends PublicKeyRow {
  private_key: string;
}

/** The key that signs: the highest generation. */
export async function currentSigningKey(db: Executor): Promise<SigningKeyRow | undefined> {
  return db
    .selectFrom('signing_keys')
    .select([...publicColumns, 'private_key'])
    .orderBy('generation', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Keys still published at `retiredAfter`: the current one and those retired after that moment, newest first. */
export async function publishedSigningKeys(db: Executor, retiredAfter: Date): Promise<PublicKeyRow[]> {
  return db
    .selectFrom('signing_keys')
    .select(publicColumns)
    .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', iso(retiredAfter))]))
    .orderBy('generation', 'desc')
    .execute();
}

export async function allSigningKeys(db: Executor): Promise<PublicKeyRow[]> {
  return db.selectFrom('signing_keys').select(publicColumns).orderBy('generation', 'desc').execute();
}

export type SigningKeyFinder = (kid: string) => Promise<PublicKeyRow | undefined>;

/** A lease naming a kid this instance has not seen yet (another instance rotated): one prepared read. */
export function createSigningKeyFinder(handle: DatabaseHandle): SigningKeyFinder {
  const first = prepareFirst<PublicKeyRow>(
    handle,
    handle.db.selectFrom('signing_keys').select(publicColumns).where('kid', '=', ''),
  );
  return (kid) => first([kid]);
}

export interface NewSigningKeyRow {
  kid: string;
  generation: number;
  publicJwk: string;
  sealedPrivateKey: string;
  at: Date;
}

/**
 * Guarded by the unique generation (ARCHITECTURE convention 3): of two instances creating the same generation at
 * once, one inserts and the other is told false and reads the winner's key.
 */
export async function insertSigningKey(db: Executor, key: NewSigningKeyRow): Promise<boolean> {
  const result = await db
    .insertInto('signing_keys')
    .values({
      kid: key.kid,
      generation: key.generation,
      algorithm: 'EdDSA',
      public_jwk: key.publicJwk,
      private_key: key.sealedPrivateKey,
      created_at: iso(key.at),
      retired_at: null,
    })
    .onConflict((oc) => oc.column('generation').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Retires the keys that are not retired yet, all of them or those below a generation. Run first in a rotation (all),
 * it is also the rotation's lock: the write lock on SQLite, the current key's row on PostgreSQL.
 */
export async function retireSigningKeys(
  trx: Transaction<Database>,
  below: { generation: number } | 'all',
  at: Date,
): Promise<number> {
  let query = trx
    .updateTable('signing_keys')
    .set({ retired_at: iso(at) })
    .where('retired_at', 'is', null);
  if (below !== 'all') query = query.where('generation', '<', below.generation);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Serializes rotations, also across instances: an update of one fixed row (made on first use) takes its row lock on
 * PostgreSQL and the write lock on SQLite. Locking the unretired keys instead locked nothing when a rotation had just
 * retired them, so three rotations at once could read the same current key and deadlock on each other's inserts.
 */
export async function lockRotations(trx: Transaction<Database>, at: Date): Promise<void> {
  await trx
    .insertInto('instance_flags')
    .values({ name: 'signing_key_rotation', value: '', created_at: iso(at) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  await trx
    .updateTable('instance_flags')
    .set({ value: iso(at) })
    .where('name', '=', 'signing_key_rotation')
    .execute();
}
