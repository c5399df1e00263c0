/** Work-visa cases: employer sponsorship → documents → security clearance (from vetting) → medical → issuance. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { VisaCase, VisaStep } from '../../../common/contracts/workforce.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { Platform } from '../../platform/platform.ts';
import { type ApplicationsService, holderName, openingBrief } from './applications.service.ts';
import type { Mailer } from './mail.ts';
import { addDays, takeVisaStep } from './workforce.rules.ts';
import { applications, visaCases } from './workforce.schema.ts';

export function createVisaService(platform: Platform, deps: { applications: ApplicationsService; mailer: Mailer }) {
  const { db, clock, operationId } = platform;
  const { applications: apps, mailer } = deps;

  async function view(caseId: string, requestId: string | null): Promise<VisaCase> {
    const [c] = await db.select().from(visaCases).where(and(eq(visaCases.id, caseId), eq(visaCases.operationId, operationId)));
    if (!c) throw notFound('Visa case');
    const r = await apps.syncVetting(await apps.findFull(c.applicationId), requestId);
    const v = r.visa ?? c;
    return {
      id: v.id,
      status: v.status,
      currentStep: v.currentStep,
      stepDueOn: v.stepDueOn,
      visaNumber: v.visaNumber,
      validFrom: v.validFrom,
      validTo: v.validTo,
      applicationId: c.applicationId,
      applicantName: holderName(r.app),
      nationality: r.app.nationality,
      openingTitle: openingBrief(r.opening, r.orgName).title,
      organisationName: r.orgName,
      vettingState: r.app.vettingState,
      history: v.history.map((h) => ({ ...h, step: h.step as VisaStep })),
      createdAt: v.createdAt.toISOString(),
    };
  }

  return {
    /** Cases by due date (open ones first). */
    async list(ctx: RequestContext, q: { status?: 'open' | 'issued' | 'refused'; cursor?: string; limit: number }) {
      requirePermission(ctx.actor, 'visa:manage');
      const after = decodeCursor(q.cursor, 2);
      const conditions = [eq(visaCases.operationId, operationId)];
      if (q.status) conditions.push(eq(visaCases.status, q.status));
      if (after) conditions.push(sql`(coalesce(${visaCases.stepDueOn}::text, '9999-12-31'), ${visaCases.id}) > (${after[0]}, ${after[1]}::uuid)`);
      const rows = await db.select({ id: visaCases.id, due: sql<string>`coalesce(${visaCases.stepDueOn}::text, '9999-12-31')` }).from(visaCases).where(and(...conditions)).orderBy(asc(sql`coalesce(${visaCases.stepDueOn}::text, '9999-12-31')`), asc(visaCases.id)).limit(q.limit + 1);
      const views: (VisaCase & { due: string })[] = [];
      for (const r of rows) views.push({ ...(await view(r.id, ctx.requestId)), due: r.due });
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'visa.list', subjectType: 'visa_case', details: { count: Math.min(rows.length, q.limit) } }, clock.now()));
      return toPage(views, q.limit, (v) => [v.due, v.id], ({ due: _due, ...v }) => v);
    },

    /** One case (audited: it holds personal data). */
    async get(ctx: RequestContext, id: string): Promise<VisaCase> {
      requirePermission(ctx.actor, 'visa:manage');
      const v = await view(id, ctx.requestId);
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'visa.read', subjectType: 'visa_case', subjectId: id }, clock.now()));
      return v;
    },

    /** Records the outcome of the current step. */
    async takeStep(ctx: RequestContext, id: string, body: { step: VisaStep; outcome: 'done' | 'refused'; visaNumber?: string; validFrom?: string; validTo?: string }): Promise<VisaCase> {
      requirePermission(ctx.actor, 'visa:manage');
      const [c] = await db.select().from(visaCases).where(and(eq(visaCases.id, id), eq(visaCases.operationId, operationId)));
      if (!c) throw notFound('Visa case');
      const r = await apps.syncVetting(await apps.findFull(c.applicationId), ctx.requestId);
      const result = takeVisaStep(c, body.step, body.outcome, { vetting: r.app.vettingState, visaNumber: body.visaNumber, validFrom: body.validFrom, validTo: body.validTo, engagementEndsOn: r.opening.endsOn });
      if (!result.ok) throw new AppError('visa.invalid_step', `This step cannot be taken: ${result.why}`);
      const now = clock.now();
      const today = now.toISOString().slice(0, 10);
      await db.transaction(async (tx) => {
        await tx
          .update(visaCases)
          .set({
            status: result.status,
            currentStep: result.currentStep,
            stepDueOn: result.dueInDays === null ? null : addDays(today, result.dueInDays),
            history: [...c.history, { step: body.step, outcome: body.outcome, at: now.toISOString(), by: ctx.actor.label }],
            ...(result.status === 'issued' ? { visaNumber: body.visaNumber!, validFrom: body.validFrom!, validTo: body.validTo! } : {}),
            updatedAt: now,
          })
          .where(eq(visaCases.id, id));
        await tx.update(applications).set({ updatedAt: now }).where(eq(applications.id, c.applicationId));
        const event = result.status === 'issued' ? 'visa_issued' : result.status === 'refused' ? 'visa_refused' : `visa_step_${body.step}`;
        await apps.addEvent(tx, c.applicationId, event, now);
        if (result.status !== 'open') await apps.notifyApplicant(tx, r.app.applicantId);
        await recordAudit(tx, ctx, { action: 'visa.step', subjectType: 'visa_case', subjectId: id, details: { step: body.step, outcome: body.outcome, status: result.status } }, now);
      });
      void mailer.flush();
      return view(id, ctx.requestId);
    },
  };
}

export type VisaService = ReturnType<typeof createVisaService>;
