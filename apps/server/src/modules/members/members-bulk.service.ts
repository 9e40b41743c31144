import type { BulkResult, BulkSelection, Rights } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import { lockOrganization } from '../../db/locks.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { productsHeldBy } from '../licensing/assignment-views.service.js';
import { revokeAllOf } from '../licensing/assignments.service.js';
import * as repo from './members.repository.js';
import {
  type BulkItem,
  itemOf,
  notFound,
  recordBulkOutcome,
  resolveSelection,
  type SelectedRow,
} from './selection.service.js';

// Bulk Change to Admin / Member and Remove member (issue 14): one request, one transaction under the
// organization's lock (the same lock every single change takes, so the last-administrator count cannot move under
// us), an answer per row, and one audit event with its rows.

type BulkDeps = Deps<'db' | 'clock' | 'config' | 'notifyMail'>;

/**
 * Walks the selection in order and decides each row; `decide` answers a refusal, or null to apply. Administrators
 * are counted once and kept up to date as rows are decided, so a selection of every administrator demotes all
 * but the last one, which answers `last administrator`.
 */
async function decideRows(
  trx: Executor,
  actor: Actor,
  organizationId: string,
  { rows, missing }: { rows: SelectedRow[]; missing: string[] },
  decide: (row: SelectedRow, administrators: number) => BulkItem['outcome'] | null,
  outcomeDone: BulkItem['outcome'],
) {
  let administrators = await repo.countAdministrators(trx, organizationId);
  const items: BulkItem[] = [];
  const applied: SelectedRow[] = [];
  for (const row of rows) {
    let refusal: BulkItem['outcome'] | null = null;
    if (row.kind !== 'member') refusal = 'not a member';
    else if (row.id === actor.userId) refusal = 'yourself';
    else refusal = decide(row, administrators);
    if (refusal) {
      items.push(itemOf(row, refusal));
      continue;
    }
    if (row.rights === 'admin') administrators -= 1;
    applied.push(row);
    items.push(itemOf(row, outcomeDone));
  }
  return { items: [...items, ...missing.map(notFound)], applied };
}

/** Change to Admin / Change to Member for a selection. */
export async function changeRightsInBulk(
  deps: BulkDeps,
  actor: Actor,
  organizationId: string,
  selection: BulkSelection,
  rights: Rights,
): Promise<BulkResult> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, organizationId, now);
    const selected = await resolveSelection(trx, organizationId, selection, now);
    const { items, applied } = await decideRows(
      trx,
      actor,
      organizationId,
      selected,
      (row, administrators) => {
        if (row.rights === rights) return rights === 'admin' ? 'already Admin' : 'already Member';
        if (row.rights === 'admin' && administrators <= 1) return 'last administrator';
        return null;
      },
      'changed',
    );
    // Demotions lower the count as decided above; a promotion never needs the count, so it is not raised.
    await repo.setRights(
      trx,
      organizationId,
      applied.map((row) => row.id),
      rights,
      now,
    );
    const entry = { action: 'members.rights_changed' as const, organizationId, after: { rights } };
    const auditEventId = await recordBulkOutcome(trx, actor, entry, items, now);
    return { auditEventId, results: items };
  });
}

/**
 * Remove member for a selection. Members who hold licenses answer `holds licenses` unless the request says
 * `revokeLicenses`; then their licenses are revoked in the same transaction, as a single removal does.
 */
export async function removeInBulk(
  deps: BulkDeps,
  actor: Actor,
  organizationId: string,
  selection: BulkSelection,
  revokeLicenses: boolean,
): Promise<BulkResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, organizationId, now);
    const selected = await resolveSelection(trx, organizationId, selection, now);
    const memberIds = selected.rows.filter((row) => row.kind === 'member').map((row) => row.id);
    const holders = await productsHeldBy(trx, organizationId, memberIds);
    const { items, applied } = await decideRows(
      trx,
      actor,
      organizationId,
      selected,
      (row, administrators) => {
        if (row.rights === 'admin' && administrators <= 1) return 'last administrator';
        if (!revokeLicenses && (holders.get(row.id)?.length ?? 0) > 0) return 'holds licenses';
        return null;
      },
      'removed',
    );
    for (const row of applied)
      if (holders.has(row.id)) await revokeAllOf(trx, deps, actor, organizationId, row.id, now);
    await repo.deleteMembers(
      trx,
      organizationId,
      applied.map((row) => row.id),
    );
    const after = revokeLicenses ? { licensesRevoked: true } : {};
    const auditEventId = await recordBulkOutcome(
      trx,
      actor,
      { action: 'members.removed', organizationId, after },
      items,
      now,
    );
    return { auditEventId, results: items };
  });
  deps.notifyMail();
  return result;
}
