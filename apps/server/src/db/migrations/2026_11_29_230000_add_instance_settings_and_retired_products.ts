import { type Kysely, sql } from 'kysely';

// Frozen: this file never imports application code (ARCHITECTURE convention 4).
// The operator area (issue 14):
// - instance_settings: texts the operator sets for the whole instance, one row a name (the Terms and Conditions the
//   First Moment of Truth links to); a missing row means the default text that ships;
// - products.retired_at: a retired product takes no new assets, while the assets that exist keep working;
// - services have no seats (docs/api.md): the seat counts services were given before are set to 0.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instance_settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('products').addColumn('retired_at', 'timestamptz').execute();
  await sql`update assets set seats = 0 where product_id in (select id from products where kind = 'service')`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  // The services' old seat counts are not restored: nothing used them.
  await db.schema.alterTable('products').dropColumn('retired_at').execute();
  await db.schema.dropTable('instance_settings').execute();
}
