import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { ActivationStatus } from '../../db/types.js';
import { iso, toDate } from '../../lib/time.js';
import type { UserProduct } from './devices.repository.js';

// Activations (SPEC §2.5): the slot of a named-user license on a device, and machine-mode seats.

/**
 * Statuses written into the SQL rather than bound: SQLite prepares a statement again on every run when a bound
 * value is compared with a column a partial index filters on (`status`, `kind`), which tripled the cost of the reads
 * every activation makes (measured: 120 µs → 43 µs for the slot).
 */
const ACTIVE = sql.lit<'active'>('active');

/**
 * Takes the lock of one member's license: touching the assignment row locks it on PostgreSQL (and starts the write
 * transaction on SQLite), so two devices of the same user activating at once run one after the other, while
 * different users never wait for each other. The guard doubles as the check that the assignment is still active:
 * a revocation committed meanwhile makes it answer false.
 */
export async function lockAssignment(trx: Executor, assignmentId: string): Promise<boolean> {
  const result = await trx
    .updateTable('assignments')
    .set({ status: 'active' })
    .where('id', '=', assignmentId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Locks an asset's row: machine-mode seats are counted per asset, and the mode change takes the same row. */
export async function lockAsset(trx: Executor, assetId: string, at: Date): Promise<void> {
  await trx
    .updateTable('assets')
    .set({ updated_at: iso(at) })
    .where('id', '=', assetId)
    .execute();
}

/** The active assignments of a user for a product (by id or code), with what activation needs of asset and org. */
export async function heldAssignments(db: Executor, userId: string, product: string) {
  return db
    .selectFrom('assignments as g')
    .innerJoin('products as p', 'p.id', 'g.product_id')
    .innerJoin('assets as s', 's.id', 'g.asset_id')
    .innerJoin('organizations as o', 'o.id', 'g.organization_id')
    .select([
      'g.id',
      'g.organization_id',
      'g.asset_id',
      'g.product_id',
      'g.user_id',
      'p.code as product_code',
      'p.name as product_name',
      's.mode',
      's.status as asset_status',
      's.ends_at',
      'o.code as organization_code',
      'o.name as organization_name',
    ])
    .where('g.user_id', '=', userId)
    .where('g.status', '=', ACTIVE)
    .where((eb) => eb.or([eb('p.id', '=', product), eb('p.code', '=', product)]))
    .orderBy('g.id')
    .execute();
}
export type HeldAssignment = Awaited<ReturnType<typeof heldAssignments>>[number];

const activationColumns = [
  'a.id',
  'a.organization_id',
  'a.asset_id',
  'a.product_id',
  'a.kind',
  'a.user_id',
  'a.assignment_id',
  'a.device_id',
  'a.token_id',
  'a.components',
  'a.fingerprint_hash',
  'a.machine_name',
  'a.platform',
  'a.app_version',
  'a.status',
  'a.lease_expires_at',
  'a.offline_until',
  'a.last_contact_at',
  'a.created_at',
  'a.ended_at',
  'a.ended_reason',
  'a.successor_id',
] as const;

/** The user's slot for a product: the active online activation, if any. */
export async function currentSlot(db: Executor, key: UserProduct) {
  return db
    .selectFrom('activations as a')
    .select(activationColumns)
    .where('a.organization_id', '=', key.organizationId)
    .where('a.user_id', '=', key.userId)
    .where('a.product_id', '=', key.productId)
    .where('a.kind', '=', sql.lit<'online'>('online'))
    .where('a.status', '=', ACTIVE)
    .executeTakeFirst();
}
export type ActivationRow = NonNullable<Awaited<ReturnType<typeof currentSlot>>>;

export async function findActivation(db: Executor, id: string): Promise<ActivationRow | undefined> {
  return db.selectFrom('activations as a').select(activationColumns).where('a.id', '=', id).executeTakeFirst();
}

export async function activeMachineActivations(db: Executor, assetId: string): Promise<ActivationRow[]> {
  return db
    .selectFrom('activations as a')
    .select(activationColumns)
    .where('a.asset_id', '=', assetId)
    .where('a.kind', '=', sql.lit<'machine'>('machine'))
    .where('a.status', '=', ACTIVE)
    .execute();
}

/** New activations a user started since a moment, and the oldest of them (the daily limit). */
export async function startedSince(db: Executor, userId: string, since: Date) {
  const row = await db
    .selectFrom('activations')
    .select([db.fn.countAll<number>().as('n'), db.fn.min('created_at').as('oldest')])
    .where('user_id', '=', userId)
    .where('created_at', '>', iso(since))
    .executeTakeFirst();
  return { count: Number(row?.n ?? 0), oldestAt: row?.oldest ? toDate(row.oldest) : null };
}

export interface NewActivation {
  id: string;
  organizationId: string;
  assetId: string;
  productId: string;
  kind: 'online' | 'machine';
  userId: string | null;
  assignmentId: string | null;
  deviceId: string | null;
  tokenId: string | null;
  components: string;
  fingerprintHash: string;
  machineName: string;
  platform: string;
  appVersion: string | null;
  leaseExpiresAt: Date;
}

export async function insertActivation(db: Executor, a: NewActivation, at: Date): Promise<void> {
  await db
    .insertInto('activations')
    .values({
      id: a.id,
      organization_id: a.organizationId,
      asset_id: a.assetId,
      product_id: a.productId,
      kind: a.kind,
      user_id: a.userId,
      assignment_id: a.assignmentId,
      device_id: a.deviceId,
      token_id: a.tokenId,
      components: a.components,
      fingerprint_hash: a.fingerprintHash,
      machine_name: a.machineName,
      platform: a.platform,
      app_version: a.appVersion,
      status: 'active',
      lease_expires_at: iso(a.leaseExpiresAt),
      last_contact_at: iso(at),
      created_at: iso(at),
    })
    .execute();
}

/** The device reports again on its activation: a new lease, and what it says about itself now. */
export async function renewActivation(
  db: Executor,
  id: string,
  renewal: { leaseExpiresAt: Date; machineName?: string; platform?: string; appVersion?: string | null },
  at: Date,
): Promise<void> {
  await db
    .updateTable('activations')
    .set({
      lease_expires_at: iso(renewal.leaseExpiresAt),
      last_contact_at: iso(at),
      ...(renewal.machineName === undefined ? {} : { machine_name: renewal.machineName }),
      ...(renewal.platform === undefined ? {} : { platform: renewal.platform }),
      ...(renewal.appVersion === undefined ? {} : { app_version: renewal.appVersion }),
    })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .execute();
}

export interface Ending {
  status: Exclude<ActivationStatus, 'active'>;
  reason: string;
  by: string | null;
  successorId?: string | null;
}

/** Ends an active activation; false when it had already ended (a concurrent release, takeover or revocation). */
export async function endActivation(db: Executor, id: string, ending: Ending, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('activations')
    .set({
      status: ending.status,
      ended_at: iso(at),
      ended_reason: ending.reason,
      ended_by_user_id: ending.by,
      successor_id: ending.successorId ?? null,
    })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An offline lease handed back before its end: the seat it held is free from now. */
export async function returnOfflineLease(db: Executor, id: string, at: Date): Promise<void> {
  await db
    .updateTable('activations')
    .set({ offline_until: iso(at) })
    .where('id', '=', id)
    .where('offline_until', '>', iso(at))
    .execute();
}

export async function checkOut(db: Executor, id: string, until: Date, at: Date): Promise<void> {
  await db
    .updateTable('activations')
    .set({ offline_until: iso(until), lease_expires_at: iso(until), last_contact_at: iso(at) })
    .where('id', '=', id)
    .execute();
}

/** The active activations of these assignments (a revocation ends them) or of one desktop sign-in. */
export async function activeOf(db: Executor, by: { assignmentIds?: string[]; tokenId?: string }) {
  let query = db.selectFrom('activations as a').select(activationColumns).where('a.status', '=', 'active');
  if (by.assignmentIds) {
    if (by.assignmentIds.length === 0) return [];
    query = query.where('a.assignment_id', 'in', by.assignmentIds);
  }
  if (by.tokenId !== undefined) query = query.where('a.token_id', '=', by.tokenId);
  return query.execute();
}

/** Ends many activations the same way (a revocation, a sign-out): one statement. */
export async function endActivations(db: Executor, ids: string[], ending: Ending, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('activations')
    .set({ status: ending.status, ended_at: iso(at), ended_reason: ending.reason, ended_by_user_id: ending.by })
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .execute();
}

/**
 * Seats of these assets still held by offline leases of revoked licenses (SPEC §2.5: the seat is free only when the
 * lease is returned or expires), with the moment each asset's next such seat frees.
 */
export async function seatsHeldOffline(db: Executor, assetIds: string[], now: Date) {
  if (assetIds.length === 0) return new Map<string, { held: number; nextFreeAt: Date | null }>();
  const rows = await db
    .selectFrom('activations')
    .select(['asset_id', db.fn.countAll<number>().as('n'), db.fn.min('offline_until').as('next')])
    .where('asset_id', 'in', assetIds)
    .where('kind', '=', 'online')
    .where('status', '=', 'revoked')
    .where('offline_until', '>', iso(now))
    .groupBy('asset_id')
    .execute();
  return new Map(
    rows.map((r) => [r.asset_id, { held: Number(r.n), nextFreeAt: r.next ? toDate(r.next) : null }] as const),
  );
}
