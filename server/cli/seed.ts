import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { systemClock } from '../platform/clock.ts';
import { openDatabase } from '../platform/db/client.ts';
import { DEMO_PASSWORD, seedQatar2022 } from '../seed/seed.ts';
import { MIGRATION_SETS } from '../migrations.ts';

export function seedCommand(): Command {
  return new Command('seed')
    .description('Migrate, then seed the FIFA World Cup Qatar 2022 operation if it is not there (demo accounts unless NODE_ENV=production)')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        await database.migrate(MIGRATION_SETS);
        const result = await seedQatar2022(database.db, systemClock, { withDemoAccounts: !config.isProduction });
        if (!result.created) process.stdout.write('The Qatar 2022 operation is already seeded; nothing changed.\n');
        else {
          process.stdout.write('Seeded the FIFA World Cup Qatar 2022 operation.\n');
          for (const a of result.demoAccounts) process.stdout.write(`  ${a.email} (${a.role}) password ${DEMO_PASSWORD}\n`);
        }
      } finally {
        await database.close();
      }
    });
}
