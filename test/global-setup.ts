/**
 * Runs once before the db and e2e tiers: prepares migrated, seeded template databases on PGlite and on a
 * throwaway PostgreSQL cluster, which every test file copies. Says loudly when PostgreSQL is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { systemClock } from '../server/platform/clock.ts';
import { openDatabase } from '../server/platform/db/client.ts';
import { seedQatar2022 } from '../server/seed/seed.ts';
import { findPostgresBin, startPostgresCluster } from './postgres-cluster.ts';
import { MIGRATION_SETS } from '../server/migrations.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    /** Admin URL of the throwaway PostgreSQL cluster; '' when PostgreSQL is not installed. */
    postgresUrl: string;
  }
}

export const PG_TEMPLATE_DB = 'tansiq_template';

export default async function setup(project: TestProject) {
  const templateRoot = mkdtempSync(join(tmpdir(), 'tansiq-pglite-template-'));
  const lite = await openDatabase({ databaseUrl: null, dataDir: templateRoot });
  await lite.migrate(MIGRATION_SETS);
  await seedQatar2022(lite.db, systemClock, { withDemoAccounts: true });
  await lite.close();
  project.provide('pgliteTemplateDir', templateRoot);

  const bin = findPostgresBin();
  let stopCluster = () => {};
  if (!bin) {
    const message = '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
      '!! PostgreSQL server binaries (initdb, pg_ctl) NOT FOUND: database tests run  !!\n' +
      '!! on PGlite ONLY. Install them: apt-get install -y postgresql                !!\n' +
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n';
    process.stderr.write(message);
    // CI installs PostgreSQL (.ci/run), so there a missing server is an error, not a warning.
    if (process.env.CI) throw new Error('PostgreSQL is required in CI');
    project.provide('postgresUrl', '');
  } else {
    const cluster = await startPostgresCluster(bin);
    stopCluster = () => cluster.stop();
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query(`create database ${PG_TEMPLATE_DB}`);
    await admin.end();
    const db = await openDatabase({ databaseUrl: cluster.url(PG_TEMPLATE_DB), dataDir: '' });
    await db.migrate(MIGRATION_SETS);
    await seedQatar2022(db.db, systemClock, { withDemoAccounts: true });
    await db.close();
    project.provide('postgresUrl', cluster.url());
  }

  return () => {
    stopCluster();
    rmSync(templateRoot, { recursive: true, force: true });
  };
}
