/**
 * Live operations across real server processes on one PostgreSQL: an event raised on one instance reaches
 * an SSE stream opened on another; and a server killed with SIGKILL in the middle of a burst of reports
 * loses none that it acknowledged with 201, while retried reports exist exactly once.
 */
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { freePort } from '../../../test/postgres-cluster.ts';
import { type ServerProcess, signInOverHttp, startServerProcess } from '../../../test/serve.ts';
import { openSse, type SseStream } from '../../../test/sse.ts';

const running: ChildProcess[] = [];
const databases: TestDatabase[] = [];
const streams: SseStream[] = [];

afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  for (const p of running.splice(0)) if (p.exitCode === null) p.kill('SIGKILL');
  for (const d of databases.splice(0)) await d.destroy();
});

/** A server on the database, stopped with SIGKILL after the test if still running. */
async function startServer(databaseUrl: string, port?: number): Promise<ServerProcess> {
  const server = await startServerProcess({ DATABASE_URL: databaseUrl, LOGIN_RATE_PER_MINUTE: '1000' }, port);
  running.push(server.proc);
  return server;
}

async function alBayt(url: string, s: { cookie: string }): Promise<string> {
  const venues = (await (await fetch(`${url}/api/venues?q=Bayt`, { headers: { cookie: s.cookie } })).json()) as { items: { id: string }[] };
  return venues.items[0]!.id;
}

const report = (url: string, s: { cookie: string; csrf: string }, venueId: string, key: string) =>
  fetch(`${url}/api/incidents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': key },
    body: JSON.stringify({ venueId, category: 'crowd_density', severity: 'high', description: `burst ${key}` }),
  });

describe.runIf(inject('postgresUrl'))('operations across server processes on PostgreSQL', () => {
  it('an incident reported through one instance reaches a stream opened on another', async () => {
    const db = await createTestDatabase('postgres');
    databases.push(db);
    const url = db.location.databaseUrl!;
    const [a, b] = await Promise.all([startServer(url), startServer(url)]);
    const onB = await signInOverHttp(b.url, 'venue@demo.tansiq.org');
    const stream = openSse(`${b.url}/api/events/stream`, { cookie: onB.cookie });
    streams.push(stream);
    await stream.ready;
    const onA = await signInOverHttp(a.url, 'officer@demo.tansiq.org');
    const res = await report(a.url, onA, await alBayt(a.url, onA), `cross-${Date.now()}`);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const t0 = Date.now();
    const event = await stream.waitFor((e) => e.event === 'incident.created' && e.data.includes(id), 5000);
    expect(JSON.parse(event.data).data.incident.id).toBe(id);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('SIGKILL during a burst: every report acknowledged with 201 survives, and retried ones exist exactly once', async () => {
    const db = await createTestDatabase('postgres');
    databases.push(db);
    const url = db.location.databaseUrl!;
    const port = await freePort();
    let server = await startServer(url, port);
    const session = await signInOverHttp(server.url, 'officer@demo.tansiq.org');
    const venueId = await alBayt(server.url, session);
    const keys = Array.from({ length: 300 }, (_, i) => `sigkill-${i}-${Math.random().toString(36).slice(2)}`);
    const acknowledged = new Map<string, string>();
    let killed = false;
    let next = 0;
    const worker = async () => {
      while (next < keys.length && !killed) {
        const key = keys[next++]!;
        try {
          const res = await report(server.url, session, venueId, key);
          if (res.status === 201) acknowledged.set(key, ((await res.json()) as { id: string }).id);
        } catch {
          // the connection died with the server: this report is unacknowledged and will be retried
        }
        if (acknowledged.size >= 60 && !killed) {
          killed = true;
          server.proc.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(killed).toBe(true);
    if (server.proc.exitCode === null && server.proc.signalCode === null) await new Promise((r) => server.proc.once('exit', r));

    server = await startServer(url, port);
    // The session lives in the database, so the same cookie still works: the phone retries every unacknowledged
    // report, and a few acknowledged ones again (it may not have seen the answer).
    const retried = [...keys.filter((k) => !acknowledged.has(k)), ...[...acknowledged.keys()].slice(0, 10)];
    for (const key of retried) {
      const res = await report(server.url, session, venueId, key);
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      if (acknowledged.has(key)) expect(id).toBe(acknowledged.get(key));
    }

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = (await client.query('select idempotency_key, id, count(*) over (partition by idempotency_key)::int as n from incidents where idempotency_key like $1', ['sigkill-%'])).rows as { idempotency_key: string; id: string; n: number }[];
    await client.end();
    const stored = new Map(rows.map((r) => [r.idempotency_key, r]));
    for (const [key, id] of acknowledged) expect(stored.get(key)?.id, key).toBe(id);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(stored.size).toBe(keys.length);
  });
});
