import type { AssignRequest, AssignResult, RevokeOutcome } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import { lockOrganization } from '../../db/locks.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { assetStatus, assetsOfProduct, findAsset } from '../assets/assets.service.js';
import { type AuditItem, recordAudits, recordBulkAudit } from '../audit/audit.writer.js';
import { findProduct } from '../catalog/catalog.service.js';
import { endActivationsOfAssignments } from './activations.service.js';
import { notifyAssigned, notifyRevoked } from './assignment-notices.js';
import { type CandidateAsset, type Planned, planAssignments } from './assignment-rules.js';
import * as repo from './assignments.repository.js';

// Assignments (SPEC §2.5): administrators give members the seats of their organization's assets, and take them back.
// Every change that takes or counts seats holds the organization's lock (db/locks.ts), so a seat is never given
// twice, also by two server instances at once; the unique indexes keep one product, and one of a type, per member.

type LicensingDeps = Deps<'db' | 'clock' | 'config' | 'notifyMail'>;
type AssetRow = NonNullable<Awaited<ReturnType<typeof findAsset>>>;

function notFound(path: string, message: string): AppError {
  return new AppError('NOT_FOUND', `${path} ${message}`, [{ path, message }]);
}

/** The assets a request may take seats from, in order of preference, and their product. */
async function candidates(db: Executor, organizationId: string, input: AssignRequest, now: Date) {
  if (input.asset !== undefined) {
    const asset = await findAsset(db, input.asset, now);
    if (!asset || asset.organization_id !== organizationId)
      throw notFound('asset', 'is not an asset of this organization');
    return { product: { id: asset.product_id, type: asset.product_type }, assets: [asset] };
  }
  const product = await findProduct(db, input.product as string);
  const assets = product ? await assetsOfProduct(db, organizationId, product.id, now) : [];
  if (!product || assets.length === 0) throw notFound('product', 'is not a product this organization has an asset of');
  return { product: { id: product.id, type: product.type }, assets };
}

/**
 * The users the request may give seats to. An invitation of the organization (a Members list row of someone who has
 * not joined yet) is answered `not a member`; any other id that is not a member — unknown, or another
 * organization's — is a mistake in the request, refused naming it, like an id that does not exist: nothing is assigned.
 */
async function membersOf(trx: Executor, organizationId: string, users: string[]) {
  const members = await repo.membersAmong(trx, organizationId, users);
  const invited = await repo.openInvitationsAmong(
    trx,
    organizationId,
    users.filter((u) => !members.has(u)),
  );
  const strangers = users.flatMap((user, index) =>
    members.has(user) || invited.has(user)
      ? []
      : [{ path: `users.${index}`, message: 'is not a member of this organization' }],
  );
  if (strangers.length > 0)
    throw new AppError('NOT_FOUND', `${strangers.length} of the users are not members of this organization`, strangers);
  return { members: users.filter((u) => members.has(u)) };
}

function asCandidates(assets: AssetRow[], now: Date): CandidateAsset[] {
  return assets.map((a) => ({
    id: a.id,
    active: assetStatus(a, now) === 'active',
    free: a.seats - Number(a.seats_assigned) - Number(a.seats_held_offline),
  }));
}

interface Context {
  organizationId: string;
  product: { id: string; type: string | null };
  assignedBy: string | null;
  now: Date;
}

function newRows(plan: Planned[], ctx: Context): repo.NewAssignment[] {
  return plan.flatMap((p) =>
    p.outcome === 'assigned' && p.assetId
      ? [
          {
            id: newId('assignment', ctx.now.getTime()),
            organizationId: ctx.organizationId,
            assetId: p.assetId,
            productId: ctx.product.id,
            productType: ctx.product.type,
            userId: p.user,
            assignedBy: ctx.assignedBy,
          },
        ]
      : [],
  );
}

/** The answer per user, in the order given; under the lock every planned row went in (the indexes are a backstop). */
function answer(plan: Planned[], created: repo.NewAssignment[]): AssignResult['results'] {
  const idOf = new Map(created.map((r) => [r.userId, r.id]));
  return plan.map((p) => ({
    user: p.user,
    outcome: p.outcome === 'assigned' && !idOf.has(p.user) ? 'already assigned' : p.outcome,
    assignmentId: idOf.get(p.user) ?? null,
    assetId: p.assetId,
  }));
}

/** Assign (SPEC §2.5): one outcome per user; given a product, the active asset with a free seat that ends last. */
export async function assign(
  deps: LicensingDeps,
  actor: Actor,
  organizationId: string,
  input: AssignRequest,
): Promise<AssignResult> {
  const now = deps.clock.now();
  const results = await deps.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, organizationId, now);
    const { product, assets } = await candidates(trx, organizationId, input, now);
    const { members } = await membersOf(trx, organizationId, input.users);
    const held = await repo.activeOfUsers(trx, organizationId, members);
    const planned = new Map(
      planAssignments({ users: members, product, held, assets: asCandidates(assets, now) }).map((p) => [p.user, p]),
    );
    const plan = input.users.map(
      (user) => planned.get(user) ?? { user, outcome: 'not a member' as const, assetId: null },
    );
    const rows = newRows(plan, { organizationId, product, assignedBy: actor.userId, now });
    const inserted = await repo.insertAssignments(trx, rows, now);
    const created = rows.filter((r) => inserted.has(r.id));
    const results = answer(plan, created);
    await recordCreated(trx, deps, actor, { organizationId, created, results }, now);
    return results;
  });
  deps.notifyMail();
  return { results };
}

/** Outcomes and how many rows had each: what a bulk event says about its rows at a glance. */
function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

/**
 * One event per request: `assignment.created` for a request about one member, else one `assignments.created` with
 * every member named and their outcome (the audit writer names each from their id; all are members or invitations
 * of this organization, checked above). Nothing assigned, nothing recorded.
 */
async function recordCreated(
  trx: Executor,
  deps: Deps<'config'>,
  actor: Actor,
  request: { organizationId: string; created: repo.NewAssignment[]; results: AssignResult['results'] },
  now: Date,
) {
  const { organizationId, created, results } = request;
  if (created.length === 0) return;
  const rows = await repo.findAssignments(
    trx,
    organizationId,
    created.map((r) => r.id),
  );
  if (results.length > 1) {
    const items: AuditItem[] = results.map((r) => ({ targetId: r.user, outcome: r.outcome }));
    const after = { product: rows[0]?.product_code, outcomes: tally(results.map((r) => r.outcome)) };
    await recordBulkAudit(
      trx,
      actor,
      { action: 'assignments.created', targetType: 'assignment', organizationId, after, items },
      now,
    );
  } else {
    const entries = created.map((r) => ({
      action: 'assignment.created' as const,
      targetType: 'assignment',
      targetId: r.id,
      organizationId,
      after: { user: r.userId, asset: r.assetId, product: r.productId },
    }));
    await recordAudits(trx, actor, entries, now);
  }
  await notifyAssigned(trx, deps, organizationId, rows, now);
}

/** Revoke: ends each named assignment of the organization that is active; the others are `not found`. */
export async function revoke(
  deps: LicensingDeps,
  actor: Actor,
  organizationId: string,
  ids: string[],
): Promise<{ results: { assignment: string; outcome: RevokeOutcome }[] }> {
  const now = deps.clock.now();
  const ended = await deps.db.transaction().execute(async (trx) => {
    const revoked = await repo.revokeAssignments(trx, organizationId, { ids }, actor.userId, now);
    await endActivationsOfAssignments(trx, revoked, actor.userId, now);
    await recordRevoked(trx, deps, actor, { organizationId, named: ids, revoked }, now);
    return new Set(revoked);
  });
  deps.notifyMail();
  return { results: ids.map((id) => ({ assignment: id, outcome: ended.has(id) ? 'revoked' : 'not found' })) };
}

/**
 * `assignment.revoked` for one license, else one `assignments.revoked` with each license named in the request and
 * its outcome. The rows name themselves here, not through the writer's lookup: an id answered `not found` may be
 * another organization's assignment, and its holder's name must not reach this organization's log.
 */
async function recordRevoked(
  trx: Executor,
  deps: Deps<'config'>,
  actor: Actor,
  request: { organizationId: string; named: string[]; revoked: string[] },
  now: Date,
) {
  const { organizationId, named, revoked } = request;
  if (revoked.length === 0) return;
  const rows = await repo.findAssignments(trx, organizationId, revoked);
  if (named.length > 1) {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items: AuditItem[] = named.map((id) => {
      const row = byId.get(id);
      return row
        ? {
            targetId: id,
            targetName: row.user_name,
            targetDetail: `${row.user_email} · ${row.product_code}`,
            outcome: 'revoked',
          }
        : { targetId: id, targetName: null, targetDetail: null, outcome: 'not found' };
    });
    const after = { outcomes: tally(items.map((item) => item.outcome)) };
    await recordBulkAudit(
      trx,
      actor,
      { action: 'assignments.revoked', targetType: 'assignment', organizationId, after, items },
      now,
    );
  } else {
    const entries = rows.map((r) => ({
      action: 'assignment.revoked' as const,
      targetType: 'assignment',
      targetId: r.id,
      organizationId,
      before: { user: r.user_id, asset: r.asset_id, product: r.product_code },
    }));
    await recordAudits(trx, actor, entries, now);
  }
  await notifyRevoked(trx, deps, organizationId, rows, now);
}

/** The licenses a member holds, for the refusal of Remove member (SPEC §2.4). */
export async function heldBy(db: Executor, organizationId: string, userId: string) {
  return repo.activeOfUser(db, organizationId, userId);
}

/** Revokes every license of a member in the caller's transaction (Remove member, confirmed). */
export async function revokeAllOf(
  trx: Executor,
  deps: Deps<'config'>,
  actor: Actor,
  organizationId: string,
  userId: string,
  now: Date,
) {
  const revoked = await repo.revokeAssignments(trx, organizationId, { userId }, actor.userId, now);
  await endActivationsOfAssignments(trx, revoked, actor.userId, now);
  await recordRevoked(trx, deps, actor, { organizationId, named: revoked, revoked }, now);
  return revoked.length;
}
