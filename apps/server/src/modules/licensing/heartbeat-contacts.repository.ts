import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { iso } from '../../lib/time.js';

// The heartbeats' last contacts, written by heartbeat-batcher.ts once a second.

/** Rows an UPDATE of last contacts names at most: three parameters each, well inside both databases' limits. */
const CONTACTS_PER_STATEMENT = 500;

/**
 * Last contacts of heartbeats, written in one batch (docs/adr/0013): one UPDATE … FROM (VALUES …) per 500
 * activations rather than one statement each, so a second of heartbeats is a few statements. Only still-active rows
 * are renewed (a released or taken-over activation is never revived), and an offline lease out is never shortened.
 */
export async function recordContacts(
  db: Executor,
  dialect: 'sqlite' | 'postgres',
  contacts: { id: string; at: Date; leaseExpiresAt: Date }[],
): Promise<void> {
  for (let i = 0; i < contacts.length; i += CONTACTS_PER_STATEMENT) {
    const rows = contacts
      .slice(i, i + CONTACTS_PER_STATEMENT)
      .map((c) => sql`(${c.id}, ${iso(c.at)}, ${iso(c.leaseExpiresAt)})`);
    await (dialect === 'postgres' ? contactsOnPostgres(rows) : contactsOnSqlite(rows)).execute(db);
  }
}

type Row = ReturnType<typeof sql>;

function contactsOnPostgres(rows: Row[]) {
  return sql`update activations as a
    set last_contact_at = v.at::timestamptz,
        lease_expires_at = case when a.offline_until > v.exp::timestamptz then a.offline_until else v.exp::timestamptz end
    from (values ${sql.join(rows)}) as v(id, at, exp)
    where a.id = v.id and a.status = 'active'`;
}

// SQLite names the columns of a VALUES list column1, column2, …
function contactsOnSqlite(rows: Row[]) {
  return sql`update activations
    set last_contact_at = v.column2,
        lease_expires_at = case when activations.offline_until > v.column3 then activations.offline_until
          else v.column3 end
    from (values ${sql.join(rows)}) as v
    where activations.id = v.column1 and activations.status = 'active'`;
}
