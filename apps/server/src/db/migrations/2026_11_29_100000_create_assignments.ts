import { type Kysely, sql } from 'kysely';

// Frozen: this file never imports application code (ARCHITECTURE convention 4).
// Assignments (SPEC §2.5): a license of an asset given to a member. Revoked rows stay (history, and the seat of an
// offline lease stays taken until the lease ends, a later change); only `active` rows hold a seat.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    // The product's type (cad, simulation, …) copied here so that one unique index keeps one product of a type per
    // member; null for services, which are exempt.
    .addColumn('product_type', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // active | revoked
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by_user_id', 'text', (c) => c.references('users.id'))
    .execute();
  // The two rules of SPEC §2.5 as indexes, so that two administrators acting at the same moment cannot break them:
  // one active assignment per member and product, one active product per member and product type.
  await sql`create unique index assignments_one_per_product on assignments (organization_id, user_id, product_id)
    where status = 'active'`.execute(db);
  await sql`create unique index assignments_one_per_type on assignments (organization_id, user_id, product_type)
    where status = 'active' and product_type is not null`.execute(db);
  // Seats taken per asset (counted under the organization's lock) and an asset's assignees, newest first.
  await db.schema
    .createIndex('assignments_asset_idx')
    .on('assignments')
    .columns(['asset_id', 'status', 'id'])
    .execute();
  // The organization's list, and a member's products.
  await db.schema
    .createIndex('assignments_org_idx')
    .on('assignments')
    .columns(['organization_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('assignments_user_idx')
    .on('assignments')
    .columns(['organization_id', 'user_id', 'status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assignments').execute();
}
