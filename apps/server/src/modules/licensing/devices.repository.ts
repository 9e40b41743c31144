import type { Executor } from '../../db/database.js';
import { iso, toDate } from '../../lib/time.js';

// A user's registered devices per organization and product, the transfers that replaced them, and the extra
// transfers administrators granted (SPEC §2.5).

export interface UserProduct {
  organizationId: string;
  userId: string;
  productId: string;
}

export async function registeredDevices(db: Executor, key: UserProduct) {
  return db
    .selectFrom('licensing_devices')
    .selectAll()
    .where('organization_id', '=', key.organizationId)
    .where('user_id', '=', key.userId)
    .where('product_id', '=', key.productId)
    .where('removed_at', 'is', null)
    .orderBy('registered_at')
    .execute();
}
export type DeviceRow = Awaited<ReturnType<typeof registeredDevices>>[number];

export interface DeviceDetails {
  name: string;
  platform: string;
  appVersion: string | null;
  components: string;
  fingerprintHash: string;
}

export async function insertDevice(db: Executor, id: string, key: UserProduct, device: DeviceDetails, at: Date) {
  await db
    .insertInto('licensing_devices')
    .values({
      id,
      organization_id: key.organizationId,
      user_id: key.userId,
      product_id: key.productId,
      name: device.name,
      platform: device.platform,
      app_version: device.appVersion,
      components: device.components,
      fingerprint_hash: device.fingerprintHash,
      registered_at: iso(at),
      last_seen_at: iso(at),
    })
    .execute();
}

/** A recognised device reports itself again: its name and components follow the machine (a renamed host). */
export async function touchDevice(db: Executor, id: string, device: DeviceDetails, at: Date) {
  await db
    .updateTable('licensing_devices')
    .set({
      name: device.name,
      platform: device.platform,
      app_version: device.appVersion,
      components: device.components,
      last_seen_at: iso(at),
    })
    .where('id', '=', id)
    .execute();
}

export async function removeDevice(db: Executor, id: string, replacedBy: string, at: Date) {
  await db
    .updateTable('licensing_devices')
    .set({ removed_at: iso(at), replaced_by_device_id: replacedBy })
    .where('id', '=', id)
    .execute();
}

export async function insertTransfer(
  db: Executor,
  id: string,
  key: UserProduct,
  devices: { added: string; replaced: string },
  at: Date,
) {
  await db
    .insertInto('license_transfers')
    .values({
      id,
      organization_id: key.organizationId,
      user_id: key.userId,
      product_id: key.productId,
      device_id: devices.added,
      replaced_device_id: devices.replaced,
      created_at: iso(at),
    })
    .execute();
}

export interface TransferUsage {
  used: number;
  granted: number;
  oldestAt: Date | null;
}

/** Transfers made and extra transfers granted since the start of the rolling window, in one statement. */
export async function transferUsage(db: Executor, key: UserProduct, since: Date): Promise<TransferUsage> {
  const row = await db
    .selectFrom('license_transfers as t')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.min('t.created_at').as('oldest'),
      eb
        .selectFrom('transfer_grants as g')
        .select((e) => e.fn.sum<number>('g.count').as('g'))
        .where('g.organization_id', '=', key.organizationId)
        .where('g.user_id', '=', key.userId)
        .where('g.product_id', '=', key.productId)
        .where('g.created_at', '>', iso(since))
        .as('granted'),
    ])
    .where('t.organization_id', '=', key.organizationId)
    .where('t.user_id', '=', key.userId)
    .where('t.product_id', '=', key.productId)
    .where('t.created_at', '>', iso(since))
    .executeTakeFirst();
  return {
    used: Number(row?.n ?? 0),
    granted: Number(row?.granted ?? 0),
    oldestAt: row?.oldest ? toDate(row.oldest) : null,
  };
}

export async function insertGrant(
  db: Executor,
  grant: UserProduct & { id: string; count: number; reason: string; grantedBy: string | null },
  at: Date,
) {
  await db
    .insertInto('transfer_grants')
    .values({
      id: grant.id,
      organization_id: grant.organizationId,
      user_id: grant.userId,
      product_id: grant.productId,
      count: grant.count,
      reason: grant.reason,
      granted_by_user_id: grant.grantedBy,
      created_at: iso(at),
    })
    .execute();
}
