/**
 * Batch screening: a people file (CSV) is accepted at once (202) and screened in the background, in the
 * engine's worker threads so the server keeps answering; its progress is stored and polled. Results are
 * written in chunks, each chunk in one transaction with its audit entry.
 */
import { and, eq } from 'drizzle-orm';
import type { ScreeningBatch } from '../../../common/contracts/vetting.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { VettingPlatform } from './vetting.matching.ts';
import { type Hit as EngineHit, type PersonInput, parsePeopleCsv, ScreeningInputError, toCountryCode } from './engine/index.ts';
import { screenBatch } from './engine/index.ts';
import type { ScreeningsService } from './screenings.service.ts';
import { currentEntryRows, type Finding, type ListCache, mergeHits, toFindings, toPersonInputs } from './vetting.matching.ts';
import { type ScreenedPersonData, screeningBatches, watchlists } from './vetting.schema.ts';

type BatchRow = typeof screeningBatches.$inferSelect;

/** Largest people file accepted in one batch. */
export const MAX_BATCH_PEOPLE = 100_000;
/** People written per transaction. */
const WRITE_CHUNK = 100;
/** Progress is written at most this often. */
const PROGRESS_EVERY_MS = 250;

const toView = (b: BatchRow): ScreeningBatch => ({
  id: b.id,
  subjectType: b.subjectType,
  fileName: b.fileName,
  status: b.status,
  total: b.total,
  done: b.done,
  subjectsWithHits: b.subjectsWithHits,
  hits: b.hits,
  error: b.error,
  requestedBy: b.requestedBy,
  createdAt: b.createdAt.toISOString(),
  finishedAt: b.finishedAt?.toISOString() ?? null,
});

/** A row of the people file as the person data vetting keeps (place of birth and any other column are dropped). */
function personFromRow(p: PersonInput): ScreenedPersonData {
  const given = [p.firstName, p.middleName].filter(Boolean).join(' ');
  const arabic = p.fullName && /[\u0600-\u06FF]/.test(p.fullName) ? p.fullName : null;
  return {
    givenNames: given || null,
    familyName: p.lastName ?? null,
    fullName: arabic ? null : (p.fullName ?? null),
    nameArabic: arabic,
    dateOfBirth: p.dateOfBirth ?? null,
    gender: p.gender ?? null,
    nationality: p.nationality ? (toCountryCode(p.nationality) ?? p.nationality) : null,
  };
}

export function createBatchesService({ db, clock, operationId }: VettingPlatform, screeningsService: ScreeningsService, _lists: ListCache, options: { workers: number }) {
  const running = new Set<Promise<void>>();

  async function findBatch(id: string): Promise<BatchRow> {
    const [row] = await db.select().from(screeningBatches).where(and(eq(screeningBatches.id, id), eq(screeningBatches.operationId, operationId)));
    if (!row) throw notFound('Batch');
    return row;
  }

  async function run(ctx: RequestContext, batchId: string, subjectType: string, people: PersonInput[]): Promise<void> {
    const persons = people.map(personFromRow);
    // Each person's engine inputs (Latin and Arabic names), flattened; `owner` maps an input back to its person.
    const inputs: PersonInput[] = [];
    const owner: number[] = [];
    persons.forEach((p, i) => {
      for (const input of toPersonInputs(String(i), p)) {
        inputs.push(input);
        owner.push(i);
      }
    });
    await db.update(screeningBatches).set({ status: 'running' }).where(eq(screeningBatches.id, batchId));
    const lists = await db
      .select({ id: watchlists.id, version: watchlists.currentVersion })
      .from(watchlists)
      .where(and(eq(watchlists.operationId, operationId), eq(watchlists.isActive, true)));
    const active = lists.filter((l) => l.version !== null);
    const findings: Finding[][] = persons.map(() => []);
    let lastWrite = 0;
    for (const [li, l] of active.entries()) {
      const rows = await currentEntryRows(db, l.id);
      const rowIdByRef = new Map(rows.map((r) => [r.sourceRef, r.id]));
      const results = await screenBatch(rows.map((r) => r.data), inputs, {
        workers: options.workers,
        chunkSize: 200,
        onProgress: (done, total) => {
          const now = Date.now();
          if (now - lastWrite < PROGRESS_EVERY_MS) return;
          lastWrite = now;
          const people = Math.floor(((li + done / total) / active.length) * persons.length);
          void db.update(screeningBatches).set({ done: Math.min(people, persons.length - 1) }).where(eq(screeningBatches.id, batchId)).catch(() => {});
        },
      });
      const perPerson: EngineHit[][][] = persons.map(() => []);
      results.forEach((hits, k) => {
        perPerson[owner[k] as number]?.push(hits);
      });
      perPerson.forEach((hitSets, i) => {
        findings[i]?.push(...toFindings({ watchlistId: l.id, version: l.version as number, rowIdByRef }, mergeHits(hitSets)));
      });
    }
    const screenedAgainst = active.map((l) => ({ watchlistId: l.id, version: l.version as number }));
    let withHits = 0;
    let hits = 0;
    for (let start = 0; start < persons.length; start += WRITE_CHUNK) {
      const end = Math.min(persons.length, start + WRITE_CHUNK);
      await db.transaction(async (tx) => {
        const now = clock.now();
        const items = [];
        for (let i = start; i < end; i++) items.push({ subjectId: people[i]?.id ?? String(i + 1), person: persons[i] as ScreenedPersonData, findings: findings[i] ?? [] });
        const r = await screeningsService.recordScreenings(tx, ctx, subjectType, batchId, items, screenedAgainst, now);
        withHits += r.withHits;
        hits += r.hits;
        await recordAudit(tx, ctx, { action: 'vetting.batch_screen', subjectType: 'screening_batch', subjectId: batchId, details: { from: start + 1, to: end, lists: active.length } }, now);
        await tx.update(screeningBatches).set({ done: end, subjectsWithHits: withHits, hits }).where(eq(screeningBatches.id, batchId));
      });
    }
    await db.update(screeningBatches).set({ status: 'done', done: persons.length, finishedAt: clock.now() }).where(eq(screeningBatches.id, batchId));
  }

  return {
    /** Accepts a people file and starts screening it in the background; answers at once with the batch to poll. */
    async create(ctx: RequestContext, file: string, input: { subjectType: string; fileName?: string }): Promise<ScreeningBatch> {
      requirePermission(ctx.actor, 'vetting:screen');
      let people: PersonInput[];
      try {
        people = parsePeopleCsv(file);
      } catch (err) {
        if (err instanceof ScreeningInputError) throw new AppError('vetting.invalid_people_file', err.message);
        throw err;
      }
      if (people.length === 0) throw new AppError('vetting.invalid_people_file', 'The people file has no person');
      if (people.length > MAX_BATCH_PEOPLE) throw new AppError('vetting.invalid_people_file', `At most ${MAX_BATCH_PEOPLE} people per batch; split the file`);
      const id = newId();
      await db.transaction(async (tx) => {
        const now = clock.now();
        await tx.insert(screeningBatches).values({ id, operationId, subjectType: input.subjectType, fileName: input.fileName ?? null, status: 'queued', total: people.length, requestedBy: ctx.actor.label, createdAt: now });
        await recordAudit(tx, ctx, { action: 'vetting.batch_create', subjectType: 'screening_batch', subjectId: id, details: { people: people.length, subjectType: input.subjectType } }, now);
      });
      const job = run(ctx, id, input.subjectType, people).catch(async (err: unknown) => {
        await db
          .update(screeningBatches)
          .set({ status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : 'failed', finishedAt: clock.now() })
          .where(eq(screeningBatches.id, id))
          .catch(() => {});
      });
      running.add(job);
      void job.finally(() => running.delete(job));
      return toView(await findBatch(id));
    },

    /** A batch's progress and counts. */
    async get(ctx: RequestContext, id: string): Promise<ScreeningBatch> {
      requirePermission(ctx.actor, 'vetting:screen');
      return toView(await findBatch(id));
    },

    /** Waits for the batches this process is running (graceful shutdown, tests). */
    async drain(): Promise<void> {
      await Promise.all([...running]);
    },
  };
}

export type BatchesService = ReturnType<typeof createBatchesService>;
