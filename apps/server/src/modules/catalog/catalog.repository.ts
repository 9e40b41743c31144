import type { Executor } from '../../db/database.js';
import { iso } from '../../lib/time.js';

export interface NewProduct {
  id: string;
  code: string;
  name: string;
  kind: 'license' | 'service';
  type: string | null;
}

const COLUMNS = ['id', 'code', 'name', 'kind', 'type', 'retired_at'] as const;

export async function insertProduct(db: Executor, product: NewProduct, at: Date): Promise<void> {
  await db
    .insertInto('products')
    .values({ ...product, created_at: iso(at), updated_at: iso(at) })
    .execute();
}

export async function findProduct(db: Executor, idOrCode: string) {
  return db
    .selectFrom('products')
    .select(COLUMNS)
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode.toUpperCase())]))
    .executeTakeFirst();
}

export type ProductRow = NonNullable<Awaited<ReturnType<typeof findProduct>>>;

export async function listProducts(db: Executor) {
  return db.selectFrom('products').select(COLUMNS).orderBy('code').execute();
}

export async function updateProduct(
  db: Executor,
  id: string,
  changes: { name?: string; type?: string | null },
  at: Date,
): Promise<void> {
  await db
    .updateTable('products')
    .set({ ...changes, updated_at: iso(at) })
    .where('id', '=', id)
    .execute();
}

/** Retires the product once: true for the call that did, false when it was retired already. */
export async function retireProduct(db: Executor, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('products')
    .set({ retired_at: iso(at), updated_at: iso(at) })
    .where('id', '=', id)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
