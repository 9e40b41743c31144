import type { Executor } from '../../db/database.js';
import { iso } from '../../lib/time.js';

export interface NewProduct {
  id: string;
  code: string;
  name: string;
  kind: 'license' | 'service';
  type: string | null;
}

export async function insertProduct(db: Executor, product: NewProduct, at: Date): Promise<void> {
  await db
    .insertInto('products')
    .values({ ...product, created_at: iso(at), updated_at: iso(at) })
    .execute();
}

export async function findProduct(db: Executor, idOrCode: string) {
  return db
    .selectFrom('products')
    .select(['id', 'code', 'name', 'kind', 'type'])
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode.toUpperCase())]))
    .executeTakeFirst();
}

export async function listProducts(db: Executor) {
  return db.selectFrom('products').select(['id', 'code', 'name', 'kind', 'type']).orderBy('code').execute();
}
