import type { Config } from '../config.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrator.js';
import type { Deps } from '../deps.js';
import { systemClock } from '../lib/clock.js';

/** Opens the configured database for one command (migrated first unless told not to), and always closes it. */
export async function withDatabase<T>(
  config: Config,
  work: (handle: DatabaseHandle) => Promise<T>,
  options: { migrate: boolean } = { migrate: true },
): Promise<T> {
  const handle = openDatabase(config.database);
  try {
    if (options.migrate) await migrateToLatest(handle.db);
    return await work(handle);
  } finally {
    await handle.destroy();
  }
}

/** What the services need, for a command: the same services the API calls, on the system clock. */
export function serviceDeps(handle: DatabaseHandle): Deps<'db' | 'clock'> {
  return { db: handle.db, clock: systemClock };
}
