import type { Executor } from '../../db/database.js';
import { iso } from '../../lib/time.js';

export async function linkUser(
  db: Executor,
  organizationId: string,
  userId: string,
  assetId: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .insertInto('organization_links')
    .values({ organization_id: organizationId, user_id: userId, asset_id: assetId, created_at: iso(at) })
    .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function isLinked(db: Executor, organizationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organization_links')
    .select('user_id')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertRegistrationRequest(
  db: Executor,
  row: { id: string; organizationId: string; userId: string; assetId: string },
  at: Date,
): Promise<void> {
  await db
    .insertInto('registration_requests')
    .values({
      id: row.id,
      organization_id: row.organizationId,
      user_id: row.userId,
      asset_id: row.assetId,
      created_at: iso(at),
    })
    .execute();
}

export async function insertContact(
  db: Executor,
  contact: {
    id: string;
    organizationId: string;
    userId: string;
    firstName: string;
    lastName: string;
    email: string;
    roles: string[];
  },
  at: Date,
): Promise<void> {
  await db
    .insertInto('contacts')
    .values({
      id: contact.id,
      organization_id: contact.organizationId,
      user_id: contact.userId,
      first_name: contact.firstName,
      last_name: contact.lastName,
      email: contact.email,
      created_at: iso(at),
      updated_at: iso(at),
    })
    .onConflict((oc) => oc.columns(['organization_id', 'email']).doNothing())
    .execute();
  const existing = await db
    .selectFrom('contacts')
    .select('id')
    .where('organization_id', '=', contact.organizationId)
    .where('email', '=', contact.email)
    .executeTakeFirstOrThrow();
  for (const role of contact.roles) {
    await db
      .insertInto('contact_roles')
      .values({ contact_id: existing.id, role })
      .onConflict((oc) => oc.columns(['contact_id', 'role']).doNothing())
      .execute();
  }
}
