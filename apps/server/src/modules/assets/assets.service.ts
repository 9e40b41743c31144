import { formatSerial } from '@portico/contracts';
import type { Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { decodeCursor, page } from '../../lib/cursor.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { iso, toDate, toIsoString } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.writer.js';
import { findProduct } from '../catalog/catalog.service.js';
import { findOrganization } from '../organizations/organizations.service.js';
import * as repo from './assets.repository.js';

export interface AssetInput {
  organization: string;
  product: string;
  serial: string;
  /** A license's seats; services have none. */
  seats?: number;
  mode?: 'machine' | 'online';
  startsAt: string;
  endsAt?: string | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Status as people see it: a suspension wins, then the end of the term (SPEC §2.2). */
export function assetStatus(row: { status: string; ends_at: unknown }, now: Date): 'active' | 'expired' | 'suspended' {
  if (row.status === 'suspended') return 'suspended';
  return row.ends_at !== null && toDate(row.ends_at) <= now ? 'expired' : 'active';
}

export function describeAsset(row: repo.AssetRow, now: Date) {
  const seatsAssigned = Number(row.seats_assigned ?? 0);
  const seatsHeldOffline = Number(row.seats_held_offline ?? 0);
  return {
    id: row.id,
    organizationId: row.organization_id,
    serial: row.serial,
    serialDisplay: formatSerial(row.serial),
    product: {
      id: row.product_id,
      code: row.product_code,
      name: row.product_name,
      kind: row.product_kind,
      type: row.product_type,
    },
    seats: row.seats,
    seatsAssigned,
    seatsAvailable: Math.max(0, row.seats - seatsAssigned - seatsHeldOffline),
    seatsHeldOffline,
    nextSeatFreeAt: row.next_seat_free_at ? toIsoString(row.next_seat_free_at) : null,
    mode: row.mode,
    startsAt: toIsoString(row.starts_at),
    endsAt: row.ends_at === null ? null : toIsoString(row.ends_at),
    status: assetStatus(row, now),
  };
}

/** The organization and product an asset names, as found by id or code (undefined: none has it). */
export interface AssetReferences {
  organization: { id: string } | undefined;
  product: { id: string; kind: 'license' | 'service'; retired_at: unknown } | undefined;
}

/**
 * The rules between an asset and the catalogue and organizations, for the fields that are given: the CSV import
 * checks a row whose other cells are bad too, so every problem of the row is reported at once. `seats` is judged
 * only when the key is there (an import row's seats cell that was itself refused is not judged twice): a license
 * needs seats, a service has none (docs/api.md, "Services have no seats").
 */
export function referenceProblems(
  input: Partial<Pick<AssetInput, 'organization' | 'product' | 'mode' | 'seats'>>,
  refs: AssetReferences,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { product } = refs;
  if (input.organization !== undefined && !refs.organization)
    problems.push({ field: 'organization', message: `no organization has the id or code ${input.organization}` });
  if (input.product !== undefined && !product)
    problems.push({ field: 'product', message: `no product has the id or code ${input.product}` });
  if (product && product.retired_at !== null)
    problems.push({ field: 'product', message: 'is retired: it takes no new assets' });
  if ('seats' in input && product?.kind === 'license' && input.seats === undefined)
    problems.push({ field: 'seats', message: 'is required for a license product' });
  if ('seats' in input && product?.kind === 'service' && input.seats !== undefined)
    problems.push({ field: 'seats', message: 'must be empty for a service: services have no seats' });
  if (product?.kind === 'service' && input.mode)
    problems.push({ field: 'mode', message: 'is only for license products' });
  return problems;
}

/**
 * Turns a checked input and what it refers to into the row to insert, or the problems. Pure, so that the CSV import
 * applies the same rules to every row with organizations and products it looked up in bulk.
 */
export function buildAsset(
  input: AssetInput,
  refs: AssetReferences,
): { asset: repo.NewAsset } | { problems: FieldProblem[] } {
  const problems = referenceProblems({ ...input, seats: input.seats }, refs);
  const { organization, product } = refs;
  if (problems.length > 0 || !organization || !product) return { problems };
  return {
    asset: {
      id: newId('asset'),
      organization_id: organization.id,
      product_id: product.id,
      serial: input.serial,
      // Services have no seats: the column holds 0 for them.
      seats: input.seats ?? 0,
      mode: product.kind === 'license' ? (input.mode ?? 'machine') : null,
      starts_at: iso(new Date(input.startsAt)),
      ends_at: input.endsAt ? iso(new Date(input.endsAt)) : null,
      status: 'active',
    },
  };
}

/** Checks one asset against the catalogue and the organizations without writing anything. */
export async function prepareAsset(
  db: Executor,
  input: AssetInput,
): Promise<{ asset: repo.NewAsset } | { problems: FieldProblem[] }> {
  const [organization, product] = await Promise.all([
    findOrganization(db, input.organization),
    findProduct(db, input.product),
  ]);
  return buildAsset(input, { organization, product });
}

export function serialTaken(serial: string): AppError {
  return new AppError('ALREADY_EXISTS', `The serial ${formatSerial(serial)} exists already`, [
    { path: 'serial', message: 'exists already' },
  ]);
}

export async function createAsset(deps: Deps<'db' | 'clock'>, actor: Actor, input: AssetInput) {
  const now = deps.clock.now();
  const prepared = await prepareAsset(deps.db, input);
  if ('problems' in prepared) {
    throw new AppError(
      'VALIDATION_FAILED',
      prepared.problems.map((p) => `${p.field} ${p.message}`).join('; '),
      prepared.problems.map((p) => ({ path: p.field, message: p.message })),
    );
  }
  const { asset } = prepared;
  try {
    await deps.db.transaction().execute(async (trx) => {
      await repo.insertAssets(trx, [asset], now);
      await recordAudit(
        trx,
        actor,
        {
          action: 'asset.created',
          targetType: 'asset',
          targetId: asset.id,
          organizationId: asset.organization_id,
          after: { ...input },
        },
        now,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw serialTaken(input.serial);
    throw error;
  }
  return describeAsset((await repo.findAsset(deps.db, asset.id)) as repo.AssetRow, now);
}

export async function listAssets(
  deps: Deps<'db' | 'clock'>,
  organizationIdOrCode: string,
  query: { cursor?: string; limit: number },
) {
  const organization = await findOrganization(deps.db, organizationIdOrCode);
  if (!organization) throw AppError.notFound('organization');
  const now = deps.clock.now();
  const rows = await repo.listAssetsOfOrganization(deps.db, organization.id, {
    after: decodeCursor(query.cursor),
    limit: query.limit,
    now,
  });
  const { items, nextCursor } = page(rows, query.limit);
  return { items: items.map((row) => describeAsset(row, now)), nextCursor };
}

const NINETY_DAYS_MS = 90 * 86_400_000;

/** The admin portal's main page: every license asset, every service, and what ends in the next 90 days. */
export async function overviewAssets(deps: Deps<'db' | 'clock'>, organizationId: string) {
  const now = deps.clock.now();
  const assets = (await repo.listAssetsOfOrganization(deps.db, organizationId, { now })).map((row) =>
    describeAsset(row, now),
  );
  const soon = now.getTime() + NINETY_DAYS_MS;
  return {
    products: assets.filter((a) => a.product.kind === 'license'),
    services: assets.filter((a) => a.product.kind === 'service'),
    endingSoon: assets.filter(
      (a) => a.endsAt !== null && a.status !== 'expired' && new Date(a.endsAt).getTime() <= soon,
    ),
  };
}

/** An asset by its serial number (normalized), for Register product and the demo loader. */
export async function findAssetBySerial(db: Executor, serial: string) {
  return repo.findAssetBySerial(db, serial);
}

/** The assets of one product in the organization, the one that ends last first (perpetual ones before all). */
export async function assetsOfProduct(db: Executor, organizationId: string, productId: string, now?: Date) {
  return repo.assetsOfProduct(db, organizationId, productId, now);
}

/** An asset by id with its product and the seats assigned; undefined when none has the id. */
export async function findAsset(db: Executor, id: string, now?: Date) {
  return repo.findAsset(db, id, now);
}
