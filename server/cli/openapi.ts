import { Command } from 'commander';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { systemClock } from '../platform/clock.ts';
import type { Database } from '../platform/db/client.ts';

/** Builds the app without opening a database (describing routes needs none) and prints the spec. */
export function openapiCommand(): Command {
  return new Command('openapi').description('Print the OpenAPI 3.1 description of the API (JSON)').action(async () => {
    const unopened = new Proxy({} as Database, {
      get() {
        throw new Error('openapi: the database is not opened for printing the spec');
      },
    });
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
    const app = await buildApp({ database: unopened, db: unopened as unknown as Database['db'], clock: systemClock, config, operationId: '' }, { logger: false });
    await app.ready();
    process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
    await app.close();
  });
}
