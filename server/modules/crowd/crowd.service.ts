/**
 * Use cases of the crowd-flow planner: versions of a venue's plan (edit, import, export, two sign-offs),
 * the capacity check, and per-match runs computed in a worker thread and stored with their inputs.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  CROWD_PLAN_FORMAT,
  CROWD_PLAN_FORMAT_VERSION,
  type CreateRunBody,
  CrowdPlanFile,
  type CrowdPlanFile as CrowdPlanFileT,
  type PlanStatus,
  type PlanVersion,
  type PlanVersionSummary,
  type Run,
  type RunComparison,
  type RunInputs,
  type RunResult,
  type RunSummary,
  VenuePlan,
} from '../../../common/contracts/crowd-plan.ts';
import type { CapacityResult } from '../../../common/contracts/crowd-scenario.ts';
import { type RequestContext, requirePermission, systemActor } from '../../platform/access.ts';
import { canonicalJson, recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { matches, venues } from '../../platform/db/schema/index.ts';
import { AppError, type FieldError, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { runInWorker } from '../../platform/worker-task.ts';
import { crowdPlanVersions, crowdRuns } from './crowd.schema.ts';
import { compareFigures, diffJson, headline, isFrozen, nextStatus, planToCapacityPlan, planToScenario, type SignStep } from './crowd.rules.ts';
import { checkCapacity } from './engine/index.ts';

type VersionRow = typeof crowdPlanVersions.$inferSelect;
type RunRow = typeof crowdRuns.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** After this long a queued or running run is taken as lost (its process stopped). */
export const STALE_RUN_MS = 15 * 60_000;

/** A fingerprint of the engine's source, stored with every run (a different engine may give other figures). */
function engineFingerprint(): string {
  try {
    const dir = new URL('./engine/', import.meta.url);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort();
    const hash = createHash('sha256');
    for (const f of files) hash.update(f).update(readFileSync(new URL(f, dir)));
    return `crowd-engine@${hash.digest('hex').slice(0, 12)}`;
  } catch {
    return 'crowd-engine@unknown';
  }
}

export const hashResult = (result: RunResult): string => createHash('sha256').update(canonicalJson(result)).digest('hex');

function toSummary(v: VersionRow): PlanVersionSummary {
  const plan = v.plan as unknown as VenuePlan;
  const status = v.status as PlanStatus;
  return {
    id: v.id,
    venueId: v.venueId,
    version: v.version,
    status,
    frozen: isFrozen(status),
    basedOnVersion: v.basedOnVersion,
    createdBy: v.createdByLabel,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    venueSignature: v.venueSignedAt ? { actorId: v.venueSignedById, label: v.venueSignedByLabel ?? '', at: v.venueSignedAt.toISOString() } : null,
    commandSignature: v.commandSignedAt ? { actorId: v.commandSignedById, label: v.commandSignedByLabel ?? '', at: v.commandSignedAt.toISOString() } : null,
    gates: plan.gates.length,
    seats: plan.sections.reduce((s, x) => s + x.seats, 0),
  };
}

const toVersionView = (v: VersionRow): PlanVersion => ({ ...toSummary(v), plan: v.plan as unknown as VenuePlan });

function toRunSummary(r: RunRow): RunSummary {
  const inputs = r.inputs as unknown as RunInputs;
  return {
    id: r.id,
    matchId: r.matchId,
    venueId: r.venueId,
    kind: inputs.kind,
    label: r.label,
    status: r.status as RunSummary['status'],
    progress: r.progress,
    planVersion: inputs.planVersion,
    attendance: inputs.attendance,
    seed: inputs.seed,
    reproducedFrom: r.reproducedFrom,
    createdBy: r.createdByLabel,
    createdAt: r.createdAt.toISOString(),
    finishedAt: iso(r.finishedAt),
    error: r.error,
    resultHash: r.resultHash,
    headline: headline((r.result as unknown as RunResult | null) ?? null),
  };
}

const toRunView = (r: RunRow): Run => ({ ...toRunSummary(r), inputs: r.inputs as unknown as RunInputs, result: (r.result as unknown as RunResult | null) ?? null });

/** zod issues as field errors named like `plan.gates[3].screening.lanes`. */
function fieldErrors(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const name = (path: ReadonlyArray<PropertyKey>) =>
      path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${String(k)}` : String(k)), prefix);
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ path: name([...issue.path, k]), message: 'unknown field' }));
    return [{ path: name(issue.path) || '(root)', message: issue.message }];
  });
}

export interface CrowdServiceOptions {
  /** Runs at most this many computations at once in this process (default 1: the server keeps cores for requests). */
  concurrency?: number;
}

export function createCrowdService({ db, clock, operationId }: Platform, options: CrowdServiceOptions = {}) {
  const engineVersion = engineFingerprint();
  const concurrency = options.concurrency ?? 1;
  const queue: string[] = [];
  let active = 0;
  const running = new Set<Promise<void>>();

  async function findVenue(id: string) {
    const [row] = await db.select({ id: venues.id, name: venues.name }).from(venues).where(and(eq(venues.id, id), eq(venues.operationId, operationId)));
    if (!row) throw notFound('Venue');
    return row;
  }

  async function findVersion(venueId: string, version: number): Promise<VersionRow> {
    const [row] = await db
      .select()
      .from(crowdPlanVersions)
      .where(and(eq(crowdPlanVersions.venueId, venueId), eq(crowdPlanVersions.version, version), eq(crowdPlanVersions.operationId, operationId)));
    if (!row) throw notFound('Plan version');
    return row;
  }

  async function latestVersion(venueId: string, status?: PlanStatus): Promise<VersionRow | null> {
    const conditions = [eq(crowdPlanVersions.venueId, venueId), eq(crowdPlanVersions.operationId, operationId)];
    if (status) conditions.push(eq(crowdPlanVersions.status, status));
    const [row] = await db.select().from(crowdPlanVersions).where(and(...conditions)).orderBy(desc(crowdPlanVersions.version)).limit(1);
    return row ?? null;
  }

  /** Writes a new draft version (number = latest + 1) with its audit entry. */
  async function insertDraft(tx: Db, ctx: RequestContext, venueId: string, plan: VenuePlan, basedOn: number | null, action: string): Promise<string> {
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${crowdPlanVersions.version}), 0) + 1` })
      .from(crowdPlanVersions)
      .where(eq(crowdPlanVersions.venueId, venueId))) as [{ next: number }];
    const id = newId();
    const now = clock.now();
    await tx.insert(crowdPlanVersions).values({
      id,
      operationId,
      venueId,
      version: Number(next),
      status: 'draft',
      basedOnVersion: basedOn,
      plan: plan as unknown as Record<string, unknown>,
      createdByLabel: ctx.actor.label,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, { action, subjectType: 'crowd_plan_version', subjectId: id, details: { venueId, version: Number(next), basedOnVersion: basedOn } }, now);
    return id;
  }

  async function versionById(id: string): Promise<VersionRow> {
    const [row] = await db.select().from(crowdPlanVersions).where(eq(crowdPlanVersions.id, id));
    if (!row) throw notFound('Plan version');
    return row;
  }

  async function findRun(id: string): Promise<RunRow> {
    const [row] = await db.select().from(crowdRuns).where(and(eq(crowdRuns.id, id), eq(crowdRuns.operationId, operationId)));
    if (!row) throw notFound('Crowd run');
    return (await expireStale([row]))[0]!;
  }

  /**
   * A run still queued or running long after it started was lost with the process computing it (a
   * restart): it is marked failed so that nobody waits for it. Runs take seconds; the worker's own
   * time limit is 10 minutes.
   */
  async function expireStale(rows: RunRow[]): Promise<RunRow[]> {
    const now = clock.now();
    return Promise.all(
      rows.map(async (r) => {
        if ((r.status !== 'queued' && r.status !== 'running') || now.getTime() - r.createdAt.getTime() < STALE_RUN_MS) return r;
        const error = 'interrupted: the server stopped before the run finished; start it again';
        await db.update(crowdRuns).set({ status: 'failed', error, finishedAt: now }).where(and(eq(crowdRuns.id, r.id), eq(crowdRuns.status, r.status)));
        return { ...r, status: 'failed', error, finishedAt: now };
      }),
    );
  }

  // ---- the run queue: computations go to a worker thread, one (or `concurrency`) at a time ----

  function schedule(runId: string): void {
    queue.push(runId);
    pump();
  }

  function pump(): void {
    while (active < concurrency && queue.length > 0) {
      const id = queue.shift()!;
      active++;
      const p = execute(id).finally(() => {
        active--;
        running.delete(p);
        pump();
      });
      running.add(p);
    }
  }

  async function execute(runId: string): Promise<void> {
    const [row] = await db.select().from(crowdRuns).where(eq(crowdRuns.id, runId));
    if (!row) return;
    await db.update(crowdRuns).set({ status: 'running', startedAt: clock.now(), progress: 0 }).where(eq(crowdRuns.id, runId));
    // Progress writes are chained so that none lands after the final update.
    let writes: Promise<unknown> = Promise.resolve();
    let last = 0;
    const onProgress = (done: number, total: number) => {
      const share = total > 0 ? done / total : 0;
      if (share - last < 0.05 || share >= 1) return;
      last = share;
      writes = writes.then(() => db.update(crowdRuns).set({ progress: share }).where(eq(crowdRuns.id, runId))).catch(() => {});
    };
    try {
      const result = await runInWorker<RunInputs, RunResult>(new URL('./crowd.tasks.ts', import.meta.url), 'runCrowdTask', row.inputs as unknown as RunInputs, onProgress, { timeoutMs: 10 * 60_000 });
      await writes;
      await db
        .update(crowdRuns)
        .set({ status: 'done', progress: 1, result: result as unknown as Record<string, unknown>, resultHash: hashResult(result), finishedAt: clock.now() })
        .where(eq(crowdRuns.id, runId));
    } catch (err) {
      await writes;
      await db
        .update(crowdRuns)
        .set({ status: 'failed', error: err instanceof Error ? err.message.slice(0, 2000) : String(err), finishedAt: clock.now() })
        .where(eq(crowdRuns.id, runId));
    }
  }

  async function insertRun(ctx: RequestContext, match: { id: string; venueId: string }, version: VersionRow, inputs: RunInputs, label: string | null, reproducedFrom: string | null): Promise<Run> {
    const id = newId();
    await db.transaction(async (tx) => {
      const now = clock.now();
      await tx.insert(crowdRuns).values({
        id,
        operationId,
        matchId: match.id,
        venueId: match.venueId,
        planVersionId: version.id,
        kind: inputs.kind,
        label,
        status: 'queued',
        progress: 0,
        inputs: inputs as unknown as Record<string, unknown>,
        reproducedFrom,
        createdById: ctx.actor.id,
        createdByLabel: ctx.actor.label,
        createdAt: now,
      });
      await recordAudit(tx, ctx, {
        action: reproducedFrom ? 'crowd_run.reproduce' : 'crowd_run.create',
        subjectType: 'crowd_run',
        subjectId: id,
        details: { matchId: match.id, kind: inputs.kind, planVersion: inputs.planVersion, attendance: inputs.attendance, seed: inputs.seed, reproducedFrom },
      }, now);
    });
    schedule(id);
    return toRunView(await findRun(id));
  }

  async function findMatch(id: string) {
    const [m] = await db
      .select({ id: matches.id, venueId: matches.venueId, expectedAttendance: matches.expectedAttendance, attendance: matches.attendance })
      .from(matches)
      .where(and(eq(matches.id, id), eq(matches.operationId, operationId)));
    if (!m) throw notFound('Match');
    return m;
  }

  return {
    engineVersion,

    /** Versions of a venue's plan, newest first. */
    async listVersions(ctx: RequestContext, venueId: string, q: { cursor?: string | undefined; limit: number }) {
      requirePermission(ctx.actor, 'crowd_plan:read');
      await findVenue(venueId);
      const after = decodeCursor(q.cursor, 1);
      const conditions = [eq(crowdPlanVersions.venueId, venueId), eq(crowdPlanVersions.operationId, operationId)];
      if (after) conditions.push(sql`${crowdPlanVersions.version} < ${Number(after[0])}`);
      const rows = await db.select().from(crowdPlanVersions).where(and(...conditions)).orderBy(desc(crowdPlanVersions.version)).limit(q.limit + 1);
      return toPage(rows, q.limit, (r) => [r.version], toSummary);
    },

    /** One version with its document. */
    async getVersion(ctx: RequestContext, venueId: string, version: number): Promise<PlanVersion> {
      requirePermission(ctx.actor, 'crowd_plan:read');
      return toVersionView(await findVersion(venueId, version));
    },

    /** Starts a new draft from a version (default: the latest); the way to change a frozen version. */
    async createVersion(ctx: RequestContext, venueId: string, body: { fromVersion?: number | undefined }): Promise<PlanVersion> {
      await findVenue(venueId);
      requirePermission(ctx.actor, 'crowd_plan:edit', { venueId });
      const from = body.fromVersion !== undefined ? await findVersion(venueId, body.fromVersion) : await latestVersion(venueId);
      if (!from) throw notFound('Plan version');
      const id = await db.transaction((tx) => insertDraft(tx, ctx, venueId, from.plan as unknown as VenuePlan, from.version, 'crowd_plan.new_version'));
      return toVersionView(await versionById(id));
    },

    /** Replaces a draft's document; a signed (frozen) version is refused. */
    async updateDraft(ctx: RequestContext, venueId: string, version: number, plan: VenuePlan): Promise<PlanVersion> {
      await findVenue(venueId);
      requirePermission(ctx.actor, 'crowd_plan:edit', { venueId });
      const row = await findVersion(venueId, version);
      if (isFrozen(row.status as PlanStatus)) throw new AppError('crowd_plan.frozen', `Version ${version} is signed and frozen; start a new version from it`);
      await db.transaction(async (tx) => {
        const now = clock.now();
        // Only a draft is updated: the status condition makes a concurrent sign-off win, never a silent edit of a signed version.
        const updated = await tx
          .update(crowdPlanVersions)
          .set({ plan: plan as unknown as Record<string, unknown>, updatedAt: now })
          .where(and(eq(crowdPlanVersions.id, row.id), eq(crowdPlanVersions.status, 'draft')))
          .returning({ id: crowdPlanVersions.id });
        if (updated.length === 0) throw new AppError('crowd_plan.frozen', `Version ${version} is signed and frozen; start a new version from it`);
        await recordAudit(tx, ctx, { action: 'crowd_plan.update', subjectType: 'crowd_plan_version', subjectId: row.id, details: { venueId, version, gates: plan.gates.length, sections: plan.sections.length, exits: plan.exits.length } }, now);
      });
      return toVersionView(await findVersion(venueId, version));
    },

    /** Signs a version: the venue manager (their venue) first, then the commander; each audited. */
    async sign(ctx: RequestContext, venueId: string, version: number, step: SignStep): Promise<PlanVersion> {
      await findVenue(venueId);
      requirePermission(ctx.actor, step === 'venue' ? 'crowd_plan:sign_venue' : 'crowd_plan:sign_command', { venueId });
      const row = await findVersion(venueId, version);
      const next = nextStatus(row.status as PlanStatus, step);
      if (typeof next !== 'string') throw new AppError('crowd_plan.sign_off_order', `Version ${version} cannot be signed now: ${next.refused}`);
      if (step === 'command' && ctx.actor.id !== null && row.venueSignedById === ctx.actor.id)
        throw new AppError('crowd_plan.same_signer', 'The commander sign-off must be by another person than the venue sign-off');
      await db.transaction(async (tx) => {
        const now = clock.now();
        const set =
          step === 'venue'
            ? { status: next, venueSignedById: ctx.actor.id, venueSignedByLabel: ctx.actor.label, venueSignedAt: now, updatedAt: now }
            : { status: next, commandSignedById: ctx.actor.id, commandSignedByLabel: ctx.actor.label, commandSignedAt: now, updatedAt: now };
        const updated = await tx
          .update(crowdPlanVersions)
          .set(set)
          .where(and(eq(crowdPlanVersions.id, row.id), eq(crowdPlanVersions.status, row.status)))
          .returning({ id: crowdPlanVersions.id });
        if (updated.length === 0) throw new AppError('crowd_plan.sign_off_order', `Version ${version} changed status meanwhile; reload it`);
        await recordAudit(tx, ctx, { action: step === 'venue' ? 'crowd_plan.sign_venue' : 'crowd_plan.sign_command', subjectType: 'crowd_plan_version', subjectId: row.id, details: { venueId, version, status: next } }, now);
      });
      return toVersionView(await findVersion(venueId, version));
    },

    /** The plan file of a version (docs/crowd-plan.md). */
    async exportVersion(ctx: RequestContext, venueId: string, version: number): Promise<CrowdPlanFileT> {
      requirePermission(ctx.actor, 'crowd_plan:read');
      const row = await findVersion(venueId, version);
      return {
        format: CROWD_PLAN_FORMAT,
        formatVersion: CROWD_PLAN_FORMAT_VERSION,
        source: { venueId, version: row.version, status: row.status, exportedAt: clock.now().toISOString() },
        plan: row.plan as unknown as VenuePlan,
      };
    },

    /** Imports a plan file as a new draft; an invalid file is refused naming each field. */
    async importPlan(ctx: RequestContext, venueId: string, body: unknown): Promise<PlanVersion> {
      await findVenue(venueId);
      requirePermission(ctx.actor, 'crowd_plan:edit', { venueId });
      const parsed = CrowdPlanFile.safeParse(body);
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error, '');
        throw new AppError('crowd_plan.invalid', `The plan file is not valid: ${errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ')}`, { errors });
      }
      const latest = await latestVersion(venueId);
      const id = await db.transaction((tx) => insertDraft(tx, ctx, venueId, parsed.data.plan, latest?.version ?? null, 'crowd_plan.import'));
      return toVersionView(await versionById(id));
    },

    /** The Green Guide capacity check of a version (fast: computed on the request). */
    async capacity(ctx: RequestContext, venueId: string, version: number): Promise<CapacityResult> {
      requirePermission(ctx.actor, 'crowd_plan:read');
      const row = await findVersion(venueId, version);
      return checkCapacity(planToCapacityPlan(row.plan as unknown as VenuePlan));
    },

    /** Starts a simulation or recommendation for a match; answers at once with the queued run. */
    async createRun(ctx: RequestContext, matchId: string, body: CreateRunBody): Promise<Run> {
      const match = await findMatch(matchId);
      requirePermission(ctx.actor, 'crowd_run:create', { venueId: match.venueId });
      const version = body.planVersion !== undefined ? await findVersion(match.venueId, body.planVersion) : await latestVersion(match.venueId, 'approved');
      if (!version) throw new AppError('crowd_plan.not_approved', 'The venue has no approved plan version; name a version to run a draft');
      const plan = version.plan as unknown as VenuePlan;
      const seats = plan.sections.reduce((s, x) => s + x.seats, 0);
      const attendance = body.attendance ?? match.expectedAttendance ?? match.attendance ?? seats;
      const setup = { attendance, arrivals: body.arrivals, seed: body.seed, options: body.options };
      const inputs: RunInputs = {
        kind: body.kind,
        matchId: match.id,
        venueId: match.venueId,
        planVersionId: version.id,
        planVersion: version.version,
        attendance,
        seed: body.seed,
        arrivals: body.arrivals,
        options: body.options,
        engineVersion,
        recommendation: {
          targetP95WaitMinutes: body.options.targetP95WaitMinutes ?? plan.parameters.targetP95WaitMinutes,
          slotMinutes: body.options.slotMinutes ?? 15,
          spectatorsPerMobileSteward: plan.parameters.spectatorsPerMobileSteward,
        },
        scenario: planToScenario(plan, setup) as unknown as Record<string, unknown>,
        capacityPlan: planToCapacityPlan(plan, { emergencyEvacuationMinutes: body.options.emergencyEvacuationMinutes }) as unknown as Record<string, unknown>,
      };
      return insertRun(ctx, match, version, inputs, body.label ?? null, null);
    },

    /** Runs again with exactly the stored inputs (same scenario, seed and options): the result must be identical. */
    async reproduce(ctx: RequestContext, runId: string): Promise<Run> {
      const run = await findRun(runId);
      requirePermission(ctx.actor, 'crowd_run:create', { venueId: run.venueId });
      const inputs = { ...(run.inputs as unknown as RunInputs), engineVersion };
      const version = await versionById(run.planVersionId);
      return insertRun(ctx, { id: run.matchId, venueId: run.venueId }, version, inputs, run.label, run.id);
    },

    /** A match's runs, newest first (without their inputs and results). */
    async listRuns(ctx: RequestContext, matchId: string, q: { cursor?: string | undefined; limit: number }) {
      requirePermission(ctx.actor, 'crowd_run:read');
      await findMatch(matchId);
      const after = decodeCursor(q.cursor, 2);
      const conditions = [eq(crowdRuns.matchId, matchId), eq(crowdRuns.operationId, operationId)];
      if (after) conditions.push(sql`(${crowdRuns.createdAt}, ${crowdRuns.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
      const rows = await db.select().from(crowdRuns).where(and(...conditions)).orderBy(desc(crowdRuns.createdAt), desc(crowdRuns.id)).limit(q.limit + 1);
      return toPage(await expireStale(rows), q.limit, (r) => [r.createdAt.toISOString(), r.id], toRunSummary);
    },

    /** Runs of a venue's matches, newest first (the plan page colours its gates by the latest). */
    async listVenueRuns(ctx: RequestContext, venueId: string, q: { cursor?: string | undefined; limit: number }) {
      requirePermission(ctx.actor, 'crowd_run:read');
      await findVenue(venueId);
      const after = decodeCursor(q.cursor, 2);
      const conditions = [eq(crowdRuns.venueId, venueId), eq(crowdRuns.operationId, operationId)];
      if (after) conditions.push(sql`(${crowdRuns.createdAt}, ${crowdRuns.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
      const rows = await db.select().from(crowdRuns).where(and(...conditions)).orderBy(desc(crowdRuns.createdAt), desc(crowdRuns.id)).limit(q.limit + 1);
      return toPage(await expireStale(rows), q.limit, (r) => [r.createdAt.toISOString(), r.id], toRunSummary);
    },

    /** One run with its inputs and (when done) its result. */
    async getRun(ctx: RequestContext, id: string): Promise<Run> {
      requirePermission(ctx.actor, 'crowd_run:read');
      return toRunView(await findRun(id));
    },

    /** What-if: the inputs that differ and the headline figures side by side. */
    async compare(ctx: RequestContext, a: string, b: string): Promise<RunComparison> {
      requirePermission(ctx.actor, 'crowd_run:read');
      const [ra, rb] = [toRunView(await findRun(a)), toRunView(await findRun(b))];
      const strip = (i: RunInputs) => ({ ...i, scenario: undefined, capacityPlan: undefined });
      const { figures, gates } = compareFigures(ra.result, rb.result);
      return {
        a: toRunSummary(await findRun(a)),
        b: toRunSummary(await findRun(b)),
        inputChanges: diffJson(strip(ra.inputs), strip(rb.inputs)).filter((c) => c.path !== 'matchId' || ra.matchId !== rb.matchId),
        figures,
        gates,
      };
    },

    /** Waits for the runs this process is computing (tests, graceful shutdown). */
    async idle(): Promise<void> {
      while (running.size > 0 || queue.length > 0) await Promise.race([...running, new Promise((r) => setTimeout(r, 20))]);
    },
  };
}

export type CrowdService = ReturnType<typeof createCrowdService>;

/** The seed's actor, who also signs the seeded first versions (both sign-offs, audited). */
export const SEED_ACTOR = systemActor('seed');
