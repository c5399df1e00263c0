/**
 * Applicant accounts of the public portal: registration with a confirmed email, sign-in and sessions.
 * Applicants are not staff: they have their own table and their own session cookie (`tansiq_applicant`),
 * resolved by the platform's access hook into an `applicant` actor (server/platform/identity.ts).
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../../../common/contracts/common.ts';
import type { ApplicantMe } from '../../../common/contracts/workforce.ts';
import type { Actor, RequestContext } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, denied } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { decoyPasswordHash, hashPassword, randomSecret, sha256, verifyPassword } from '../../platform/secrets.ts';
import type { Mailer } from './mail.ts';
import { applicantAccounts, applicantSessions } from './workforce.schema.ts';

export const APPLICANT_COOKIE = 'tansiq_applicant';
const CONFIRM_TTL_MS = 48 * 3_600_000;
const TOUCH_INTERVAL_MS = 60_000;

export type ApplicantActor = Extract<Actor, { kind: 'applicant' }>;

/** The applicant acting, or 403 for anyone else. */
export function requireApplicant(ctx: RequestContext): ApplicantActor {
  if (ctx.actor.kind !== 'applicant') throw denied('Only applicants signed in to the portal can do this');
  return ctx.actor;
}

/** The applicant behind a portal session cookie (registered with the access hook). */
export async function resolveApplicantSession(db: Db, clock: Clock, secret: string, ttlMs: number): Promise<{ actor: Actor; csrfToken: string } | null> {
  const now = clock.now();
  const [row] = await db
    .select({ session: applicantSessions, email: applicantAccounts.email, erasedAt: applicantAccounts.erasedAt })
    .from(applicantSessions)
    .innerJoin(applicantAccounts, eq(applicantAccounts.id, applicantSessions.applicantId))
    .where(and(eq(applicantSessions.tokenHash, sha256(secret)), isNull(applicantSessions.revokedAt), gt(applicantSessions.expiresAt, now)))
    .limit(1);
  if (!row || row.erasedAt || !row.email) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(applicantSessions).set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) }).where(eq(applicantSessions.id, row.session.id));
  }
  const actor: ApplicantActor = { kind: 'applicant', id: row.session.applicantId, label: row.email, organisationId: null, grants: [], sessionId: row.session.id };
  return { actor, csrfToken: row.session.csrfToken };
}

export function createApplicantsService(platform: Platform, mailer: Mailer) {
  const { db, clock, config, operationId } = platform;
  const confirmLink = (secret: string) => `${config.publicUrl}/portal/confirm?token=${encodeURIComponent(secret)}`;

  const findByEmail = async (email: string) => {
    const [row] = await db
      .select()
      .from(applicantAccounts)
      .where(and(eq(applicantAccounts.operationId, operationId), sql`lower(${applicantAccounts.email}) = ${email.trim().toLowerCase()}`))
      .limit(1);
    return row ?? null;
  };

  async function sendConfirmation(tx: Db, id: string, email: string, locale: Locale): Promise<void> {
    const secret = randomSecret();
    const now = clock.now();
    await tx.update(applicantAccounts).set({ confirmTokenHash: sha256(secret), confirmExpiresAt: new Date(now.getTime() + CONFIRM_TTL_MS), updatedAt: now }).where(eq(applicantAccounts.id, id));
    await mailer.enqueue(tx, email, 'confirm', locale, { link: confirmLink(secret) });
  }

  const toMe = (row: typeof applicantAccounts.$inferSelect): ApplicantMe => ({ id: row.id, email: row.email ?? '', locale: row.locale, emailConfirmed: row.emailConfirmedAt !== null });

  return {
    /** Creates an account and sends the confirmation link; an email already in use is refused. */
    async register(requestId: string, body: { email: string; password: string; locale: Locale }): Promise<{ id: string; email: string }> {
      if (await findByEmail(body.email)) {
        throw new AppError('applicant.email_taken', 'An account already uses this email', { errors: [{ path: 'body.email', message: 'already in use' }] });
      }
      const passwordHash = await hashPassword(body.password);
      const id = newId();
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx.insert(applicantAccounts).values({ id, operationId, email: body.email, passwordHash, locale: body.locale, createdAt: now, updatedAt: now });
        await sendConfirmation(tx, id, body.email, body.locale);
        await recordAudit(tx, { actor: null, requestId, claimedLabel: body.email }, { action: 'applicant.register', subjectType: 'applicant', subjectId: id }, now);
      });
      void mailer.flush();
      return { id, email: body.email };
    },

    /** Confirms the email from the link's secret (once, within 48 hours). */
    async confirmEmail(requestId: string, token: string): Promise<void> {
      const now = clock.now();
      const [row] = await db.select().from(applicantAccounts).where(eq(applicantAccounts.confirmTokenHash, sha256(token))).limit(1);
      if (!row || !row.confirmExpiresAt || row.confirmExpiresAt <= now) throw new AppError('applicant.invalid_token', 'This confirmation link is unknown, already used or expired');
      await db.transaction(async (tx) => {
        await tx.update(applicantAccounts).set({ emailConfirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null, updatedAt: now }).where(eq(applicantAccounts.id, row.id));
        await recordAudit(tx, { actor: null, requestId, claimedLabel: row.email ?? undefined }, { action: 'applicant.confirm_email', subjectType: 'applicant', subjectId: row.id }, now);
      });
    },

    /** Signs in; an unconfirmed email gets a new link and a 403 that says so. */
    async login(requestId: string, email: string, password: string) {
      const row = await findByEmail(email);
      const ok = await verifyPassword(row?.passwordHash ?? (await decoyPasswordHash()), password);
      const now = clock.now();
      if (!row || !ok || row.erasedAt) {
        await db.transaction((tx) => recordAudit(tx, { actor: null, requestId, claimedLabel: email }, { action: 'applicant.login', outcome: 'failure', subjectType: row ? 'applicant' : null, subjectId: row?.id ?? null }, now));
        throw new AppError('auth.invalid_credentials', 'Wrong email or password');
      }
      if (!row.emailConfirmedAt) {
        await db.transaction(async (tx) => {
          await sendConfirmation(tx, row.id, row.email!, row.locale);
          await recordAudit(tx, { actor: null, requestId, claimedLabel: email }, { action: 'applicant.login', outcome: 'denied', subjectType: 'applicant', subjectId: row.id, details: { reason: 'email_not_confirmed' } }, now);
        });
        void mailer.flush();
        throw new AppError('applicant.email_not_confirmed', 'Confirm your email first: we sent you a new link');
      }
      const secret = randomSecret();
      const csrfToken = randomSecret();
      const sessionId = newId();
      const expiresAt = new Date(now.getTime() + config.sessionTtlMs);
      await db.transaction(async (tx) => {
        await tx.insert(applicantSessions).values({ id: sessionId, tokenHash: sha256(secret), csrfToken, applicantId: row.id, createdAt: now, lastSeenAt: now, expiresAt });
        const actor: ApplicantActor = { kind: 'applicant', id: row.id, label: row.email!, organisationId: null, grants: [], sessionId };
        await recordAudit(tx, { actor, requestId }, { action: 'applicant.login', subjectType: 'applicant', subjectId: row.id }, now);
      });
      return { secret, expiresAt, csrfToken, applicant: toMe(row) };
    },

    /** Ends the portal session. */
    async logout(ctx: RequestContext): Promise<void> {
      const actor = requireApplicant(ctx);
      await db.transaction(async (tx) => {
        await tx.update(applicantSessions).set({ revokedAt: clock.now() }).where(eq(applicantSessions.id, actor.sessionId));
        await recordAudit(tx, ctx, { action: 'applicant.logout', subjectType: 'applicant', subjectId: actor.id }, clock.now());
      });
    },

    /** The signed-in applicant's account. */
    async me(ctx: RequestContext): Promise<ApplicantMe> {
      const actor = requireApplicant(ctx);
      const [row] = await db.select().from(applicantAccounts).where(eq(applicantAccounts.id, actor.id));
      if (!row) throw new AppError('auth.unauthenticated', 'Sign in first');
      return toMe(row);
    },

    /** Changes the language of the applicant's messages. */
    async setLocale(ctx: RequestContext, locale: Locale): Promise<ApplicantMe> {
      const actor = requireApplicant(ctx);
      await db.transaction(async (tx) => {
        await tx.update(applicantAccounts).set({ locale, updatedAt: clock.now() }).where(eq(applicantAccounts.id, actor.id));
        await recordAudit(tx, ctx, { action: 'applicant.update_self', subjectType: 'applicant', subjectId: actor.id, details: { fields: ['locale'] } }, clock.now());
      });
      return this.me(ctx);
    },
  };
}

export type ApplicantsService = ReturnType<typeof createApplicantsService>;
