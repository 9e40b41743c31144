import { type Kysely, sql } from 'kysely';

// Frozen: this file never imports application code (ARCHITECTURE convention 4).
// The Members page lists members and pending invitations together, paged by email. Keeping each member's email
// and name on the membership row lets both halves of that list be read from one index range each, also with
// 100,000 rows in an organization.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organization_members')
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('organization_members')
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update organization_members set
      email = (select u.email from users u where u.id = organization_members.user_id),
      name = (select u.name from users u where u.id = organization_members.user_id)`.execute(db);
  await db.schema
    .createIndex('organization_members_directory_idx')
    .on('organization_members')
    .columns(['organization_id', 'email', 'user_id'])
    .execute();
  await sql`create index invitations_pending_directory_idx on invitations (organization_id, email, id) where status = 'pending'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index invitations_pending_directory_idx`.execute(db);
  await db.schema.dropIndex('organization_members_directory_idx').execute();
  await db.schema.alterTable('organization_members').dropColumn('name').execute();
  await db.schema.alterTable('organization_members').dropColumn('email').execute();
}
