import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { serve } from '../main.ts';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Start the server (PORT, DATA_DIR, DATABASE_URL, NODE_ENV …: see README)')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .action(async (opts: { port?: string }) => {
      await serve(loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}) }));
    });
}
