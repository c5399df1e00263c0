/**
 * `tansiq serve` / `npm start`: configuration → database (+ lock) → migrations → seed → app → listen.
 * SIGTERM and SIGINT close gracefully: stop accepting, let in-flight requests finish, close the database.
 */
import { buildApp } from './app.ts';
import { openPlatform, presentDemoAccounts } from './bootstrap.ts';
import type { Config } from './config.ts';
import { DEMO_PASSWORD } from './seed/seed.ts';

export async function serve(config: Config): Promise<void> {
  const platform = await openPlatform(config);
  const app = await buildApp(platform);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      await platform.database.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const demo = await presentDemoAccounts(platform);
  const lines = [
    '',
    `Tansiq is running at http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`,
    `Database: ${platform.database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}`,
  ];
  if (demo.length) {
    lines.push(`Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of demo) lines.push(`  ${a.email.padEnd(32)} ${a.role}${a.venue ? ` (${a.venue})` : ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
