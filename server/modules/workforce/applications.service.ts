/**
 * Applications: the applicant's drafts, documents, submission, withdrawal, data export and erasure; the
 * back office's lists and decisions. Every submitted application is screened by the vetting capability
 * (through its service); the vetting state is read back from it and cached on the row for lists.
 * Applicants and employers only ever see a neutral outcome.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Id } from '../../../common/contracts/common.ts';
import type { ScreeningSubject, VettingOutcome, VettingState } from '../../../common/contracts/vetting.ts';
import type { ApplicationFields, ApplicationView, MyApplication } from '../../../common/contracts/workforce.ts';
import { can, listScope, type RequestContext, requirePermission, systemActor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { organisations } from '../../platform/db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { Platform } from '../../platform/platform.ts';
import { requireApplicant } from './applicants.service.ts';
import { type CleanFile, cleanPassportScan, cleanPhoto } from './files.ts';
import type { Mailer } from './mail.ts';
import { applicantStage, decide, type Decision, needsWorkVisa, neutralVetting, submissionProblems, VISA_STEP_DAYS, addDays, accreditationBlocker } from './workforce.rules.ts';
import { accreditations, applicantAccounts, applicantSessions, applicationEvents, applicationFiles, applications, openings, visaCases } from './workforce.schema.ts';

/** What this module needs from the vetting capability (its service, passed in by server/modules/index.ts). */
export interface VettingPort {
  screenSubject(ctx: RequestContext, subject: ScreeningSubject): Promise<VettingOutcome>;
  outcomeOf(ctx: RequestContext, subjectType: string, subjectId: string): Promise<VettingOutcome>;
  /** Calls `listener` in the transaction of any later change of one of these subjects' outcomes (a decision, a list change). */
  onOutcomeChange(subjectType: string, listener: (tx: Db, outcome: VettingOutcome, requestId: string | null) => Promise<void>): void;
}

export const VETTING_SUBJECT = 'application';

type AppRow = typeof applications.$inferSelect;
type OpeningRow = typeof openings.$inferSelect;
type AccreditationRow = typeof accreditations.$inferSelect;
export interface FullRow {
  app: AppRow;
  opening: OpeningRow;
  orgName: string;
  visa: typeof visaCases.$inferSelect | null;
  accreditation: typeof accreditations.$inferSelect | null;
  files: { kind: 'photo' | 'passport_scan'; contentType: string; size: number; width: number | null; height: number | null; createdAt: Date }[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const today = (d: Date) => d.toISOString().slice(0, 10);

export const openingBrief = (o: OpeningRow, orgName: string) => ({ id: o.id, kind: o.kind, title: o.title, organisationName: orgName, sponsorsVisa: o.sponsorsVisa, startsOn: o.startsOn, endsOn: o.endsOn });
export const visaSummary = (v: FullRow['visa']) =>
  v ? { id: v.id, status: v.status, currentStep: v.currentStep, stepDueOn: v.stepDueOn, visaNumber: v.visaNumber, validFrom: v.validFrom, validTo: v.validTo } : null;
export const accreditationSummary = (a: FullRow['accreditation']) => (a ? { id: a.id, number: a.number, status: a.status, validFrom: a.validFrom, validTo: a.validTo } : null);
export const holderName = (a: AppRow) => [a.givenNames, a.familyName].filter(Boolean).join(' ') || '—';
export const holderNameAr = (a: AppRow) => [a.givenNamesAr, a.familyNameAr].filter(Boolean).join(' ') || null;

/** The actor the portal uses to call vetting: the workforce capability itself, allowed to screen. */
export const vettingCaller = (requestId: string | null): RequestContext => ({
  actor: { ...systemActor('workforce'), grants: [{ permission: 'vetting:screen', scope: 'operation', venueIds: [] }] },
  requestId,
});

/** The person's data an application holds, as both the applicant and the back office see it. */
function personOf(a: typeof applications.$inferSelect) {
  return {
    givenNames: a.givenNames,
    familyName: a.familyName,
    givenNamesAr: a.givenNamesAr,
    familyNameAr: a.familyNameAr,
    birthDate: a.birthDate,
    gender: a.gender,
    nationality: a.nationality,
    passportNumber: a.passportNumber,
    passportExpiry: a.passportExpiry,
    phone: a.phone,
    languages: a.languages,
  };
}

export function createApplicationsService(platform: Platform, deps: { vetting: VettingPort; mailer: Mailer }) {
  const { db, clock, config, operationId } = platform;
  const { vetting, mailer } = deps;

  async function loadFull(where: ReturnType<typeof and>, order?: 'list', limit?: number, after?: (string | number)[] | null): Promise<FullRow[]> {
    const conditions = [eq(applications.operationId, operationId), where!];
    if (after) conditions.push(sql`(${applications.updatedAt}, ${applications.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    let q = db
      .select({ app: applications, opening: openings, orgName: organisations.name, visa: visaCases, accreditation: accreditations })
      .from(applications)
      .innerJoin(openings, eq(openings.id, applications.openingId))
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .leftJoin(visaCases, eq(visaCases.applicationId, applications.id))
      .leftJoin(accreditations, eq(accreditations.applicationId, applications.id))
      .where(and(...conditions))
      .orderBy(desc(applications.updatedAt), desc(applications.id))
      .$dynamic();
    if (order === 'list' && limit) q = q.limit(limit);
    const rows = await q;
    if (rows.length === 0) return [];
    const files = await db
      .select({ applicationId: applicationFiles.applicationId, kind: applicationFiles.kind, contentType: applicationFiles.contentType, size: applicationFiles.size, width: applicationFiles.width, height: applicationFiles.height, createdAt: applicationFiles.createdAt })
      .from(applicationFiles)
      .where(inArray(applicationFiles.applicationId, rows.map((r) => r.app.id)));
    return rows.map((r) => ({ ...r, files: files.filter((f) => f.applicationId === r.app.id) }));
  }

  async function findFull(id: string): Promise<FullRow> {
    const [row] = await loadFull(eq(applications.id, id));
    if (!row) throw notFound('Application');
    return row;
  }

  async function addEvent(tx: Db, applicationId: string, type: string, at = clock.now()) {
    await tx.insert(applicationEvents).values({ id: newId(), applicationId, at, type });
  }

  async function notifyApplicant(tx: Db, applicantId: string) {
    const [acc] = await tx.select({ email: applicantAccounts.email, locale: applicantAccounts.locale }).from(applicantAccounts).where(eq(applicantAccounts.id, applicantId));
    if (acc?.email) await mailer.enqueue(tx, acc.email, 'status', acc.locale, { link: `${config.publicUrl}/portal/applications` });
  }

  /**
   * Applies a vetting state to an application, in `tx`: records it, and a refusal declines the
   * application (the applicant sees "not selected") and suspends an accreditation already issued.
   */
  async function applyVettingState(tx: Db, app: AppRow, accreditation: AccreditationRow | null, state: VettingState, requestId: string | null): Promise<void> {
    const now = clock.now();
    const refuse = state === 'refused' && (app.status === 'submitted' || app.status === 'shortlisted' || app.status === 'accepted');
    await tx.update(applications).set({ vettingState: state, ...(refuse ? { status: 'declined' as const, decidedAt: now } : {}), updatedAt: now }).where(eq(applications.id, app.id));
    await recordAudit(tx, { actor: systemActor('workforce'), requestId }, { action: 'application.vetting_state', subjectType: 'application', subjectId: app.id, details: { state } }, now);
    if (refuse) {
      await addEvent(tx, app.id, 'not_selected', now);
      await notifyApplicant(tx, app.applicantId);
    }
    if (state === 'refused' && accreditation?.status === 'issued') {
      await tx.update(accreditations).set({ status: 'suspended', statusChangedAt: now, updatedAt: now }).where(eq(accreditations.id, accreditation.id));
      await recordAudit(tx, { actor: systemActor('workforce'), requestId }, { action: 'accreditation.suspend', subjectType: 'accreditation', subjectId: accreditation.id, details: { reason: 'vetting' } }, now);
    }
  }

  /** Whether an application takes vetting states (not a draft, withdrawn or erased one). */
  const followsVetting = (app: AppRow) => app.status !== 'draft' && app.status !== 'withdrawn' && !app.erasedAt;

  /** Reads the vetting state from the vetting capability and applies it when it changed (see applyVettingState). */
  async function syncVetting(row: FullRow, requestId: string | null): Promise<FullRow> {
    const a = row.app;
    if (!followsVetting(a)) return row;
    let outcome: VettingOutcome;
    try {
      outcome = await vetting.outcomeOf(vettingCaller(requestId), VETTING_SUBJECT, a.id);
    } catch {
      return row;
    }
    if (outcome.state === a.vettingState) return row;
    await db.transaction((tx) => applyVettingState(tx, a, row.accreditation, outcome.state, requestId));
    void mailer.flush();
    return findFull(a.id);
  }

  // Told by vetting in the transaction of a decision or a list change, so that a confirmed match declines
  // the application and suspends its badge at once (checkpoints refuse it, offline ones after their next
  // revocation list), not when someone next opens the application.
  vetting.onOutcomeChange(VETTING_SUBJECT, async (tx, outcome, requestId) => {
    // Officers may screen any subject id by hand; only ours (UUIDs) can be an application.
    if (!Id.safeParse(outcome.subjectId).success) return;
    const [r] = await tx
      .select({ app: applications, accreditation: accreditations })
      .from(applications)
      .leftJoin(accreditations, eq(accreditations.applicationId, applications.id))
      .where(and(eq(applications.id, outcome.subjectId), eq(applications.operationId, operationId)));
    if (!r || !followsVetting(r.app) || r.app.vettingState === outcome.state) return;
    await applyVettingState(tx, r.app, r.accreditation, outcome.state, requestId);
  });

  function myView(r: FullRow, timeline: { type: string; at: Date }[]): MyApplication {
    const a = r.app;
    const file = (kind: 'photo' | 'passport_scan') => {
      const f = r.files.find((x) => x.kind === kind);
      return f ? { contentType: f.contentType, size: f.size, width: f.width, height: f.height, uploadedAt: f.createdAt.toISOString() } : null;
    };
    return {
      id: a.id,
      opening: openingBrief(r.opening, r.orgName),
      stage: applicantStage(a.status, a.vettingState, r.accreditation?.status ?? null),
      fields: {
        ...personOf(a),
        consent: a.consentAt !== null,
      },
      files: { photo: file('photo'), passportScan: file('passport_scan') },
      needsVisa: needsWorkVisa(a.nationality),
      visa: visaSummary(r.visa),
      // The accreditation shows only once it exists; a vetting refusal never shows as such.
      accreditation: accreditationSummary(r.accreditation),
      timeline: timeline.map((e) => ({ type: e.type, at: e.at.toISOString() })),
      submittedAt: iso(a.submittedAt),
      updatedAt: a.updatedAt.toISOString(),
    };
  }

  async function timelineOf(applicationId: string) {
    return db.select({ type: applicationEvents.type, at: applicationEvents.at }).from(applicationEvents).where(eq(applicationEvents.applicationId, applicationId)).orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
  }

  /** The applicant's own application, or 403 (never 404) for someone else's. */
  async function ownFull(ctx: RequestContext, id: string): Promise<FullRow> {
    const actor = requireApplicant(ctx);
    const [owner] = await db.select({ applicantId: applications.applicantId }).from(applications).where(and(eq(applications.id, id), eq(applications.operationId, operationId)));
    if (!owner) throw notFound('Application');
    if (owner.applicantId !== actor.id) throw new AppError('access.denied', 'This application is not yours');
    return findFull(id);
  }

  function backOfficeView(ctx: RequestContext, r: FullRow): ApplicationView {
    const a = r.app;
    // Accreditation officers see the vetting state; employers only whether the person was cleared.
    const fullVetting = can(ctx.actor, 'accreditation:manage') || can(ctx.actor, 'vetting:read');
    return {
      id: a.id,
      opening: openingBrief(r.opening, r.orgName),
      organisationId: a.organisationId,
      status: a.status,
      vettingState: fullVetting ? (a.vettingState ?? (a.status === 'draft' ? null : 'pending')) : null,
      vetting: fullVetting ? null : a.status === 'draft' ? null : neutralVetting(a.vettingState),
      ...personOf(a),
      hasPhoto: r.files.some((f) => f.kind === 'photo'),
      hasPassportScan: r.files.some((f) => f.kind === 'passport_scan'),
      needsVisa: needsWorkVisa(a.nationality),
      visa: visaSummary(r.visa),
      accreditation: accreditationSummary(r.accreditation),
      submittedAt: iso(a.submittedAt),
      decidedAt: iso(a.decidedAt),
    };
  }

  async function reviewable(ctx: RequestContext, id: string): Promise<FullRow> {
    const r = await findFull(id);
    if (r.app.status === 'draft') throw notFound('Application');
    requirePermission(ctx.actor, 'application:review', { organisationId: r.app.organisationId });
    return r;
  }

  return {
    findFull,
    syncVetting,
    addEvent,
    notifyApplicant,
    backOfficeView,

    // ---------------------------------------------------------------- applicant side

    /** The applicant's applications, newest first. */
    async listMine(ctx: RequestContext): Promise<MyApplication[]> {
      const actor = requireApplicant(ctx);
      const rows = await loadFull(and(eq(applications.applicantId, actor.id), isNull(applications.erasedAt)));
      const out: MyApplication[] = [];
      for (const r of rows) out.push(myView(await syncVetting(r, ctx.requestId), await timelineOf(r.app.id)));
      return out;
    },

    /** Starts a draft application to a published opening (one per opening). */
    async createDraft(ctx: RequestContext, openingId: string): Promise<MyApplication> {
      const actor = requireApplicant(ctx);
      const [opening] = await db.select().from(openings).where(and(eq(openings.id, openingId), eq(openings.operationId, operationId)));
      if (!opening || opening.status !== 'published') throw new AppError('opening.not_open', 'This opening does not take applications', { errors: [{ path: 'body.openingId', message: 'not open' }] });
      const [existing] = await db.select({ id: applications.id }).from(applications).where(and(eq(applications.applicantId, actor.id), eq(applications.openingId, openingId)));
      if (existing) throw new AppError('application.already_exists', 'You already have an application to this opening');
      const id = newId();
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx.insert(applications).values({ id, operationId, applicantId: actor.id, openingId, organisationId: opening.organisationId, status: 'draft', createdAt: now, updatedAt: now });
        await addEvent(tx, id, 'created', now);
        await recordAudit(tx, ctx, { action: 'application.create', subjectType: 'application', subjectId: id, details: { openingId } }, now);
      });
      return this.getMine(ctx, id);
    },

    /** One of the applicant's applications with its timeline. */
    async getMine(ctx: RequestContext, id: string): Promise<MyApplication> {
      const r = await syncVetting(await ownFull(ctx, id), ctx.requestId);
      return myView(r, await timelineOf(id));
    },

    /** Saves draft fields (anything typed is kept, complete or not). */
    async saveDraft(ctx: RequestContext, id: string, f: ApplicationFields): Promise<MyApplication> {
      const r = await ownFull(ctx, id);
      if (r.app.status !== 'draft') throw new AppError('application.invalid_state', 'A submitted application can no longer be edited');
      const now = clock.now();
      const { consent, ...fields } = f;
      const patch = { ...fields, ...(consent === undefined ? {} : { consentAt: consent ? (r.app.consentAt ?? now) : null }), updatedAt: now };
      await db.transaction(async (tx) => {
        await tx.update(applications).set(patch).where(eq(applications.id, id));
        await recordAudit(tx, ctx, { action: 'application.save_draft', subjectType: 'application', subjectId: id, details: { fields: Object.keys(f).sort() } }, now);
      });
      return this.getMine(ctx, id);
    },

    /** Stores the photo or passport scan of a draft after checking and re-encoding it. */
    async uploadFile(ctx: RequestContext, id: string, kind: 'photo' | 'passport_scan', read: () => Promise<Buffer>): Promise<MyApplication> {
      const r = await ownFull(ctx, id);
      if (r.app.status !== 'draft') throw new AppError('application.invalid_state', 'A submitted application can no longer be edited');
      const clean: CleanFile = kind === 'photo' ? cleanPhoto(await read()) : cleanPassportScan(await read());
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx.delete(applicationFiles).where(and(eq(applicationFiles.applicationId, id), eq(applicationFiles.kind, kind)));
        await tx.insert(applicationFiles).values({ id: newId(), applicationId: id, kind, contentType: clean.contentType, bytes: clean.bytes, size: clean.bytes.length, width: clean.width, height: clean.height, sha256: clean.sha256, createdAt: now });
        await tx.update(applications).set({ updatedAt: now }).where(eq(applications.id, id));
        await recordAudit(tx, ctx, { action: 'application.upload', subjectType: 'application', subjectId: id, details: { kind, contentType: clean.contentType, size: clean.bytes.length } }, now);
      });
      return this.getMine(ctx, id);
    },

    /** The applicant's own document. */
    async readMyFile(ctx: RequestContext, id: string, kind: 'photo' | 'passport_scan') {
      await ownFull(ctx, id);
      const [f] = await db.select().from(applicationFiles).where(and(eq(applicationFiles.applicationId, id), eq(applicationFiles.kind, kind)));
      if (!f) throw notFound('File');
      return { contentType: f.contentType, bytes: f.bytes };
    },

    /** Submits a complete draft and sends the person to security vetting. */
    async submit(ctx: RequestContext, id: string): Promise<MyApplication> {
      const r = await ownFull(ctx, id);
      const a = r.app;
      if (a.status !== 'draft') throw new AppError('application.invalid_state', 'This application was already submitted');
      if (r.opening.status !== 'published') throw new AppError('opening.not_open', 'This opening no longer takes applications');
      const now = clock.now();
      const problems = submissionProblems(
        { ...a, consent: a.consentAt !== null, hasPhoto: r.files.some((f) => f.kind === 'photo'), hasPassportScan: r.files.some((f) => f.kind === 'passport_scan') },
        today(now),
        r.opening.endsOn,
      );
      if (problems.length > 0) {
        throw new AppError('application.incomplete', 'Complete the application before submitting it', { errors: problems.map((p) => ({ path: `body.${p.path}`, message: p.message })) });
      }
      await db.transaction(async (tx) => {
        await tx.update(applications).set({ status: 'submitted', vettingState: 'pending', submittedAt: now, updatedAt: now }).where(and(eq(applications.id, id), eq(applications.status, 'draft')));
        await addEvent(tx, id, 'submitted', now);
        await recordAudit(tx, ctx, { action: 'application.submit', subjectType: 'application', subjectId: id }, now);
      });
      await this.screen(id, ctx.requestId);
      return this.getMine(ctx, id);
    },

    /** Sends a submitted application's person to the vetting capability; a failure leaves it pending (screened again on the next submit-side call). */
    async screen(id: string, requestId: string | null): Promise<void> {
      const { app: a } = await findFull(id);
      const nameArabic = holderNameAr(a);
      try {
        const outcome = await vetting.screenSubject(vettingCaller(requestId), {
          subjectType: VETTING_SUBJECT,
          subjectId: a.id,
          givenNames: a.givenNames!,
          familyName: a.familyName!,
          nameArabic,
          dateOfBirth: a.birthDate,
          gender: a.gender,
          nationality: a.nationality,
        });
        await db.update(applications).set({ vettingState: outcome.state }).where(eq(applications.id, id));
      } catch {
        // Vetting unavailable: the application stays pending and is read again from vetting later.
      }
    },

    /** Withdraws an application that is not yet decided. */
    async withdraw(ctx: RequestContext, id: string): Promise<MyApplication> {
      const r = await ownFull(ctx, id);
      if (!['draft', 'submitted', 'shortlisted', 'accepted'].includes(r.app.status) || r.accreditation) {
        throw new AppError('application.invalid_state', 'This application can no longer be withdrawn');
      }
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx.update(applications).set({ status: 'withdrawn', updatedAt: now }).where(eq(applications.id, id));
        if (r.visa?.status === 'open') await tx.update(visaCases).set({ status: 'refused', currentStep: null, stepDueOn: null, updatedAt: now }).where(eq(visaCases.id, r.visa.id));
        await addEvent(tx, id, 'withdrawn', now);
        await recordAudit(tx, ctx, { action: 'application.withdraw', subjectType: 'application', subjectId: id }, now);
      });
      return this.getMine(ctx, id);
    },

    /** Everything the portal holds about the applicant (GDPR-style access), documents included. */
    async exportMine(ctx: RequestContext) {
      const actor = requireApplicant(ctx);
      const [account] = await db.select().from(applicantAccounts).where(eq(applicantAccounts.id, actor.id));
      const mine = await this.listMine(ctx);
      const files = mine.length
        ? await db.select().from(applicationFiles).where(inArray(applicationFiles.applicationId, mine.map((m) => m.id)))
        : [];
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'applicant.export', subjectType: 'applicant', subjectId: actor.id }, clock.now()));
      return {
        exportedAt: clock.now().toISOString(),
        account: { email: account?.email, locale: account?.locale, createdAt: account?.createdAt.toISOString(), emailConfirmedAt: iso(account?.emailConfirmedAt ?? null) },
        applications: mine.map((m) => ({
          ...m,
          documents: files.filter((f) => f.applicationId === m.id).map((f) => ({ kind: f.kind, contentType: f.contentType, base64: f.bytes.toString('base64') })),
        })),
      };
    },

    /**
     * Erases the applicant's data, keeping only the minimal vetting record the law requires for submitted
     * applications (names, birth date, nationality, decision and dates): drafts are deleted; documents,
     * passport, phone, languages, gender and the account's email and password are removed; open
     * applications are withdrawn and issued accreditations revoked. The erasure itself is audited.
     */
    async eraseMine(ctx: RequestContext) {
      const actor = requireApplicant(ctx);
      const now = clock.now();
      const rows = await loadFull(eq(applications.applicantId, actor.id));
      await db.transaction(async (tx) => {
        for (const r of rows) {
          if (r.app.status === 'draft') {
            await tx.delete(applications).where(eq(applications.id, r.app.id));
            continue;
          }
          await tx.delete(applicationFiles).where(eq(applicationFiles.applicationId, r.app.id));
          const open = ['submitted', 'shortlisted', 'accepted'].includes(r.app.status);
          await tx
            .update(applications)
            .set({ status: open ? 'withdrawn' : r.app.status, passportNumber: null, passportExpiry: null, phone: null, languages: [], gender: null, erasedAt: now, updatedAt: now })
            .where(eq(applications.id, r.app.id));
          if (r.visa?.status === 'open') await tx.update(visaCases).set({ status: 'refused', currentStep: null, stepDueOn: null, updatedAt: now }).where(eq(visaCases.id, r.visa.id));
          if (r.accreditation && r.accreditation.status !== 'revoked') {
            await tx.update(accreditations).set({ status: 'revoked', statusChangedAt: now, updatedAt: now }).where(eq(accreditations.id, r.accreditation.id));
            await recordAudit(tx, ctx, { action: 'accreditation.revoke', subjectType: 'accreditation', subjectId: r.accreditation.id, details: { reason: 'erasure' } }, now);
          }
          await addEvent(tx, r.app.id, 'erased', now);
        }
        await tx.update(applicantSessions).set({ revokedAt: now }).where(and(eq(applicantSessions.applicantId, actor.id), isNull(applicantSessions.revokedAt)));
        await tx.update(applicantAccounts).set({ email: null, passwordHash: null, confirmTokenHash: null, erasedAt: now, updatedAt: now }).where(eq(applicantAccounts.id, actor.id));
        await recordAudit(tx, ctx, { action: 'applicant.erase', subjectType: 'applicant', subjectId: actor.id, details: { applications: rows.length, kept: ['names', 'birthDate', 'nationality', 'decision', 'dates'] } }, now);
      });
      return { erasedAt: now.toISOString(), kept: ['givenNames', 'familyName', 'givenNamesAr', 'familyNameAr', 'birthDate', 'nationality', 'status', 'submittedAt', 'decidedAt'] };
    },

    // ---------------------------------------------------------------- back office

    /** Submitted applications the actor may review (employers: their organisation's openings), newest activity first. */
    async list(ctx: RequestContext, q: { openingId?: string; status?: AppRow['status']; ready?: boolean; cursor?: string; limit: number }) {
      const scope = listScope(ctx.actor, 'application:review');
      const after = decodeCursor(q.cursor, 2);
      const conditions = [sql`${applications.status} <> 'draft'`];
      if (!scope.all) conditions.push(scope.organisationIds.length ? inArray(applications.organisationId, scope.organisationIds) : sql`false`);
      if (q.openingId) conditions.push(eq(applications.openingId, q.openingId));
      if (q.status) conditions.push(eq(applications.status, q.status));
      if (q.ready) conditions.push(eq(applications.status, 'accepted'), eq(applications.vettingState, 'cleared'), sql`${accreditations.id} is null`);
      let rows = await loadFull(and(...conditions), 'list', q.limit + 1, after);
      if (q.ready) rows = rows.filter((r) => accreditationBlocker({ status: r.app.status, vetting: r.app.vettingState, needsVisa: needsWorkVisa(r.app.nationality), visa: r.visa, hasAccreditation: Boolean(r.accreditation) }) === null);
      const synced: FullRow[] = [];
      for (const r of rows) synced.push(r.app.vettingState === 'pending' || r.app.vettingState === 'hit_under_review' ? await syncVetting(r, ctx.requestId) : r);
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'application.list', subjectType: 'application', details: { count: Math.min(rows.length, q.limit), ...(q.openingId ? { openingId: q.openingId } : {}) } }, clock.now()));
      return toPage(synced, q.limit, (r) => [r.app.updatedAt.toISOString(), r.app.id], (r) => backOfficeView(ctx, r));
    },

    /** One application (personal data: the read is audited). */
    async get(ctx: RequestContext, id: string): Promise<ApplicationView> {
      const r = await syncVetting(await reviewable(ctx, id), ctx.requestId);
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'application.read', subjectType: 'application', subjectId: id }, clock.now()));
      return backOfficeView(ctx, r);
    },

    /** An application's photo or passport scan (audited). */
    async readFile(ctx: RequestContext, id: string, kind: 'photo' | 'passport_scan') {
      await reviewable(ctx, id);
      const [f] = await db.select().from(applicationFiles).where(and(eq(applicationFiles.applicationId, id), eq(applicationFiles.kind, kind)));
      if (!f) throw notFound('File');
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'application.file_read', subjectType: 'application', subjectId: id, details: { kind } }, clock.now()));
      return { contentType: f.contentType, bytes: f.bytes };
    },

    /** Shortlists, accepts or declines (accepting waits for vetting; it opens a visa case when the person needs one). */
    async decide(ctx: RequestContext, id: string, decision: Decision): Promise<ApplicationView> {
      const r = await syncVetting(await reviewable(ctx, id), ctx.requestId);
      const result = decide(r.app.status, decision, r.app.vettingState);
      if (!result.ok) {
        throw new AppError('application.invalid_state', result.why === 'vetting' ? 'Accepting waits for the security vetting to clear the person' : `A ${r.app.status} application cannot be given this decision`);
      }
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx.update(applications).set({ status: result.status, ...(decision === 'shortlist' ? {} : { decidedAt: now }), updatedAt: now }).where(eq(applications.id, id));
        await addEvent(tx, id, decision === 'decline' ? 'not_selected' : result.status, now);
        if (decision === 'accept' && needsWorkVisa(r.app.nationality) && !r.visa) {
          const caseId = newId();
          await tx.insert(visaCases).values({ id: caseId, operationId, applicationId: id, status: 'open', currentStep: 'sponsorship', stepDueOn: addDays(today(now), VISA_STEP_DAYS.sponsorship), history: [], createdAt: now, updatedAt: now });
          await addEvent(tx, id, 'visa_opened', now);
          await recordAudit(tx, ctx, { action: 'visa.open', subjectType: 'visa_case', subjectId: caseId, details: { applicationId: id } }, now);
        }
        await notifyApplicant(tx, r.app.applicantId);
        await recordAudit(tx, ctx, { action: `application.${decision}`, subjectType: 'application', subjectId: id }, now);
      });
      void mailer.flush();
      return backOfficeView(ctx, await findFull(id));
    },
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
