import type { Kysely } from 'kysely';

// Frozen: this file never imports application code (ARCHITECTURE convention 4).
// The audit log is read newest first by id, filtered by action or by actor, within one organization (its
// administrators) or across all of them (operators). Each filter gets an index ending in id, so a filtered page is
// one index range read backwards from the cursor, however many events the log holds. The (organization_id, action)
// prefix also lets the list of an organization's distinct actions hop from one action to the next instead of
// scanning every event.
const INDEXES: [name: string, columns: string[]][] = [
  ['audit_events_org_action_idx', ['organization_id', 'action', 'id']],
  ['audit_events_org_actor_idx', ['organization_id', 'actor_user_id', 'id']],
  ['audit_events_action_idx', ['action', 'id']],
  ['audit_events_actor_idx', ['actor_user_id', 'id']],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of INDEXES) {
    await db.schema.createIndex(name).on('audit_events').columns(columns).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of [...INDEXES].reverse()) await db.schema.dropIndex(name).execute();
}
