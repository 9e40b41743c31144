import { type Kysely, sql } from 'kysely';

// Frozen: this file never imports application code (ARCHITECTURE convention 4).
// The Members page also sorts by date (joined or invited), newest or oldest first. As with the email order, each
// half of the list reads one range of its own index after the cursor, so a deep page costs what the first does.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('organization_members_joined_idx')
    .on('organization_members')
    .columns(['organization_id', 'created_at', 'user_id'])
    .execute();
  await sql`create index invitations_pending_sent_idx on invitations (organization_id, created_at, id) where status = 'pending'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index invitations_pending_sent_idx`.execute(db);
  await db.schema.dropIndex('organization_members_joined_idx').execute();
}
