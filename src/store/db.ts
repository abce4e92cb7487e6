import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import type { Config } from '../config/env.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

/**
 * Opens the database the config names and brings its schema up to date.
 * SQLite (default) runs in WAL mode with synchronous=NORMAL: a row the bot said it saved survives
 * a kill -9 of the process the next instant (tested); only a power loss of the machine may take
 * the last commits, which is what PostgreSQL (durable commits) is for in production.
 * @throws when the database cannot be opened or a migration fails (the message names it).
 */
export async function openDatabase(
  database: Config['database'],
  onPoolError?: (err: Error) => void,
): Promise<Kysely<Database>> {
  let db: Kysely<Database>;
  if (database.kind === 'postgres') {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    // An idle connection closed by the server (restart, failover) must not crash the bot; the
    // pool replaces it on the next query.
    pool.on('error', (err) => onPoolError?.(err));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    const { default: SQLite } = await import('better-sqlite3');
    if (database.file !== ':memory:') mkdirSync(path.dirname(database.file), { recursive: true });
    const sqlite = new SQLite(database.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    await db.destroy();
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${cause}`, { cause: error });
  }
  return db;
}
