import type { Executor } from '../../db/database.js';

/** Keys per statement: well under SQLite's limit of bound parameters (each key is bound twice). */
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * The organizations named by id or code in an import, one statement per 500 names instead of one per row. Codes are
 * matched in lower case, as findOrganization does.
 */
export async function findOrganizationsByIdOrCode(db: Executor, keys: string[]) {
  const rows: { id: string; code: string }[] = [];
  for (const chunk of chunks(keys)) {
    rows.push(
      ...(await db
        .selectFrom('organizations')
        .select(['id', 'code'])
        .where((eb) =>
          eb.or([
            eb('id', 'in', chunk),
            eb(
              'code',
              'in',
              chunk.map((k) => k.toLowerCase()),
            ),
          ]),
        )
        .execute()),
    );
  }
  return rows;
}

/** The products named by id or code in an import; codes are matched in upper case, as findProduct does. */
export async function findProductsByIdOrCode(db: Executor, keys: string[]) {
  const rows: { id: string; code: string; kind: 'license' | 'service'; retired_at: unknown }[] = [];
  for (const chunk of chunks(keys)) {
    rows.push(
      ...(await db
        .selectFrom('products')
        .select(['id', 'code', 'kind', 'retired_at'])
        .where((eb) =>
          eb.or([
            eb('id', 'in', chunk),
            eb(
              'code',
              'in',
              chunk.map((k) => k.toUpperCase()),
            ),
          ]),
        )
        .execute()),
    );
  }
  return rows;
}
