/**
 * Fresh databases for tests, on both engines: a copy of the migrated, seeded template (PGlite folder copy,
 * or CREATE DATABASE … TEMPLATE on PostgreSQL). `describeEachDatabase` runs a suite once per engine.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { type Database, openDatabase } from '../server/platform/db/client.ts';

export type DatabaseKind = 'pglite' | 'postgres';
const PG_TEMPLATE_DB = 'tansiq_template';

/** The engines available to this run (PostgreSQL only when the cluster could start). */
export function databaseKinds(): DatabaseKind[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends Database {
  /** Connection string (PostgreSQL) or data folder (PGlite), for starting a server process on it. */
  location: { databaseUrl: string | null; dataDir: string };
  /** Closes and deletes the database. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'tansiq-test-'));
    cpSync(inject('pgliteTemplateDir'), dataDir, { recursive: true });
    const location = { databaseUrl: null, dataDir };
    const db = await openDatabase(location);
    return Object.assign(db, { location, destroy: async () => { await db.close().catch(() => {}); rmSync(dataDir, { recursive: true, force: true }); } });
  }
  const adminUrl = inject('postgresUrl');
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${PG_TEMPLATE_DB}`);
  await admin.end();
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const location = { databaseUrl, dataDir: '' };
  const db = await openDatabase(location);
  return Object.assign(db, {
    location,
    destroy: async () => {
      await db.close().catch(() => {});
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  });
}

/** Runs the suite once on each engine, with a fresh database for the suite. */
export function describeEachDatabase(name: string, suite: (db: () => TestDatabase, kind: DatabaseKind) => void): void {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(kind);
      });
      afterAll(async () => {
        await database?.destroy();
      });
      suite(() => {
        if (!database) throw new Error('test database not ready');
        return database;
      }, kind);
    });
  }
}
