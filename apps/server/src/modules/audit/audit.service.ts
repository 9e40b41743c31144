import type {
  AuditActionList,
  AuditEvent,
  AuditEventItemList,
  AuditEventItemsQuery,
  AuditEventList,
  AuditQuery,
} from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { decodeCursor, encodeCursor, page } from '../../lib/cursor.js';
import { normalizeEmail } from '../../lib/email.js';
import { AppError } from '../../lib/errors.js';
import { toIsoString } from '../../lib/time.js';
import { type AuditCsvSource, auditCsvValues, CSV_HEADER, csvRecords } from './audit.csv.js';
import {
  type AuditFilter,
  type AuditRow,
  findAuditEventScope,
  findOrganizationScope,
  findUserIdByEmail,
  listAuditActions,
  listAuditEventItems,
  listAuditEvents,
} from './audit.repository.js';
import { auditIdRange } from './audit-range.js';

/** Whose log is read: one organization's, or (no organizationId) the whole instance's, which only operators see. */
export interface AuditScope {
  organizationId?: string;
  /** Names the CSV download: the organization's code, or `all`. */
  name: string;
}

/**
 * The CSV export reads the log in batches of this many events, newest first, so that memory stays flat for a log of
 * millions of events and the SQLite connection is never held for longer than one batch.
 */
export const CSV_BATCH = 1000;

const AUDIT_ID = /^aud_[0-9a-z]{26}$/;

/** An operator's `?organization=` (id or code) as a scope; an unknown one is a mistake worth saying so. */
export async function operatorScope(deps: Deps<'db' | 'clock'>, organization: string | undefined): Promise<AuditScope> {
  if (organization === undefined) return { name: 'all' };
  const found = await findOrganizationScope(deps.db, organization);
  if (!found) throw AppError.validation('organization', 'is not an organization of this instance');
  return { organizationId: found.id, name: found.code };
}

/** The actor filter takes a user id or an email address; null when no account can match (nothing to list). */
async function actorUserId(db: Executor, actor: string | undefined): Promise<string | undefined | null> {
  if (actor === undefined) return undefined;
  if (actor.startsWith('usr_')) return actor;
  if (!actor.includes('@')) throw AppError.validation('actor', 'must be an email address or a user id (usr_…)');
  return (await findUserIdByEmail(db, normalizeEmail(actor))) ?? null;
}

/** The filter to run, or null when it cannot match anything. Checks run before any answer is sent (CSV included). */
async function resolveFilter(
  deps: Deps<'db' | 'clock'>,
  scope: AuditScope,
  query: AuditQuery,
): Promise<AuditFilter | null> {
  const range = auditIdRange(query.from, query.to);
  const actor = await actorUserId(deps.db, query.actor);
  if (actor === null) return null;
  return { organizationId: scope.organizationId, action: query.action, actorUserId: actor, ...range };
}

function readCursor(cursor: string | undefined): string | undefined {
  const id = decodeCursor(cursor);
  if (id !== undefined && !AUDIT_ID.test(id))
    throw AppError.validation('cursor', 'is not a cursor this server gave out');
  return id;
}

/**
 * before/after as the API shows them: the stored JSON object, or null. Every caller of recordAudit passes objects;
 * anything else (or text that is not JSON) is wrapped so the response schema, an object, still holds.
 */
export function parseState(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { value: json };
  }
  if (value === null) return null;
  return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

function actorOf(row: AuditRow): AuditEvent['actor'] {
  return row.actor_user_id === null ? null : { id: row.actor_user_id, name: row.actor_name, email: row.actor_email };
}

/** What the page and the CSV file both show of an event; they differ only in how before/after are given. */
function eventFields(row: AuditRow) {
  return {
    id: row.id,
    occurredAt: toIsoString(row.occurred_at),
    action: row.action,
    actor: actorOf(row),
    actorIp: row.actor_ip,
    target: { type: row.target_type, id: row.target_id, name: row.target_name, detail: row.target_detail },
    itemCount: row.item_count,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
  };
}

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    ...eventFields(row),
    targetType: row.target_type,
    targetId: row.target_id,
    before: parseState(row.before_json),
    after: parseState(row.after_json),
  };
}

/** One page of the log, newest first (SPEC §2.8). */
export async function listAudit(
  deps: Deps<'db' | 'clock'>,
  scope: AuditScope,
  query: AuditQuery,
): Promise<AuditEventList> {
  const before = readCursor(query.cursor);
  const filter = await resolveFilter(deps, scope, query);
  if (!filter) return { items: [], nextCursor: null };
  const rows = await listAuditEvents(deps.db, filter, { before, limit: query.limit + 1 });
  const { items, nextCursor } = page(rows, query.limit);
  return { items: items.map(toAuditEvent), nextCursor };
}

function csvSource(row: AuditRow): AuditCsvSource {
  return { ...eventFields(row), beforeJson: row.before_json, afterJson: row.after_json };
}

async function* csvChunks(db: Executor, filter: AuditFilter | null, batch: number): AsyncGenerator<string> {
  yield CSV_HEADER;
  if (!filter) return;
  let before: string | undefined;
  for (;;) {
    const rows = await listAuditEvents(db, filter, { before, limit: batch });
    if (rows.length > 0) yield csvRecords(rows.map((row) => auditCsvValues(csvSource(row))));
    if (rows.length < batch) return;
    before = rows.at(-1)?.id;
  }
}

/**
 * Every matching event as CSV text, header first, produced batch by batch as the client reads. The filter is
 * checked here, before the first byte, so a bad one is still a 400 and not a broken download.
 */
export async function exportAudit(
  deps: Deps<'db' | 'clock'>,
  scope: AuditScope,
  query: AuditQuery,
  batch = CSV_BATCH,
): Promise<AsyncGenerator<string>> {
  const filter = await resolveFilter(deps, scope, query);
  return csvChunks(deps.db, filter, batch);
}

/** The actions the log's filter can offer: those recorded in this scope, in code-point order on either database. */
export async function auditActions(deps: Deps<'db' | 'clock'>, scope: AuditScope): Promise<AuditActionList> {
  const actions = await listAuditActions(deps.db, scope.organizationId);
  return { actions: actions.sort() };
}

/**
 * A page of a bulk event's rows, in the order they were processed. An event of another organization answers like one
 * that does not exist (SPEC §3), and so does an id that is not an event id at all.
 */
export async function listAuditItems(
  deps: Deps<'db' | 'clock'>,
  scope: AuditScope,
  eventId: string,
  query: AuditEventItemsQuery,
): Promise<AuditEventItemList> {
  const after = readPositionCursor(query.cursor);
  const event = AUDIT_ID.test(eventId) ? await findAuditEventScope(deps.db, eventId) : undefined;
  if (!event || (scope.organizationId !== undefined && event.organization_id !== scope.organizationId))
    throw AppError.notFound('audit event');
  const rows = await listAuditEventItems(deps.db, eventId, { afterPosition: after, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit).map((row) => ({
    position: Number(row.position),
    target: { id: row.target_id, name: row.target_name, detail: row.target_detail },
    outcome: row.outcome,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(String(last.position)) : null };
}

function readPositionCursor(cursor: string | undefined): number | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  if (!/^\d{1,9}$/.test(key)) throw AppError.validation('cursor', 'is not a cursor this server gave out');
  return Number(key);
}
