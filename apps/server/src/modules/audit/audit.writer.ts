import type { AuditAction } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';
import { findTargetSnapshots, type TargetSnapshot, targetTypeOfId } from './audit-targets.repository.js';

// The audit writer: the one way any module records an event (SPEC §2.8). Shared by every module (the import rule).

export interface AuditEntry {
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  organizationId?: string | null;
  /**
   * The target as it is now, kept with the event: a display name (person, product, organization)… Leave both out
   * and the writer looks the target up by targetType and targetId in the same transaction; give them where the
   * caller holds them already (a hot path) or the target row is gone by now.
   */
  targetName?: string | null;
  /** …and what tells it apart: an email, a grouped serial, a product code or an organization's code. */
  targetDetail?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * One row of a bulk action: whom it touched and what happened to it (`revoked`, `already revoked`, …). Without a
 * name and detail the writer looks the row up by its id's prefix (`usr_`, `inv_`, `asg_`, …), within the event's
 * organization only (a user: while a member), so a row whose membership is deleted first needs its names given.
 */
export interface AuditItem {
  targetId: string | null;
  targetName?: string | null;
  targetDetail?: string | null;
  outcome: string;
}

/** Rows per insert when many events are recorded at once: 13 parameters a row, well inside both databases' limits. */
const AUDIT_CHUNK = 500;

/**
 * Append-only (SPEC §2.8): there is no update or delete function here on purpose. Call it with the transaction
 * that makes the change, so the event exists exactly when the change does. Never pass secrets in before/after.
 */
export async function recordAudit(db: Executor, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  await recordAudits(db, actor, [entry], at);
}

/** Several events of one change (a bulk invite's invitations), a few multi-row inserts instead of one per event. */
export async function recordAudits(db: Executor, actor: Actor, entries: AuditEntry[], at: Date): Promise<void> {
  const named = await snapshotsOf(
    db,
    entries.filter(unnamed).map((entry) => ({ type: entry.targetType, id: entry.targetId as string })),
  );
  const rows = entries.map((entry) => ({
    id: newId('auditEvent', at.getTime()),
    occurred_at: iso(at),
    actor_user_id: actor.userId,
    actor_ip: actor.ip,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId ?? null,
    organization_id: entry.organizationId ?? null,
    ...targetColumns(entry, named.get(snapshotKey(entry.targetType, entry.targetId))),
    item_count: null,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
  }));
  for (let start = 0; start < rows.length; start += AUDIT_CHUNK)
    await db
      .insertInto('audit_events')
      .values(rows.slice(start, start + AUDIT_CHUNK))
      .execute();
}

/**
 * A bulk action (revoke 48 invitations, make 3 members administrators) as one event with its count, its rows kept
 * beside it in audit_event_items in the order they were processed. The event's target is the organization.
 */
export async function recordBulkAudit(
  db: Executor,
  actor: Actor,
  entry: Omit<AuditEntry, 'targetId' | 'targetName' | 'targetDetail'> & { items: AuditItem[] },
  at: Date,
): Promise<string> {
  const id = newId('auditEvent', at.getTime());
  await db
    .insertInto('audit_events')
    .values({
      id,
      occurred_at: iso(at),
      actor_user_id: actor.userId,
      actor_ip: actor.ip,
      action: entry.action,
      target_type: entry.targetType,
      target_id: null,
      organization_id: entry.organizationId ?? null,
      target_name: null,
      target_detail: null,
      item_count: entry.items.length,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
  // A bulk action answers ids it refused (another organization's, say) as rows too: only what belongs to the
  // event's organization is named, so no name crosses from one organization's data into another's log.
  const named = await snapshotsOf(
    db,
    entry.items.filter(unnamed).flatMap((item) => {
      const type = targetTypeOfId(item.targetId as string);
      return type ? [{ type, id: item.targetId as string }] : [];
    }),
    entry.organizationId ?? undefined,
  );
  const rows = entry.items.map((item, position) => {
    const snapshot = item.targetId ? named.get(snapshotKey(targetTypeOfId(item.targetId), item.targetId)) : undefined;
    return {
      event_id: id,
      position,
      target_id: item.targetId,
      ...targetColumns(item, snapshot),
      outcome: item.outcome,
    };
  });
  for (let start = 0; start < rows.length; start += AUDIT_CHUNK)
    await db
      .insertInto('audit_event_items')
      .values(rows.slice(start, start + AUDIT_CHUNK))
      .execute();
  return id;
}

// ---- Names as they are at the time of the change ---------------------------------------------------------------

/** A target the caller did not name (neither name nor detail given) and that has an id to look up. */
function unnamed(target: { targetId?: string | null; targetName?: string | null; targetDetail?: string | null }) {
  return Boolean(target.targetId) && target.targetName === undefined && target.targetDetail === undefined;
}

const snapshotKey = (type: string | undefined, id: string | null | undefined) => `${type}:${id}`;

/** One lookup per target type (a few for thousands of rows), in the caller's transaction. */
async function snapshotsOf(db: Executor, targets: { type: string; id: string }[], organization?: string) {
  const byType = new Map<string, string[]>();
  for (const { type, id } of targets) {
    const ids = byType.get(type);
    if (ids) ids.push(id);
    else byType.set(type, [id]);
  }
  const named = new Map<string, TargetSnapshot>();
  for (const [type, ids] of byType)
    for (const [id, snapshot] of await findTargetSnapshots(db, type, ids, organization))
      named.set(snapshotKey(type, id), snapshot);
  return named;
}

/** What the caller gave wins, also an explicit null; otherwise what the lookup found. */
function targetColumns(entry: Pick<AuditEntry, 'targetName' | 'targetDetail'>, snapshot: TargetSnapshot | undefined) {
  return {
    target_name: entry.targetName !== undefined ? entry.targetName : (snapshot?.name ?? null),
    target_detail: entry.targetDetail !== undefined ? entry.targetDetail : (snapshot?.detail ?? null),
  };
}
