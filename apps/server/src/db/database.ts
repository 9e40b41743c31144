import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Dialect, Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database } from './types.js';

export type DB = Kysely<Database>;
/** Repository functions take either; those that need a lock demand a Transaction (ARCHITECTURE convention 2). */
export type Executor = Kysely<Database> | Transaction<Database>;
export type Dialect_ = Config['database']['dialect'];

// COUNT(*) and BIGINT come back from PostgreSQL as strings; every such value here fits in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface DatabaseHandle {
  db: DB;
  dialect: Dialect_;
  /** The raw better-sqlite3 connection (for backups), when the dialect is SQLite. */
  sqlite?: SQLite.Database;
  /**
   * A second, read-only SQLite connection for prepared reads on hot paths. Kysely serializes everything on the
   * main connection, transactions included; a statement run on that connection outside Kysely would read inside
   * whatever transaction is open. WAL gives this reader only committed data, and it is never blocked by a writer.
   * Absent for an in-memory database (a second connection would see another, empty database).
   */
  reader?: SQLite.Database;
  /** The pg pool, when the dialect is PostgreSQL (for prepared statements on hot paths). */
  pool?: pg.Pool;
  destroy(): Promise<void>;
}

/** Prepared statements kept per SQL text; queries with lists of varying length make new texts, hence the bound. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely sees it, with its statements kept and reused: Kysely's SQLite driver prepares every
 * query anew, which was 10-12% of the server's time under write load (measured with bench/profile.mjs). Reuse is
 * safe because Kysely runs one query at a time on this connection and each finishes (all, run, or the whole
 * iteration of a stream) before the next begins.
 */
function withStatementCache(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (statement) cache.delete(sql);
      else statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

export function openDatabase(database: Config['database']): DatabaseHandle {
  if (database.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 20 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', pool, destroy: () => db.destroy() };
  }
  if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  // WAL lets readers run beside the writer; FULL makes an acknowledged commit survive power loss (SPEC §6).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const dialect: Dialect = new SqliteDialect({ database: withStatementCache(sqlite) });
  const db = new Kysely<Database>({ dialect });
  const reader = database.file === ':memory:' ? undefined : new SQLite(database.file, { readonly: true });
  reader?.pragma('busy_timeout = 5000');
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    reader,
    destroy: async () => {
      reader?.close();
      await db.destroy();
    },
  };
}
