/**
 * Opens the database: a real PostgreSQL server when a URL is given, otherwise the embedded PGlite in a
 * folder (taking a lock file so two processes never open the same folder). Both get the same Drizzle
 * API and the same migrations.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

/** A database or a transaction: repositories take either. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** One folder of generated SQL migrations: the platform's, or a module's (applied in the order listed). */
export interface MigrationSet {
  name: string;
  folder: string;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies every migration not yet applied, set by set (safe to re-run; serialised across processes on PostgreSQL). */
  migrate(sets: MigrationSet[]): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const PLATFORM_MIGRATIONS: MigrationSet = { name: 'platform', folder: new URL('./migrations', import.meta.url).pathname };
const MIGRATION_LOCK_KEY = 7_301_2022;

/** Each set keeps its own journal table, so modules generate migrations independently of each other. */
const journalOf = (set: MigrationSet) => ({
  migrationsFolder: set.folder,
  migrationsTable: set.name === 'platform' ? '__drizzle_migrations' : `__drizzle_migrations_${set.name.replace(/\W/g, '_')}`,
});

export class DatabaseLockedError extends Error {}

/** `dataDir: null` opens a throwaway in-memory PGlite (used to describe the API without any data). */
export async function openDatabase(options: { databaseUrl: string | null; dataDir: string | null }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's network error must not crash the process; queries will report it.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async migrate(sets) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        for (const set of sets) await migratePg(drizzlePg(client, { schema }), journalOf(set));
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    ping: () => ping(db),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | null): Promise<Database> {
  const pgDir = dataDir ? join(dataDir, 'pglite') : 'memory://';
  if (dataDir) mkdirSync(pgDir, { recursive: true });
  const releaseLock = dataDir ? takeLock(join(dataDir, 'tansiq.lock')) : () => {};
  try {
    const client = await PGlite.create(pgDir);
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      async migrate(sets) {
        for (const set of sets) await migratePglite(drizzlePglite(client, { schema }), journalOf(set));
      },
      ping: () => ping(db),
      async close() {
        await client.close();
        releaseLock();
      },
    };
  } catch (err) {
    releaseLock();
    throw err;
  }
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** PGlite does not lock its folder: a lock file holding our pid does, and a stale one (dead pid) is taken over. */
function takeLock(path: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DatabaseLockedError(`The data folder is in use by process ${pid} (${path}). Stop it first, or set DATA_DIR to another folder.`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseLockedError(`Could not take the lock ${path}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
