import { resolve } from 'node:path';
import type { DatabaseHandle } from './database.js';

/** SQLite's online backup: a consistent copy taken page by page while other connections keep writing. */
export async function backupSqlite(handle: DatabaseHandle, file: string): Promise<number> {
  if (!handle.sqlite) throw new Error('backup needs the SQLite dialect');
  const result = await handle.sqlite.backup(resolve(file));
  return result.totalPages;
}
