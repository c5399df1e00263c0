/**
 * The vetting workflow on the embedded database (PGlite), end to end through the module's services:
 * importing a list, screening one person (what `POST /api/screenings` and the workforce portal do),
 * a batch in worker threads (and how long the event loop stalls meanwhile), and the re-screening that
 * a list change causes. All names are invented (syllables from a seeded generator).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from './run.ts';
import { systemClock } from '../server/platform/clock.ts';
import { openDatabase } from '../server/platform/db/client.ts';
import { systemActor, type RequestContext } from '../server/platform/access.ts';
import { MIGRATION_SETS } from '../server/migrations.ts';
import { resolveOperation, seedQatar2022 } from '../server/seed/seed.ts';
import { createVettingServices } from '../server/modules/vetting/index.ts';
import { buildIndex, screenPerson, type WatchlistEntry } from '../server/modules/vetting/engine/index.ts';
import type { Permission } from '../common/permissions.ts';

const LIST_SIZE = 1000;
const SINGLE = 200;
const BATCH = 10_000;
const CHANGED = 10;
const ADDED = 10;

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SYLLABLES = ['zor', 'vath', 'quel', 'lin', 'bran', 'noch', 'vel', 'tri', 'mos', 'ar', 'dek', 'ul', 'von', 'di', 'tam', 'sa', 'rek', 'il', 've', 'tha', 'mor', 'can', 'ti', 'os', 'pru', 'velk', 'hal', 'vric', 'om', 'ber', 'sen', 'kest', 'ra', 'fen', 'wa', 'rre'];
function word(r: () => number): string {
  const n = 2 + Math.floor(r() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w[0]!.toUpperCase() + w.slice(1);
}
const typo = (w: string, r: () => number) => {
  const i = 1 + Math.floor(r() * (w.length - 2));
  return w.slice(0, i) + w.slice(i + 1);
};

function listCsv(entries: { id: string; name: string; dob: string }[]): string {
  return ['id,name,aliases,date_of_birth,nationality,gender', ...entries.map((e) => `${e.id},${e.name},,${e.dob},,`)].join('\n');
}

const ms = (a: number, b: number) => b - a;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;

export async function run(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'tansiq-vetting-bench-'));
  const database = await openDatabase({ databaseUrl: null, dataDir: dir });
  try {
    await database.migrate(MIGRATION_SETS);
    await seedQatar2022(database.db, systemClock, { withDemoAccounts: false });
    const operationId = await resolveOperation(database.db, systemClock);
    const platform = { db: database.db, clock: systemClock, operationId };
    const { screenings, watchlists, batches } = createVettingServices(platform, { workers: 2 });
    const grants: Permission[] = ['watchlist:manage', 'vetting:screen'];
    const ctx: RequestContext = { actor: { ...systemActor('bench'), grants: grants.map((permission) => ({ permission, scope: 'operation' as const, venueIds: [] })) }, requestId: null };

    const r = prng(2022);
    const entries = Array.from({ length: LIST_SIZE }, (_, i) => ({ id: `B-${i + 1}`, name: `${word(r)} ${word(r)} ${word(r)}`, dob: `${1950 + Math.floor(r() * 50)}` }));
    const list = await watchlists.create(ctx, { name: 'Bench list', format: 'csv', isActive: true });
    let t = performance.now();
    await watchlists.importVersion(ctx, list.id, listCsv(entries), 'bench-v1.csv');
    const importMs = ms(t, performance.now());

    // One person at a time (a tenth resemble a list entry through a typo).
    const person = (i: number) => {
      const e = entries[Math.floor(r() * entries.length)]!;
      const [g, f] = i % 10 === 0 ? e.name.split(' ').slice(1) : [word(r), word(r)];
      return { subjectType: 'bench', subjectId: `S-${i}`, givenNames: i % 10 === 0 ? typo(g!, r) : g!, familyName: f! };
    };
    await screenings.screenSubject(ctx, person(-1)); // warm the list index cache
    const single: number[] = [];
    for (let i = 0; i < SINGLE; i++) {
      t = performance.now();
      await screenings.screenSubject(ctx, person(i));
      single.push(ms(t, performance.now()));
    }

    // A batch in worker threads, while a timer measures how late the event loop runs.
    const people = ['id,first_name,last_name', ...Array.from({ length: BATCH }, (_, i) => { const p = person(SINGLE + i); return `P-${i},${p.givenNames},${p.familyName}`; })].join('\n');
    let worstLag = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worstLag = Math.max(worstLag, now - last - 10);
      last = now;
    }, 10);
    t = performance.now();
    const batch = await batches.create(ctx, people, { subjectType: 'bench-batch' });
    await batches.drain();
    const batchMs = ms(t, performance.now());
    clearInterval(timer);
    const done = await batches.get(ctx, batch.id);

    // A list change: CHANGED entries get an alias, ADDED entries are new; everyone is screened again against those only.
    const v2 = entries.map((e, i) => (i < CHANGED ? { ...e, name: e.name } : e));
    const changedCsv = listCsv(v2).split('\n').map((line, i) => (i >= 1 && i <= CHANGED ? line.replace(/^([^,]+),([^,]+),,/, (_m, id: string, name: string) => `${id},${name},${name.split(' ').reverse().join(' ')},`) : line));
    const added = Array.from({ length: ADDED }, (_, i) => ({ id: `B-new-${i}`, name: `${word(r)} ${word(r)}`, dob: '1980' }));
    t = performance.now();
    const imported = await watchlists.importVersion(ctx, list.id, [...changedCsv, ...listCsv(added).split('\n').slice(1)].join('\n'), 'bench-v2.csv');
    const rescreenMs = ms(t, performance.now());
    const rs = imported.rescreen!;

    // Re-screening indexes only the delta but weighs name parts by the whole list's frequencies: do hits on
    // the delta entries match what the whole new version's index finds for the same people? (0 expected.)
    const { parseWatchlistCsv } = await import('../server/modules/vetting/engine/index.ts');
    const full: WatchlistEntry[] = parseWatchlistCsv([...changedCsv, ...listCsv(added).split('\n').slice(1)].join('\n'));
    const deltaRefs = new Set([...entries.slice(0, CHANGED).map((e) => e.id), ...added.map((a) => a.id)]);
    const fullIndex = buildIndex(full);
    const deltaIndex = buildIndex(full.filter((e) => deltaRefs.has(e.sourceRef)), { frequenciesFrom: full });
    let differ = 0;
    let compared = 0;
    for (let i = 0; i < 2000; i++) {
      const p = person(100_000 + i);
      const q = { id: p.subjectId, firstName: p.givenNames, lastName: p.familyName };
      const a = screenPerson(fullIndex, q).filter((h) => deltaRefs.has(h.sourceRef)).map((h) => `${h.sourceRef}:${h.score}`).sort().join('|');
      const b = screenPerson(deltaIndex, q).map((h) => `${h.sourceRef}:${h.score}`).sort().join('|');
      compared++;
      if (a !== b) differ++;
    }

    const f1 = (x: number) => x.toFixed(1);
    const markdown = `
Through the vetting module's services on PGlite (one process; \`bench/vetting-workflow.bench.ts\`), with a
synthetic list of ${LIST_SIZE} invented people (CSV) and invented applicants, a tenth of them one typo away
from a list entry.

| What | Figure |
|---|---|
| Import of the ${LIST_SIZE}-entry list (parse, diff, store, audit) | ${f1(importMs)} ms |
| \`screenSubject\` of one person (screen + record screening and hits + audit), ${SINGLE} in a row | mean ${f1(single.reduce((a, b) => a + b, 0) / single.length)} ms, p95 ${f1(pct(single, 0.95))} ms |
| Batch of ${BATCH.toLocaleString('en')} people, 2 worker threads, written in chunks of 100 | ${f1(batchMs / 1000)} s (${Math.round(BATCH / (batchMs / 1000))} people/s); ${done.subjectsWithHits} with hits |
| Longest event-loop stall during the batch (10 ms timer) | ${f1(worstLag)} ms |
| List change (${CHANGED} changed + ${ADDED} added): import + re-screening of ${rs.subjects.toLocaleString('en')} subjects | ${f1(rescreenMs)} ms; ${rs.entriesCompared} entries compared, ${rs.newHits} new hits, ${rs.updatedHits} updated, ${rs.withdrawnHits} withdrawn |
| People whose hits on the changed entries differ between the delta index and the whole list's index | ${differ} of ${compared} |
`;
    return { title: 'Vetting workflow (screening service, batch, re-screening)', markdown };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write((await run()).markdown);
