import { type Kysely, sql } from 'kysely';

// Frozen: this file never imports application code (ARCHITECTURE convention 4).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('rights', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('invited_by_user_id', 'text', (c) => c.references('users.id'))
    // pending | accepted | revoked | replaced; "expired" is a pending invitation past expires_at.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('ended_at', 'timestamptz')
    .addColumn('resends_day', 'text')
    .addColumn('resends_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // One pending invitation per organization and address, also when two administrators invite at once: the
  // second insert fails on this index instead of creating a twin (both dialects support partial indexes).
  await sql`create unique index invitations_one_pending on invitations (organization_id, email) where status = 'pending'`.execute(
    db,
  );
  await db.schema.createIndex('invitations_org_idx').on('invitations').columns(['organization_id', 'id']).execute();

  await db.schema
    .createTable('invitation_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invitation_events_invitation_idx')
    .on('invitation_events')
    .columns(['invitation_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('invitation_events').execute();
  await db.schema.dropTable('invitations').execute();
}
