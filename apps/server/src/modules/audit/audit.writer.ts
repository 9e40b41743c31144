import type { AuditAction } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';

// The audit writer: the one way any module records an event (SPEC §2.8). Shared by every module (the import rule).

export interface AuditEntry {
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  organizationId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Rows per insert when many events are recorded at once: 10 parameters a row, well inside both databases' limits. */
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
  const rows = entries.map((entry) => ({
    id: newId('auditEvent', at.getTime()),
    occurred_at: iso(at),
    actor_user_id: actor.userId,
    actor_ip: actor.ip,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId ?? null,
    organization_id: entry.organizationId ?? null,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
  }));
  for (let start = 0; start < rows.length; start += AUDIT_CHUNK)
    await db
      .insertInto('audit_events')
      .values(rows.slice(start, start + AUDIT_CHUNK))
      .execute();
}
