import type { Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.writer.js';
import * as repo from './catalog.repository.js';

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
      await recordAudit(
        trx,
        actor,
        { action: 'product.created', targetType: 'product', targetId: product.id, after: input },
        now,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('ALREADY_EXISTS', `A product with the code ${input.code} exists already`, [
        { path: 'code', message: 'is taken' },
      ]);
    throw error;
  }
  return product;
}

export async function getProduct(deps: Deps<'db' | 'clock'>, idOrCode: string) {
  const product = await repo.findProduct(deps.db, idOrCode);
  if (!product) throw AppError.notFound('product');
  return product;
}

export async function catalogue(deps: Deps<'db' | 'clock'>) {
  return { items: await repo.listProducts(deps.db) };
}

/** A product by id or code, in the caller's transaction or on the database; undefined when none has it. */
export async function findProduct(db: Executor, idOrCode: string) {
  return repo.findProduct(db, idOrCode);
}
