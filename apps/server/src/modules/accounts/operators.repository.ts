import type { Executor } from '../../db/database.js';

export async function listOperators(db: Executor) {
  return db
    .selectFrom('users')
    .select(['id as userId', 'name', 'email'])
    .where('is_operator', '=', 1)
    .orderBy('email')
    .execute();
}
