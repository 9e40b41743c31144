import type { AuditAction, BulkOutcome, BulkSelection } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import { recordBulkAudit } from '../audit/audit.writer.js';
import { rowsByIds, rowsMatching, type SelectedRow } from './selection.repository.js';

export type { SelectedRow } from './selection.repository.js';

/** One row of a bulk action's answer: whom it concerned and what happened. */
export interface BulkItem {
  id: string;
  email: string | null;
  name: string | null;
  outcome: BulkOutcome;
}

/**
 * The rows a bulk action applies to, read in the action's transaction: listed ids in the order given (an id that
 * is neither a member nor an invitation of this organization comes back in `missing`, answered `not found` like
 * any unknown id), or every row the filter matches now, minus the unticked ones.
 */
export async function resolveSelection(
  trx: Executor,
  organizationId: string,
  selection: BulkSelection,
  now: Date,
): Promise<{ rows: SelectedRow[]; missing: string[] }> {
  if ('matching' in selection) {
    const except = new Set(selection.except);
    const rows = await rowsMatching(trx, organizationId, selection.matching, now);
    return { rows: rows.filter((row) => !except.has(row.id)), missing: [] };
  }
  const ids = [...new Set(selection.ids)];
  const found = new Map((await rowsByIds(trx, organizationId, ids)).map((row) => [row.id, row]));
  const rows: SelectedRow[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const row = found.get(id);
    if (row) rows.push(row);
    else missing.push(id);
  }
  return { rows, missing };
}

export function itemOf(row: SelectedRow, outcome: BulkOutcome): BulkItem {
  return { id: row.id, email: row.email, name: row.name, outcome };
}

export function notFound(id: string): BulkItem {
  return { id, email: null, name: null, outcome: 'not found' };
}

/** The outcomes that changed something: what the audit event counts as done. */
const DONE: ReadonlySet<BulkOutcome> = new Set(['resent', 'revoked', 'changed', 'removed']);

/**
 * The one audit event of a bulk action (ADR 15): every row with its outcome, the organization as its target, and
 * `after` with the number done. Nothing is recorded when no row changed; the event's id otherwise.
 */
export async function recordBulkOutcome(
  trx: Executor,
  actor: Actor,
  entry: { action: AuditAction; organizationId: string; after?: Record<string, unknown> },
  items: BulkItem[],
  now: Date,
): Promise<string | null> {
  const count = items.filter((item) => DONE.has(item.outcome)).length;
  if (count === 0) return null;
  const rows = items.map((item) => ({
    targetId: item.id,
    targetName: item.name,
    targetDetail: item.email,
    outcome: item.outcome,
  }));
  const after = { ...entry.after, count };
  return recordBulkAudit(trx, actor, { ...entry, targetType: 'organization', after, items: rows }, now);
}
