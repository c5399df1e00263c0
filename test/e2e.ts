/**
 * Browser-test harness: a seeded Tansiq server process on a throwaway database (PostgreSQL when the
 * cluster is available, else PGlite), serving the freshly built web app; and Debian's Chromium driven by
 * playwright-core (never a downloaded browser).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { inject } from 'vitest';
import { type Browser, chromium } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { freePort } from './postgres-cluster.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface TestServer {
  url: string;
  database: TestDatabase;
  stop(): Promise<void>;
}

/** Starts `tansiq serve` on a fresh seeded database and waits until it answers. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  execFileSync(process.execPath, [`${ROOT}scripts/build-web-if-stale.mjs`], { stdio: 'inherit' });
  const database = await createTestDatabase(inject('postgresUrl') ? 'postgres' : 'pglite');
  if (database.kind === 'pglite') await database.close();
  const port = await freePort();
  const location = database.location.databaseUrl ? { DATABASE_URL: database.location.databaseUrl } : { DATA_DIR: database.location.dataDir };
  const proc: ChildProcess = spawn(process.execPath, [`${ROOT}bin/tansiq.js`, 'serve'], {
    env: { ...process.env, ...location, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOGIN_RATE_PER_MINUTE: '1000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (d) => (output += d));
  proc.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited:\n${output}`);
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    database,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await new Promise((r) => proc.once('exit', r));
      }
      await database.destroy();
    },
  };
}

/** The Chromium binary from Debian's package. */
export function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (p && existsSync(p)) return p;
  throw new Error('Chromium not found: apt-get install -y chromium');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}
