import { type AssignmentsQuery, formatSerial } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { decodeCursor, page } from '../../lib/cursor.js';
import { AppError } from '../../lib/errors.js';
import { toIsoString } from '../../lib/time.js';
import { assetStatus } from '../assets/assets.service.js';
import { findProduct } from '../catalog/catalog.service.js';
import { myLicensing } from './activation-views.service.js';
import * as repo from './assignments.repository.js';

// What administrators and members read of assignments: the organization's list, My products, the Members column.

const ASSIGNMENT_ID = /^asg_[0-9a-z]{26}$/;

function productOf(row: repo.AssignmentRow) {
  return {
    id: row.product_id,
    code: row.product_code,
    name: row.product_name,
    kind: row.product_kind,
    type: row.product_type,
  };
}

export function describeAssignment(row: repo.AssignmentRow) {
  return {
    id: row.id,
    asset: { id: row.asset_id, serialDisplay: formatSerial(row.serial), mode: row.mode },
    product: productOf(row),
    user: { id: row.user_id, name: row.user_name, email: row.user_email },
    assignedAt: toIsoString(row.created_at),
  };
}

function readCursor(cursor: string | undefined): string | undefined {
  const id = decodeCursor(cursor);
  if (id !== undefined && !ASSIGNMENT_ID.test(id))
    throw AppError.validation('cursor', 'is not a cursor this server gave out');
  return id;
}

/** The organization's active assignments, newest first; `product` by id or code. */
export async function listAssignments(deps: Deps<'db'>, organizationId: string, query: AssignmentsQuery) {
  const before = readCursor(query.cursor);
  let productId: string | undefined;
  if (query.product !== undefined) {
    const product = await findProduct(deps.db, query.product);
    if (!product) return { items: [], nextCursor: null };
    productId = product.id;
  }
  const rows = await repo.listAssignments(deps.db, organizationId, {
    assetId: query.asset,
    userId: query.user,
    productId,
    q: query.q,
    before,
    limit: query.limit,
  });
  const { items, nextCursor } = page(rows, query.limit);
  return { items: items.map(describeAssignment), nextCursor };
}

/** My products (SPEC §4.1): what is assigned to the signed-in user in this organization, with their devices. */
export async function myProducts(deps: Deps<'db' | 'clock' | 'config'>, organizationId: string, userId: string) {
  const now = deps.clock.now();
  const rows = await repo.activeOfUser(deps.db, organizationId, userId);
  const items = [];
  for (const row of rows) {
    const key = { organizationId, userId, productId: row.product_id };
    items.push({
      assignmentId: row.id,
      product: productOf(row),
      asset: {
        id: row.asset_id,
        serialDisplay: formatSerial(row.serial),
        mode: row.mode,
        startsAt: toIsoString(row.starts_at),
        endsAt: row.ends_at === null ? null : toIsoString(row.ends_at),
        status: assetStatus({ status: row.asset_status, ends_at: row.ends_at }, now),
      },
      assignedAt: toIsoString(row.created_at),
      licensing: row.mode === 'online' ? await myLicensing(deps, key) : null,
    });
  }
  return { items };
}

/** The products each listed member holds, for the Members list's Products column. */
export async function productsHeldBy(db: Executor, organizationId: string, userIds: string[]) {
  const byUser = new Map<string, { assignmentId: string; code: string; name: string }[]>();
  for (const row of await repo.productsOfUsers(db, organizationId, userIds))
    byUser.set(row.user_id, [
      ...(byUser.get(row.user_id) ?? []),
      { assignmentId: row.id, code: row.code, name: row.name },
    ]);
  return byUser;
}
