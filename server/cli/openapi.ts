import { Command } from 'commander';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { MIGRATION_SETS } from '../migrations.ts';
import { systemClock } from '../platform/clock.ts';
import { openDatabase } from '../platform/db/client.ts';

/** Builds the app on a throwaway in-memory database (describing routes needs no data) and prints the spec. */
export function openapiCommand(): Command {
  return new Command('openapi').description('Print the OpenAPI 3.1 description of the API (JSON)').action(async () => {
    const database = await openDatabase({ databaseUrl: null, dataDir: null });
    try {
      await database.migrate(MIGRATION_SETS);
      const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: undefined });
      const app = await buildApp({ database, db: database.db, clock: systemClock, config, operationId: '' }, { logger: false });
      await app.ready();
      process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
      await app.close();
    } finally {
      await database.close();
    }
  });
}
