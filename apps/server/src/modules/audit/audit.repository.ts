import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';

/** What a reader of the log narrows it to. No organizationId: every organization's events and the instance's own. */
export interface AuditFilter {
  organizationId?: string;
  action?: string;
  actorUserId?: string;
  /** The date range as an id range (ids sort by creation time): from this id on, and before that one. */
  fromId?: string;
  untilId?: string;
}

export interface AuditRow {
  id: string;
  occurred_at: string | Date;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  actor_ip: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  target_name: string | null;
  target_detail: string | null;
  item_count: number | null;
  organization_id: string | null;
  organization_name: string | null;
  before_json: string | null;
  after_json: string | null;
}

/**
 * Up to `limit` events, newest first, older than the event `before` (keyset on the time-sortable id). Every filter
 * has an index ending in id (migration 2026_11_22_100000), so each page is one short index range however deep it is;
 * the date range is a range of that same id, so it narrows the index range instead of adding a filter on a column.
 */
export async function listAuditEvents(
  db: Executor,
  filter: AuditFilter,
  options: { before?: string; limit: number },
): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .leftJoin('organizations as o', 'o.id', 'e.organization_id')
    .select([
      'e.id',
      'e.occurred_at',
      'e.actor_user_id',
      'u.name as actor_name',
      'u.email as actor_email',
      'e.actor_ip',
      'e.action',
      'e.target_type',
      'e.target_id',
      'e.target_name',
      'e.target_detail',
      'e.item_count',
      'e.organization_id',
      'o.name as organization_name',
      'e.before_json',
      'e.after_json',
    ])
    .orderBy('e.id', 'desc')
    .limit(options.limit);
  if (filter.organizationId !== undefined) query = query.where('e.organization_id', '=', filter.organizationId);
  if (filter.action !== undefined) query = query.where('e.action', '=', filter.action);
  if (filter.actorUserId !== undefined) query = query.where('e.actor_user_id', '=', filter.actorUserId);
  if (filter.fromId !== undefined) query = query.where('e.id', '>=', filter.fromId);
  if (filter.untilId !== undefined) query = query.where('e.id', '<', filter.untilId);
  if (options.before !== undefined) query = query.where('e.id', '<', options.before);
  return query.execute();
}

/** One event's organization, to tell a reader's own event from another organization's (answered 404 alike). */
export async function findAuditEventScope(db: Executor, id: string) {
  return db.selectFrom('audit_events').select(['id', 'organization_id']).where('id', '=', id).executeTakeFirst();
}

/** A bulk event's rows in the order they were processed, after `afterPosition`; the primary key serves the page. */
export async function listAuditEventItems(
  db: Executor,
  eventId: string,
  options: { afterPosition?: number; limit: number },
) {
  let query = db
    .selectFrom('audit_event_items')
    .select(['position', 'target_id', 'target_name', 'target_detail', 'outcome'])
    .where('event_id', '=', eventId)
    .orderBy('position')
    .limit(options.limit);
  if (options.afterPosition !== undefined) query = query.where('position', '>', options.afterPosition);
  return query.execute();
}

/**
 * The distinct actions of one organization's log (or of the whole log), sorted. A recursive query hops from each
 * action to the next one in the (organization_id, action, id) or (action, id) index, so it costs one index seek per
 * distinct action rather than a scan of every event; both SQLite and PostgreSQL run it as written.
 */
export async function listAuditActions(db: Executor, organizationId: string | undefined): Promise<string[]> {
  const inScope = organizationId === undefined ? sql`1 = 1` : sql`organization_id = ${organizationId}`;
  const result = await sql<{ action: string }>`
    with recursive actions(action) as (
      select (select action from audit_events where ${inScope} order by action limit 1)
      union all
      select (select a.action from audit_events a where ${inScope} and a.action > actions.action
              order by a.action limit 1)
      from actions where actions.action is not null
    )
    select action from actions where action is not null`.execute(db);
  return result.rows.map((row) => row.action);
}

/**
 * The log reads accounts and organizations only to name them; it looks them up itself rather than through their
 * modules, so that every module can write to the log without the log depending back on it.
 */
export async function findUserIdByEmail(db: Executor, email: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row?.id;
}

/** An organization by id or code (codes are stored in lower case), for the operators' `?organization=`. */
export async function findOrganizationScope(db: Executor, idOrCode: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'code'])
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode.toLowerCase())]))
    .executeTakeFirst();
}
