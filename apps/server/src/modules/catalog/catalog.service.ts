import type { Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { toIsoString } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.writer.js';
import * as repo from './catalog.repository.js';

// The product catalogue (SPEC §2.2), kept by operators: a code and a kind that never change (desktop applications
// and CSV files name products by code), a name and a product type that may, and retirement: a retired product takes
// no new assets (assets.service refuses it) while the assets that exist keep working.

/** A product as the API answers it. */
export function describeProduct(row: repo.ProductRow) {
  const { retired_at, ...product } = row;
  return { ...product, retiredAt: retired_at === null ? null : toIsoString(retired_at) };
}

const audited = (product: { id: string; code: string; name: string }) => ({
  targetType: 'product',
  targetId: product.id,
  targetName: product.name,
  targetDetail: product.code,
});

export async function createProduct(
  deps: Deps<'db' | 'clock'>,
  actor: Actor,
  input: { code: string; name: string; kind: 'license' | 'service'; type?: string | null },
) {
  const now = deps.clock.now();
  const product = {
    id: newId('product', now.getTime()),
    code: input.code,
    name: input.name,
    kind: input.kind,
    type: input.kind === 'license' ? (input.type ?? null) : null,
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await repo.insertProduct(trx, product, now);
      await recordAudit(trx, actor, { ...audited(product), action: 'product.created', after: input }, now);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('ALREADY_EXISTS', `A product with the code ${input.code} exists already`, [
        { path: 'code', message: 'is taken' },
      ]);
    throw error;
  }
  return { ...product, retiredAt: null };
}

async function productOrNotFound(db: Executor, idOrCode: string) {
  const product = await repo.findProduct(db, idOrCode);
  if (!product) throw AppError.notFound('product');
  return product;
}

/** Name and product type; a service has no type, and a license keeps one (SPEC §2.2). */
export async function updateProduct(
  deps: Deps<'db' | 'clock'>,
  actor: Actor,
  idOrCode: string,
  input: { name?: string; type?: string | null },
) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const product = await productOrNotFound(trx, idOrCode);
    if (product.kind === 'service' && input.type) throw AppError.validation('type', 'must be empty for a service');
    if (product.kind === 'license' && input.type === null)
      throw AppError.validation('type', 'is required for a license product');
    const changes: { name?: string; type?: string } = {};
    if (input.name !== undefined && input.name !== product.name) changes.name = input.name;
    if (product.kind === 'license' && input.type && input.type !== product.type) changes.type = input.type;
    if (Object.keys(changes).length === 0) return describeProduct(product);
    await repo.updateProduct(trx, product.id, changes, now);
    const before = Object.fromEntries(Object.keys(changes).map((key) => [key, product[key as keyof typeof changes]]));
    const updated = { ...product, ...changes };
    await recordAudit(trx, actor, { ...audited(updated), action: 'product.updated', before, after: changes }, now);
    return describeProduct(updated);
  });
}

/** Retires a product: it takes no new assets; its assets keep working. Retiring it again changes nothing. */
export async function retireProduct(deps: Deps<'db' | 'clock'>, actor: Actor, idOrCode: string) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const product = await productOrNotFound(trx, idOrCode);
    if (!(await repo.retireProduct(trx, product.id, now))) return describeProduct(product);
    await recordAudit(trx, actor, { ...audited(product), action: 'product.retired' }, now);
    return describeProduct({ ...product, retired_at: now });
  });
}

export async function getProduct(deps: Deps<'db' | 'clock'>, idOrCode: string) {
  return describeProduct(await productOrNotFound(deps.db, idOrCode));
}

export async function catalogue(deps: Deps<'db' | 'clock'>) {
  return { items: (await repo.listProducts(deps.db)).map(describeProduct) };
}

/** A product by id or code, in the caller's transaction or on the database; undefined when none has it. */
export async function findProduct(db: Executor, idOrCode: string) {
  return repo.findProduct(db, idOrCode);
}
