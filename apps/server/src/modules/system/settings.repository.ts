import type { Executor } from '../../db/database.js';
import { iso } from '../../lib/time.js';

/** The instance's settings (instance_settings): one row a name; no row means the default that ships. */

export async function findSetting(db: Executor, name: string) {
  return db.selectFrom('instance_settings').select(['value', 'updated_at']).where('name', '=', name).executeTakeFirst();
}

/** One statement on both databases: a second operator saving at the same moment simply wins after the first. */
export async function saveSetting(db: Executor, name: string, value: string, userId: string | null, at: Date) {
  await db
    .insertInto('instance_settings')
    .values({ name, value, updated_by_user_id: userId, updated_at: iso(at) })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_by_user_id: userId, updated_at: iso(at) }))
    .execute();
}

export async function deleteSetting(db: Executor, name: string): Promise<boolean> {
  const result = await db.deleteFrom('instance_settings').where('name', '=', name).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
