import { sql } from 'kysely';
import type { Deps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';

/** Readiness: the database answers a trivial query (a load balancer stops sending requests otherwise). */
export async function assertDatabaseAnswers(deps: Deps<'db'>): Promise<void> {
  try {
    await sql`select 1`.execute(deps.db);
  } catch {
    throw new AppError('UNAVAILABLE', 'The database does not answer');
  }
}
