import { type Kysely, sql } from 'kysely';

// Frozen: this file never imports application code (ARCHITECTURE convention 4).
// The administrator's daily work (issue 14):
// - audit events name their target as it was at the time (a removed member stays "Ada Lovelace <ada@…>", not
//   `usr_01m8…`): target_name and target_detail (email, serial, product code or organization name);
// - a bulk action is one event with its count; its rows live in audit_event_items, read a page at a time;
// - invitations keep the invitee's first and last name from a CSV, shown on the PENDING row and in the greeting;
// - the Members page's counts (members by rights, pending and expired invitations) are counted from indexes that
//   hold exactly the rows counted, so a count reads one index range and never the table;
// - the list also sorts by name: one index range per page, like the email and date orders.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('target_name', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('target_detail', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('item_count', 'integer').execute();
  await db.schema
    .createTable('audit_event_items')
    .addColumn('event_id', 'text', (c) => c.notNull().references('audit_events.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('target_name', 'text')
    .addColumn('target_detail', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_event_items_pk', ['event_id', 'position'])
    .execute();
  await db.schema.alterTable('invitations').addColumn('first_name', 'text').execute();
  await db.schema.alterTable('invitations').addColumn('last_name', 'text').execute();
  await db.schema
    .createIndex('organization_members_rights_idx')
    .on('organization_members')
    .columns(['organization_id', 'rights'])
    .execute();
  await sql`create index organization_members_name_idx on organization_members (organization_id, lower(name), user_id)`.execute(
    db,
  );
  await sql`create index invitations_pending_expiry_idx on invitations (organization_id, expires_at) where status = 'pending'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index invitations_pending_expiry_idx`.execute(db);
  await db.schema.dropIndex('organization_members_name_idx').execute();
  await db.schema.dropIndex('organization_members_rights_idx').execute();
  await db.schema.alterTable('invitations').dropColumn('last_name').execute();
  await db.schema.alterTable('invitations').dropColumn('first_name').execute();
  await db.schema.dropTable('audit_event_items').execute();
  await db.schema.alterTable('audit_events').dropColumn('item_count').execute();
  await db.schema.alterTable('audit_events').dropColumn('target_detail').execute();
  await db.schema.alterTable('audit_events').dropColumn('target_name').execute();
}
