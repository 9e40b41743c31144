import { type Kysely, sql } from 'kysely';

// Frozen: this file never imports application code (ARCHITECTURE convention 4).
// Online licensing (SPEC §2.5, §4.3): the desktop application's browser sign-in (RFC 8628), the signing keys of
// leases, a user's registered devices per product, activations (the slot), transfers and extra transfers granted.
export async function up(db: Kysely<any>): Promise<void> {
  // A device authorization request: the code the application polls with (stored hashed) and the code the user types.
  await db.schema
    .createTable('device_authorizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_code_hash', 'text', (c) => c.notNull().unique())
    // Eight characters without the dash, upper case.
    .addColumn('user_code', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('application', 'text', (c) => c.notNull())
    .addColumn('machine_name', 'text')
    .addColumn('platform', 'text')
    .addColumn('app_version', 'text')
    .addColumn('request_ip', 'text')
    // pending | approved | denied | consumed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('last_polled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .execute();
  // A user code is looked up among the pending requests only, and is unique there.
  await sql`create unique index device_authorizations_user_code on device_authorizations (user_code)
    where status = 'pending'`.execute(db);

  // A desktop application's access token (scope `licensing`): listed under Signed-in devices, stored hashed.
  await db.schema
    .createTable('device_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('authorization_id', 'text', (c) => c.references('device_authorizations.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('application', 'text', (c) => c.notNull())
    .addColumn('machine_name', 'text')
    .addColumn('platform', 'text')
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('device_tokens_user_idx')
    .on('device_tokens')
    .columns(['user_id', 'revoked_at'])
    .execute();

  // Lease signing keys (Ed25519). The private key is encrypted under a key derived from SECRET, so every instance
  // on one database signs with the same key and a copy of the database alone cannot sign. The highest generation
  // signs; older ones stay published until leases they signed can no longer be valid.
  await db.schema
    .createTable('signing_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull().unique())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('retired_at', 'timestamptz')
    .execute();

  // A user's registered devices per organization and product (DEVICES_PER_USER). A device replaced by a transfer
  // keeps its row, with removed_at.
  await db.schema
    .createTable('licensing_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('app_version', 'text')
    // The fingerprint's components (name → hash), JSON; a device is recognised when most of them match.
    .addColumn('components', 'text', (c) => c.notNull())
    .addColumn('fingerprint_hash', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('removed_at', 'timestamptz')
    .addColumn('replaced_by_device_id', 'text')
    .execute();
  await db.schema
    .createIndex('licensing_devices_user_idx')
    .on('licensing_devices')
    .columns(['organization_id', 'user_id', 'product_id', 'removed_at'])
    .execute();

  // An activation: a named-user license in use on a device (kind online), or a machine-mode seat (kind machine).
  // status: active | released | transferred | expired | revoked. An active online row is the user's one slot.
  await db.schema
    .createTable('activations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('assignment_id', 'text', (c) => c.references('assignments.id'))
    .addColumn('device_id', 'text', (c) => c.references('licensing_devices.id'))
    .addColumn('token_id', 'text')
    .addColumn('components', 'text', (c) => c.notNull())
    .addColumn('fingerprint_hash', 'text', (c) => c.notNull())
    .addColumn('machine_name', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('app_version', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lease_expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('offline_until', 'timestamptz')
    .addColumn('last_contact_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    // Why it ended, shown to the device and the administrator: released, taken over, replaced, expired, revoked.
    .addColumn('ended_reason', 'text')
    .addColumn('ended_by_user_id', 'text', (c) => c.references('users.id'))
    // The activation that took the slot over, whose device the old one's heartbeat names.
    .addColumn('successor_id', 'text')
    .execute();
  // One device in use per user, organization and product, also when two devices activate at the same moment.
  await sql`create unique index activations_one_slot on activations (organization_id, user_id, product_id)
    where status = 'active' and kind = 'online'`.execute(db);
  await db.schema
    .createIndex('activations_asset_idx')
    .on('activations')
    .columns(['asset_id', 'kind', 'status'])
    .execute();
  await db.schema.createIndex('activations_org_idx').on('activations').columns(['organization_id', 'id']).execute();
  // Activations a user started in the last day (the daily limit) and a user's list.
  await db.schema.createIndex('activations_user_idx').on('activations').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('activations_assignment_idx').on('activations').columns(['assignment_id']).execute();

  await db.schema
    .createTable('license_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('replaced_device_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('license_transfers_user_idx')
    .on('license_transfers')
    .columns(['organization_id', 'user_id', 'product_id', 'created_at'])
    .execute();

  // Extra transfers an administrator granted, with the reason; they count in the same rolling window.
  await db.schema
    .createTable('transfer_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('granted_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('transfer_grants_user_idx')
    .on('transfer_grants')
    .columns(['organization_id', 'user_id', 'product_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'transfer_grants',
    'license_transfers',
    'activations',
    'licensing_devices',
    'signing_keys',
    'device_tokens',
    'device_authorizations',
  ])
    await db.schema.dropTable(table).execute();
}
