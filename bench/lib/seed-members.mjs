// 100,000 rows for the Members list (SPEC §6): members and pending invitations written straight into the running
// server's database, since creating them through the API (sign-up, verification, acceptance) would take hours.
// Rows look like the server's own: ids from its id generator (the build), ISO timestamps, a member's email and name
// copied onto the membership row as the server does.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { ROOT } from './portico.mjs';

const { newId } = await import(pathToFileURL(join(ROOT, 'apps/server/dist/lib/ids.js')).href);

const FIRST = ['ada', 'ben', 'cleo', 'dan', 'eva', 'finn', 'gus', 'hana', 'ivo', 'jade', 'kai', 'lena', 'milo'];
const LAST = ['garcia', 'smith', 'novak', 'tanaka', 'okafor', 'rossi', 'schmidt', 'dubois', 'larsen', 'silva'];
const DAY_MS = 86_400_000;
const capitalized = (word) => word[0].toUpperCase() + word.slice(1);

/** The rows, in memory: `members` users with their memberships, `invitations` pending ones, every 5th expired. */
export function memberRows(organizationId, { members, invitations, now = Date.now() }) {
  const at = new Date(now).toISOString();
  const users = [];
  for (let i = 0; i < members; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    users.push({
      id: newId('user', now),
      name: `${capitalized(first)} ${capitalized(last)}`,
      email: `${first}.${last}.${i}@members.example`,
      rights: i % 1000 === 0 ? 'admin' : 'member',
    });
  }
  const pending = [];
  for (let i = 0; i < invitations; i++) {
    const expiresAt = now + (i % 5 === 0 ? -DAY_MS : 7 * DAY_MS);
    pending.push({
      id: newId('invitation', now),
      email: `invitee.${i}@invited.example`,
      expiresAt: new Date(expiresAt).toISOString(),
    });
  }
  return { organizationId, at, users, pending };
}

/** How many seeded rows `?q=` should find: members by email or name, invitations by email (as the server searches). */
export function expectedMatches(rows, q) {
  const needle = q.toLowerCase();
  const members = rows.users.filter((u) => u.email.includes(needle) || u.name.toLowerCase().includes(needle));
  return members.length + rows.pending.filter((p) => p.email.includes(needle)).length;
}

/** SQLite: one transaction of prepared inserts on a second connection to the server's file (WAL lets both write). */
export function seedSqlite(file, rows) {
  const db = new SQLite(file);
  db.pragma('busy_timeout = 10000');
  const user = db.prepare(
    `insert into users (id, name, email, email_verified, is_operator, created_at, updated_at)
     values (?, ?, ?, 1, 0, ?, ?)`,
  );
  const member = db.prepare(
    `insert into organization_members (organization_id, user_id, rights, email, name, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const invitation = db.prepare(
    `insert into invitations (id, organization_id, email, rights, status, expires_at, created_at, updated_at)
     values (?, ?, ?, 'member', 'pending', ?, ?, ?)`,
  );
  const { organizationId: org, at } = rows;
  db.transaction(() => {
    for (const u of rows.users) {
      user.run(u.id, u.name, u.email, at, at);
      member.run(org, u.id, u.rights, u.email, u.name, at, at);
    }
    for (const p of rows.pending) invitation.run(p.id, org, p.email, p.expiresAt, at, at);
  })();
  db.close();
}

/**
 * PostgreSQL: one statement per table, each column sent as an array and unnested. Then ANALYZE: autovacuum would
 * gather statistics within a minute of such a load in production, and the benchmark must not race it.
 */
export async function seedPostgres(connectionString, rows) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const { organizationId: org, at, users, pending } = rows;
  const column = (list, key) => list.map((row) => row[key]);
  try {
    await client.query('begin');
    await client.query(
      `insert into users (id, name, email, email_verified, is_operator, created_at, updated_at)
       select id, name, email, true, 0, $4, $4 from unnest($1::text[], $2::text[], $3::text[]) as u(id, name, email)`,
      [column(users, 'id'), column(users, 'name'), column(users, 'email'), at],
    );
    await client.query(
      `insert into organization_members (organization_id, user_id, rights, email, name, created_at, updated_at)
       select $1, id, rights, email, name, $6, $6
       from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as m(id, rights, email, name)`,
      [org, column(users, 'id'), column(users, 'rights'), column(users, 'email'), column(users, 'name'), at],
    );
    await client.query(
      `insert into invitations (id, organization_id, email, rights, status, expires_at, created_at, updated_at)
       select id, $1, email, 'member', 'pending', expires, $5, $5
       from unnest($2::text[], $3::text[], $4::timestamptz[]) as i(id, email, expires)`,
      [org, column(pending, 'id'), column(pending, 'email'), column(pending, 'expiresAt'), at],
    );
    await client.query('commit');
    await client.query('analyze users, organization_members, invitations');
  } finally {
    await client.end();
  }
}
