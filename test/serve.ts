/**
 * A real `tansiq serve` process for tests and benchmarks that need one (restarts, SIGKILL, several
 * instances, load from outside): started with the given environment, ready once it prints its URL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from './postgres-cluster.ts';

const CLI = new URL('../bin/tansiq.js', import.meta.url).pathname;

export interface ServerProcess {
  url: string;
  proc: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the server on `port` (a free one by default) and waits until it says it is running; rejects with its output if it exits first. */
export async function startServerProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  const proc = spawn(process.execPath, [CLI, 'serve'], { env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(p), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    proc.stdout!.on('data', () => {
      if (!out.includes('Tansiq is running at')) return;
      clearTimeout(timer);
      resolve();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return { url: `http://127.0.0.1:${p}`, proc, output: () => out, exited };
}

/** Signs a demo account in over HTTP: its session cookie and CSRF token. */
export async function signInOverHttp(url: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'tansiq-demo-2022' }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}
