import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../platform/db/client.ts';
import { MIGRATION_SETS } from '../migrations.ts';

export function migrateCommand(): Command {
  return new Command('migrate').description('Apply pending database migrations and exit').action(async () => {
    const database = await openDatabase(loadConfig());
    try {
      await database.migrate(MIGRATION_SETS);
      process.stdout.write(`Migrations applied (${database.kind}).\n`);
    } finally {
      await database.close();
    }
  });
}
