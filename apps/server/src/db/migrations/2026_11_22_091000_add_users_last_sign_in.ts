import { type Kysely, sql } from 'kysely';

// Frozen: this file never imports application code (ARCHITECTURE convention 4).
// The Members page shows each member's last sign-in. Sessions cannot tell it: signing out deletes the session, so a
// member who signed in and out would show "never". The time is kept on the user, set at each sign-in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_sign_in_at', 'timestamptz').execute();
  await sql`update users set last_sign_in_at = (select max(s.created_at) from sessions s where s.user_id = users.id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('last_sign_in_at').execute();
}
