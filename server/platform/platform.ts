/** What every module gets: the database, the clock, the configuration and the operation it serves. */
import type { Config } from '../config.ts';
import type { Clock } from './clock.ts';
import type { Database, Db } from './db/client.ts';

export interface Platform {
  database: Database;
  db: Db;
  clock: Clock;
  config: Config;
  /** The operation this server coordinates; every module query is scoped by it. */
  operationId: string;
}
