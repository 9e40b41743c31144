import type { Executor } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { iso } from '../../lib/time.js';

/** Who did it and from where: taken from the request (or the CLI) and carried into every audit event. */
export interface Actor {
  userId: string | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, ip: null };

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  organizationId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Append-only (SPEC §2.8): there is no update or delete function here on purpose. Call it with the transaction
 * that makes the change, so the event exists exactly when the change does. Never pass secrets in before/after.
 */
export async function recordAudit(db: Executor, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
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
    })
    .execute();
}

export async function listAuditForTarget(db: Executor, targetType: string, targetId: string) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('target_type', '=', targetType)
    .where('target_id', '=', targetId)
    .orderBy('id')
    .execute();
}
