/**
 * Live operations benchmark, against a real `tansiq serve` process on a throwaway PostgreSQL cluster
 * (loopback only): incident reports per second with their latency, and the delay from a change to its
 * arrival on 1,000 open SSE streams. Targets (issue 6): 500 reports/s with p99 < 100 ms on PostgreSQL;
 * 1,000 streams updated with p99 < 250 ms.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { Agent, request } from 'undici';
import { findPostgresBin, startPostgresCluster } from '../test/postgres-cluster.ts';
import { signInOverHttp, startServerProcess } from '../test/serve.ts';
import { openSse, type SseStream } from '../test/sse.ts';
import type { BenchSection } from './run.ts';

const STREAMS = 1000;
const CHANGES = 20;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

// The phones are other machines; here the load generator shares the 2 cores with the server and the database,
// so it uses undici's lean `request` (a pool of keep-alive connections) rather than `fetch`, which costs the
// client about twice as much CPU per request.
const clients = new Agent({ connections: 128 });

function reporter(url: string, s: { cookie: string; csrf: string }, venueId: string) {
  return async (): Promise<number> => {
    const t0 = performance.now();
    const res = await request(`${url}/api/incidents`, {
      method: 'POST',
      dispatcher: clients,
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': randomUUID() },
      body: JSON.stringify({ venueId, category: 'crowd_density', severity: 'medium', description: 'Benchmark report: dense crowd at the north concourse', zoneId: 'North stand' }),
    });
    await res.body.arrayBuffer();
    if (res.statusCode !== 201) throw new Error(`report answered ${res.statusCode}`);
    return performance.now() - t0;
  };
}

/** As many reports as `concurrency` clients can send back to back for `seconds`. */
async function closedLoop(send: () => Promise<number>, concurrency: number, seconds: number) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) latencies.push(await send());
  }));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: latencies.length / elapsed, count: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Reports arriving at a fixed rate whatever the answers (an open loop, as phones do), for `seconds`. */
async function openLoop(send: () => Promise<number>, perSecond: number, seconds: number) {
  const latencies: number[] = [];
  const total = perSecond * seconds;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  let errors = 0;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    // Latency counts from when the report was due, so a client held back by a slow server is charged for it.
    pending.push(send().then(() => void latencies.push(performance.now() - due), () => void errors++));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { offered: perSecond, achieved: latencies.length / elapsed, count: latencies.length, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? Number.NaN };
}

/** Runs the operations benchmark and returns its markdown section. */
export async function run(): Promise<BenchSection> {
  const load = loadavg()[0]!.toFixed(1);
  const bin = findPostgresBin();
  if (!bin) return { title: 'Live operations', markdown: 'Skipped: PostgreSQL server binaries (initdb, pg_ctl) are not installed.' };
  const cluster = await startPostgresCluster(bin);
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query('create database bench');
  await admin.end();
  const server = await startServerProcess({ DATABASE_URL: cluster.url('bench'), LOGIN_RATE_PER_MINUTE: '1000' });
  const streams: SseStream[] = [];
  try {
    const officer = await signInOverHttp(server.url, 'officer@demo.tansiq.org');
    const venues = (await (await fetch(`${server.url}/api/venues?q=Bayt`, { headers: { cookie: officer.cookie } })).json()) as { items: { id: string }[] };
    const venueId = venues.items[0]!.id;
    const send = reporter(server.url, officer, venueId);
    process.stderr.write('operations bench: warming up\n');
    await closedLoop(send, 8, 3);
    process.stderr.write('operations bench: closed loop\n');
    const closed = await closedLoop(send, 32, 10);
    process.stderr.write('operations bench: open loop at 500/s\n');
    const open = await openLoop(send, 500, 10);

    process.stderr.write(`operations bench: opening ${STREAMS} SSE streams\n`);
    const manager = await signInOverHttp(server.url, 'venue@demo.tansiq.org');
    for (let i = 0; i < STREAMS; i++) streams.push(openSse(`${server.url}/api/events/stream`, { cookie: manager.cookie }));
    await Promise.all(streams.map((s) => s.ready));
    const delays: number[] = [];
    let missing = 0;
    for (let c = 0; c < CHANGES; c++) {
      const marker = `change-${c}-${randomUUID()}`;
      const arrivals: Promise<number>[] = [];
      const t0 = performance.now();
      for (const s of streams) arrivals.push(
        s.waitFor((e) => e.data.includes(marker), 10_000).then(
          () => performance.now() - t0,
          () => {
            missing++;
            return Number.NaN;
          },
        ),
      );
      const res = await fetch(`${server.url}/api/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ venueId, category: 'medical', severity: 'high', description: marker }),
      });
      if (res.status !== 201) throw new Error(`change answered ${res.status}`);
      delays.push(...(await Promise.all(arrivals)).filter((d) => !Number.isNaN(d)));
      for (const s of streams) s.events.length = 0;
      await new Promise((r) => setTimeout(r, 200));
    }
    delays.sort((a, b) => a - b);
    const sse = { p50: percentile(delays, 50), p99: percentile(delays, 99), max: delays.at(-1) ?? Number.NaN, deliveries: delays.length };

    const ok = (b: boolean) => (b ? 'met' : '**missed**');
    const markdown = `
One \`tansiq serve\` process on a throwaway PostgreSQL ${await serverVersion(cluster.url('bench'))} cluster (started with \`fsync=off\`,
\`synchronous_commit=off\`, as the test harness does), client and server on the same ${cpus().length}-core machine over loopback.
Each report is a full \`POST /api/incidents\` as the demo officer (CSRF, validation, access check) with two trips to
the database: the session look-up, then one statement that stores the incident, its timeline entry, its audit entry
(hash-chained ~0.2 s later) and its outbox event and notifies the other instances (docs/operations.md, "What a report
costs"). The load generator (undici \`request\`, keep-alive connections) runs on the same 2 cores.
Load average when the benchmark started: ${load}.

| Measure | Result | Target |
|---|---|---|
| Reports, closed loop (32 clients back to back, 10 s) | ${closed.rate.toFixed(0)} reports/s (${closed.count} reports), p50 ${ms(closed.p50)}, p99 ${ms(closed.p99)} | — |
| Reports, open loop at 500/s for 10 s | ${open.achieved.toFixed(0)} reports/s achieved (${open.count} reports, ${open.errors} errors), p50 ${ms(open.p50)}, **p99 ${ms(open.p99)}**, max ${ms(open.max)} | 500/s with p99 < 100 ms: ${ok(open.achieved >= 490 && open.p99 < 100 && open.errors === 0)} |
| Change → arrival on ${STREAMS} open SSE streams (${CHANGES} changes, ${sse.deliveries} deliveries, ${missing} missing) | p50 ${ms(sse.p50)}, **p99 ${ms(sse.p99)}**, max ${ms(sse.max)} | p99 < 250 ms: ${ok(sse.p99 < 250 && missing === 0)} |

The delay of a change is timed from just before its \`POST\` is sent to the event's arrival on each stream, so it
includes the request, the commit, the notification, the outbox read and the fan-out; the streams belong to the Al Bayt
venue manager, so each event also passes the per-actor visibility rule. Open-loop latency is charged from the instant
each report was due, so a server falling behind cannot hide it by slowing the client down.
`;
    return { title: 'Live operations', markdown };
  } finally {
    for (const s of streams) s.close();
    server.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (server.proc.exitCode === null) server.proc.kill('SIGKILL');
    cluster.stop();
  }
}

async function serverVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const v = (await c.query('show server_version')).rows[0].server_version as string;
  await c.end();
  return v.split(' ')[0]!;
}
