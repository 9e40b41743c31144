import { iso } from '../lib/time.js';
import type { Executor } from './database.js';

/**
 * Serializes the changes that must see each other within one organization: who administers it (members), and who
 * holds its seats (assignments, member removal, seat counts). Touching the organization row first takes its row lock
 * on PostgreSQL, so a count made after it cannot be outdated by a concurrent change, also from another server
 * instance; on SQLite it starts the write transaction at once (one writer at a time), so a read made after it is
 * never stale either. Every caller takes it first, before any other lock, so two of them never deadlock.
 */
export async function lockOrganization(trx: Executor, organizationId: string, at: Date): Promise<void> {
  await trx
    .updateTable('organizations')
    .set({ updated_at: iso(at) })
    .where('id', '=', organizationId)
    .execute();
}
