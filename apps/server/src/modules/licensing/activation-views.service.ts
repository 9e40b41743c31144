import type { ActivationsQuery, ActivationView, MyLicensing, TransferBudget } from '@portico/contracts';
import { formatSerial } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { decodeCursor, page } from '../../lib/cursor.js';
import { toDate, toIsoString } from '../../lib/time.js';
import * as views from './activation-views.repository.js';
import * as activations from './activations.repository.js';
import * as devices from './devices.repository.js';
import { summaryOf } from './lease-issue.js';
import { deviceViews, hasLapsed, isOffline } from './license-answers.js';
import { transferBudget } from './transfer-budget.js';

// What administrators, members and the desktop's `status` see of activations (SPEC §2.5).

type ViewDeps = Deps<'db' | 'clock' | 'config'>;

async function budget(db: Executor, key: devices.UserProduct, deps: ViewDeps, now: Date): Promise<TransferBudget> {
  const policy = deps.config.transferLimit;
  return transferBudget(policy, await devices.transferUsage(db, key, new Date(now.getTime() - policy.windowMs)));
}

function stateOf(row: views.ActivationListRow, now: Date): ActivationView['state'] {
  // A revoked license's offline lease still out holds its seat until it ends (SPEC §2.5).
  if (isOffline(row, now) && (row.status === 'active' || row.status === 'revoked')) return 'offline';
  if (row.status !== 'active') return 'ended';
  return hasLapsed(row, now) ? 'lapsed' : 'online';
}

function viewOf(row: views.ActivationListRow, now: Date, transfers: TransferBudget | null): ActivationView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    state: stateOf(row, now),
    user: row.user_id ? { id: row.user_id, name: row.user_name ?? '', email: row.user_email ?? '' } : null,
    asset: { id: row.asset_id, serialDisplay: formatSerial(row.serial) },
    product: { id: row.product_id, code: row.product_code, name: row.product_name },
    device: { id: row.device_id, name: row.machine_name, platform: row.platform, appVersion: row.app_version },
    offlineUntil: row.offline_until ? toIsoString(row.offline_until) : null,
    since: toIsoString(row.created_at),
    lastContactAt: toIsoString(row.last_contact_at),
    leaseExpiresAt: toIsoString(row.lease_expires_at),
    endedAt: row.ended_at ? toIsoString(row.ended_at) : null,
    endedReason: row.ended_reason,
    transfers,
  };
}

/** The budgets of the members a page shows, one read per member and product. */
async function budgetsOf(deps: ViewDeps, rows: views.ActivationListRow[], now: Date) {
  const budgets = new Map<string, TransferBudget>();
  for (const row of rows) {
    if (!row.user_id) continue;
    const key = { organizationId: row.organization_id, userId: row.user_id, productId: row.product_id };
    const name = `${key.userId} ${key.productId}`;
    if (!budgets.has(name)) budgets.set(name, await budget(deps.db, key, deps, now));
  }
  return (row: views.ActivationListRow) =>
    row.user_id ? (budgets.get(`${row.user_id} ${row.product_id}`) ?? null) : null;
}

/** The Activations view of an organization, per asset or per member (administrators). */
export async function listActivations(deps: ViewDeps, organizationId: string, query: ActivationsQuery) {
  const now = deps.clock.now();
  const rows = await views.listActivations(deps.db, {
    organizationId,
    assetId: query.asset,
    userId: query.user,
    current: query.status === 'current' ? { now } : null,
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const { items, nextCursor } = page(rows, query.limit);
  const budgetOfRow = await budgetsOf(deps, items, now);
  return { items: items.map((row) => viewOf(row, now, budgetOfRow(row))), nextCursor };
}

/** A member's devices, the one in use and the transfers left for one product (My products). */
export async function myLicensing(deps: ViewDeps, key: devices.UserProduct): Promise<MyLicensing> {
  const now = deps.clock.now();
  const registered = await devices.registeredDevices(deps.db, key);
  const [current] = await views.listActivations(deps.db, {
    organizationId: key.organizationId,
    userId: key.userId,
    productId: key.productId,
    current: { now },
    limit: 1,
  });
  const transfers = await budget(deps.db, key, deps, now);
  return {
    devices: deviceViews(registered, current?.device_id ?? null),
    activation: current ? viewOf(current, now, transfers) : null,
    transfers,
  };
}

/** The caller's named-user products everywhere, with devices, slot and budget (the CLI's `status`). */
export async function licensingProducts(deps: ViewDeps, userId: string) {
  const now = deps.clock.now();
  const items = [];
  for (const held of await views.licensesOfUser(deps.db, userId)) {
    const key = { organizationId: held.organization_id, userId, productId: held.product_id };
    const slot = await activations.currentSlot(deps.db, key);
    const registered = await devices.registeredDevices(deps.db, key);
    const product = { id: held.product_id, code: held.product_code, name: held.product_name };
    items.push({
      organization: { id: held.organization_id, code: held.organization_code, name: held.organization_name },
      product,
      asset: { id: held.asset_id, mode: held.mode },
      devices: deviceViews(registered, slot?.device_id ?? null),
      activation: slot
        ? summaryOf({ ...slot, product_code: product.code, product_name: product.name }, toDate(slot.lease_expires_at))
        : null,
      transfers: await budget(deps.db, key, deps, now),
    });
  }
  return { items };
}
