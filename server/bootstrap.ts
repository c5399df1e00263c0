/** Opens the database, applies migrations and seeds on first start: the steps before serving. */
import { like } from 'drizzle-orm';
import type { Config } from './config.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { openDatabase } from './platform/db/client.ts';
import { users } from './platform/db/schema/index.ts';
import type { Platform } from './platform/platform.ts';
import { DEMO_ACCOUNTS, resolveOperation, seedQatar2022 } from './seed/seed.ts';
import { MIGRATION_SETS } from './migrations.ts';

export async function openPlatform(config: Config, clock: Clock = systemClock): Promise<Platform> {
  const database = await openDatabase(config);
  try {
    await database.migrate(MIGRATION_SETS);
    if (config.seed === 'auto') await seedQatar2022(database.db, clock, { withDemoAccounts: !config.isProduction });
    const operationId = await resolveOperation(database.db, clock);
    return { database, db: database.db, clock, config, operationId };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** The demo accounts present in this database (none in production, where they are never created). */
export async function presentDemoAccounts(platform: Platform) {
  if (platform.config.isProduction) return [];
  const rows = await platform.db.select({ email: users.email, isActive: users.isActive }).from(users).where(like(users.email, '%@demo.tansiq.org'));
  const active = new Set(rows.filter((r) => r.isActive).map((r) => r.email));
  return DEMO_ACCOUNTS.filter((a) => active.has(a.email));
}

