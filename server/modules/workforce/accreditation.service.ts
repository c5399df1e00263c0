/**
 * Accreditations and badges: issuing (once accepted, cleared and holding a visa where needed), suspending,
 * reinstating and revoking; the signed badge code and the printable badge; verification (online here, and
 * offline at checkpoints from the keys and the revocation list); checkpoint scans uploaded later.
 */
import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';
import { assembleCode, type CheckReason, checkBadge, decodeCode, encodePayload, holderInitials, venueCode } from '../../../common/badge-code.ts';
import type { Accreditation, VerifyResult } from '../../../common/contracts/workforce.ts';
import { hasPermission, listScope, type RequestContext, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { venues } from '../../platform/db/schema/index.ts';
import { AppError, denied, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { Platform } from '../../platform/platform.ts';
import { type ApplicationsService, holderName, holderNameAr } from './applications.service.ts';
import { renderBadgePdf } from './badge-pdf.ts';
import { type BadgeKeys, signBytes, verifyBytes } from './badge-keys.ts';
import type { Mailer } from './mail.ts';
import { accreditationBlocker, moveAccreditation, needsWorkVisa, validityProblem } from './workforce.rules.ts';
import { accreditations, applicationFiles, applications, badgeScans } from './workforce.schema.ts';

type Row = typeof accreditations.$inferSelect;
type RoleCategory = Accreditation['roleCategory'];

export function createAccreditationService(platform: Platform, deps: { applications: ApplicationsService; keys: BadgeKeys; mailer: Mailer }) {
  const { db, clock, operationId } = platform;
  const { applications: apps, keys, mailer } = deps;

  async function venueMap() {
    const rows = await db.select({ id: venues.id, name: venues.name, nameAr: venues.nameAr }).from(venues).where(eq(venues.operationId, operationId));
    return new Map(rows.map((v) => [v.id, v]));
  }

  async function toView(row: Row, vmap?: Awaited<ReturnType<typeof venueMap>>): Promise<Accreditation> {
    const r = await apps.findFull(row.applicationId);
    const vm = vmap ?? (await venueMap());
    return {
      id: row.id,
      number: row.number,
      applicationId: row.applicationId,
      holderName: holderName(r.app),
      holderNameAr: holderNameAr(r.app),
      organisationName: r.orgName,
      roleCategory: row.roleCategory as RoleCategory,
      venues: row.venueIds.map((id) => ({ id, name: vm.get(id)?.name ?? '?', nameAr: vm.get(id)?.nameAr ?? null })),
      zones: row.zones,
      validFrom: row.validFrom,
      validTo: row.validTo,
      status: row.status,
      issuedAt: row.issuedAt.toISOString(),
      statusChangedAt: row.statusChangedAt.toISOString(),
    };
  }

  async function find(id: string): Promise<Row> {
    const [row] = await db.select().from(accreditations).where(and(eq(accreditations.id, id), eq(accreditations.operationId, operationId)));
    if (!row) throw notFound('Accreditation');
    return row;
  }

  async function codeFor(row: Row): Promise<string> {
    const r = await apps.findFull(row.applicationId);
    const signer = await keys.activeSigner();
    const payload = encodePayload({
      kid: signer.kid,
      accreditationId: row.id,
      number: row.number,
      validFrom: row.validFrom,
      validTo: row.validTo,
      zones: row.zones,
      venueCodes: row.venueIds.map(venueCode),
      initials: holderInitials(r.app.givenNames ?? '', r.app.familyName ?? ''),
    });
    return assembleCode(payload, signBytes(signer.privateKey, payload));
  }

  async function pdfFor(row: Row): Promise<Buffer> {
    if (row.status === 'revoked') throw new AppError('accreditation.invalid_state', 'A revoked accreditation has no badge');
    const r = await apps.findFull(row.applicationId);
    const view = await toView(row);
    const [photo] = await db.select({ bytes: applicationFiles.bytes, contentType: applicationFiles.contentType }).from(applicationFiles).where(and(eq(applicationFiles.applicationId, row.applicationId), eq(applicationFiles.kind, 'photo')));
    return renderBadgePdf({ accreditation: view, nameLatin: holderName(r.app), nameArabic: holderNameAr(r.app), photo: photo ?? null, code: await codeFor(row) });
  }

  async function changeStatus(ctx: RequestContext, id: string, action: 'suspend' | 'reinstate' | 'revoke'): Promise<Accreditation> {
    requirePermission(ctx.actor, 'accreditation:manage');
    const row = await find(id);
    const next = moveAccreditation(row.status, action);
    if (!next) throw new AppError('accreditation.invalid_state', `A ${row.status} accreditation cannot be ${action === 'reinstate' ? 'reinstated' : `${action}ed`}`);
    const now = clock.now();
    const r = await apps.findFull(row.applicationId);
    await db.transaction(async (tx) => {
      await tx.update(accreditations).set({ status: next, statusChangedAt: now, updatedAt: now }).where(eq(accreditations.id, id));
      await tx.update(applications).set({ updatedAt: now }).where(eq(applications.id, row.applicationId));
      await apps.addEvent(tx, row.applicationId, action === 'reinstate' ? 'accreditation_reinstated' : action === 'suspend' ? 'accreditation_suspended' : 'accreditation_revoked', now);
      await apps.notifyApplicant(tx, r.app.applicantId);
      await recordAudit(tx, ctx, { action: `accreditation.${action}`, subjectType: 'accreditation', subjectId: id }, now);
    });
    void mailer.flush();
    return toView(await find(id));
  }

  /** The verdict on a code: signature against the key named in it, then revocation and dates. */
  async function check(code: string): Promise<{ reason: CheckReason; accreditationId: string | null; payload: ReturnType<typeof decodeCode> }> {
    const decoded = decodeCode(code);
    if (!decoded) return { reason: 'malformed', accreditationId: null, payload: null };
    const pub = await keys.publicKeyOf(decoded.payload.kid);
    if (!pub) return { reason: 'unknown_key', accreditationId: decoded.payload.accreditationId, payload: decoded };
    const signatureOk = verifyBytes(pub, decoded.signed, decoded.signature);
    const [row] = signatureOk ? await db.select({ status: accreditations.status }).from(accreditations).where(and(eq(accreditations.id, decoded.payload.accreditationId), eq(accreditations.operationId, operationId))) : [];
    const revoked = new Map<string, 'revoked' | 'suspended'>();
    if (row && row.status !== 'issued') revoked.set(decoded.payload.accreditationId, row.status);
    // A signed code for an accreditation this database does not hold is treated as revoked.
    if (signatureOk && !row) revoked.set(decoded.payload.accreditationId, 'revoked');
    const reason = checkBadge(decoded.payload, signatureOk, revoked, clock.now().toISOString().slice(0, 10));
    return { reason, accreditationId: decoded.payload.accreditationId, payload: decoded };
  }

  return {
    /** Accreditations by number, filtered by status. */
    async list(ctx: RequestContext, q: { status?: Row['status']; cursor?: string; limit: number }) {
      listScope(ctx.actor, 'accreditation:read');
      const after = decodeCursor(q.cursor, 2);
      const conditions = [eq(accreditations.operationId, operationId)];
      if (q.status) conditions.push(eq(accreditations.status, q.status));
      if (after) conditions.push(sql`(${accreditations.number}, ${accreditations.id}) < (${after[0]}::int, ${after[1]}::uuid)`);
      const rows = await db.select().from(accreditations).where(and(...conditions)).orderBy(desc(accreditations.number), desc(accreditations.id)).limit(q.limit + 1);
      const vm = await venueMap();
      const views = await Promise.all(rows.map((r) => toView(r, vm)));
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'accreditation.list', subjectType: 'accreditation', details: { count: Math.min(rows.length, q.limit) } }, clock.now()));
      return toPage(views, q.limit, (v) => [v.number, v.id], (v) => v);
    },

    async get(ctx: RequestContext, id: string): Promise<Accreditation> {
      listScope(ctx.actor, 'accreditation:read');
      const v = await toView(await find(id));
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'accreditation.read', subjectType: 'accreditation', subjectId: id }, clock.now()));
      return v;
    },

    /** Issues an accreditation for an accepted, cleared application (with its visa where one is needed). */
    async issue(ctx: RequestContext, body: { applicationId: string; roleCategory: RoleCategory; venueIds: string[]; zones: number[]; validFrom: string; validTo: string }): Promise<Accreditation> {
      requirePermission(ctx.actor, 'accreditation:manage');
      const r = await apps.syncVetting(await apps.findFull(body.applicationId), ctx.requestId);
      const blocker = accreditationBlocker({ status: r.app.status, vetting: r.app.vettingState, needsVisa: needsWorkVisa(r.app.nationality), visa: r.visa, hasAccreditation: Boolean(r.accreditation) });
      if (blocker) throw new AppError('accreditation.not_eligible', `This application cannot be accredited: ${blocker}`);
      const validity = validityProblem(body.validFrom, body.validTo, needsWorkVisa(r.app.nationality) ? r.visa : null);
      if (validity) throw new AppError('request.invalid', `The validity is wrong: ${validity}`, { errors: [{ path: 'body.validTo', message: validity }] });
      const vm = await venueMap();
      const unknown = body.venueIds.find((v) => !vm.has(v));
      if (unknown) throw new AppError('venue.not_found', 'No such venue', { errors: [{ path: 'body.venueIds', message: 'unknown venue' }] });
      const id = newId();
      const now = clock.now();
      const zones = [...new Set(body.zones)].sort((a, b) => a - b);
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(7301202405)`);
        const [last] = await tx.select({ n: max(accreditations.number) }).from(accreditations).where(eq(accreditations.operationId, operationId));
        const number = Number(last?.n ?? 100_000) + 1;
        await tx.insert(accreditations).values({ id, operationId, applicationId: body.applicationId, number, roleCategory: body.roleCategory, venueIds: [...new Set(body.venueIds)], zones, validFrom: body.validFrom, validTo: body.validTo, status: 'issued', issuedAt: now, statusChangedAt: now, updatedAt: now });
        await tx.update(applications).set({ updatedAt: now }).where(eq(applications.id, body.applicationId));
        await apps.addEvent(tx, body.applicationId, 'accredited', now);
        await apps.notifyApplicant(tx, r.app.applicantId);
        await recordAudit(tx, ctx, { action: 'accreditation.issue', subjectType: 'accreditation', subjectId: id, details: { applicationId: body.applicationId, roleCategory: body.roleCategory, venues: body.venueIds.length, zones } }, now);
      });
      void mailer.flush();
      return toView(await find(id));
    },

    suspend: (ctx: RequestContext, id: string) => changeStatus(ctx, id, 'suspend'),
    reinstate: (ctx: RequestContext, id: string) => changeStatus(ctx, id, 'reinstate'),
    revoke: (ctx: RequestContext, id: string) => changeStatus(ctx, id, 'revoke'),

    /** The signed QR code of a badge. */
    async badgeCode(ctx: RequestContext, id: string): Promise<{ code: string }> {
      listScope(ctx.actor, 'accreditation:read');
      const row = await find(id);
      if (row.status === 'revoked') throw new AppError('accreditation.invalid_state', 'A revoked accreditation has no badge');
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'accreditation.badge_code', subjectType: 'accreditation', subjectId: id }, clock.now()));
      return { code: await codeFor(row) };
    },

    /** The printable badge (PDF). */
    async badgePdf(ctx: RequestContext, id: string): Promise<Buffer> {
      listScope(ctx.actor, 'accreditation:read');
      const row = await find(id);
      const pdf = await pdfFor(row);
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'accreditation.badge_pdf', subjectType: 'accreditation', subjectId: id }, clock.now()));
      return pdf;
    },

    /** The applicant's own badge: their application's accreditation, when issued. */
    async myBadge(ctx: RequestContext, applicationId: string): Promise<{ pdf: Buffer; code: string }> {
      await apps.getMine(ctx, applicationId);
      const [row] = await db.select().from(accreditations).where(eq(accreditations.applicationId, applicationId));
      if (!row || row.status !== 'issued') throw notFound('Badge');
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'accreditation.badge_pdf', subjectType: 'accreditation', subjectId: row.id }, clock.now()));
      return { pdf: await pdfFor(row), code: await codeFor(row) };
    },

    /** Online verification of a scanned code. */
    async verify(ctx: RequestContext, code: string): Promise<VerifyResult> {
      if (!hasPermission(ctx.actor, 'badge:verify')) throw denied();
      const { reason, accreditationId, payload } = await check(code);
      const empty: VerifyResult = { valid: false, reason, holder: null, venues: [], zones: [], validFrom: null, validTo: null };
      let result = empty;
      if (payload && reason !== 'bad_signature' && reason !== 'unknown_key' && accreditationId) {
        const [row] = await db.select().from(accreditations).where(and(eq(accreditations.id, accreditationId), eq(accreditations.operationId, operationId)));
        if (row) {
          const view = await toView(row);
          result = { valid: reason === 'valid', reason, holder: { name: view.holderName, nameAr: view.holderNameAr, number: view.number }, venues: view.venues.map((v) => ({ id: v.id, name: v.name })), zones: view.zones, validFrom: view.validFrom, validTo: view.validTo };
        }
      }
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'badge.verify', subjectType: 'accreditation', subjectId: accreditationId, outcome: result.valid ? 'success' : 'failure', details: { reason } }, clock.now()));
      return result;
    },

    /** Public keys that verify, for checkpoints to cache. */
    async publicKeys(ctx: RequestContext) {
      if (!hasPermission(ctx.actor, 'badge:verify')) throw denied();
      await keys.activeSigner();
      const rows = await keys.verifyingKeys();
      return { keys: rows.map((k) => ({ ...k, createdAt: k.createdAt.toISOString() })) };
    },

    /** Suspended and revoked accreditations and the venue codes, for checkpoints to cache. */
    async revocations(ctx: RequestContext) {
      if (!hasPermission(ctx.actor, 'badge:verify')) throw denied();
      const rows = await db.select({ id: accreditations.id, status: accreditations.status, since: accreditations.statusChangedAt }).from(accreditations).where(and(eq(accreditations.operationId, operationId), inArray(accreditations.status, ['suspended', 'revoked'])));
      const vm = await venueMap();
      return {
        generatedAt: clock.now().toISOString(),
        items: rows.map((r) => ({ id: r.id, status: r.status as 'suspended' | 'revoked', since: r.since.toISOString() })),
        venues: [...vm.values()].map((v) => ({ code: venueCode(v.id), id: v.id, name: v.name, nameAr: v.nameAr })),
      };
    },

    /** Stores scans a checkpoint recorded (offline or not); each is verified again here. Uploading twice stores once. */
    async uploadScans(ctx: RequestContext, scans: { id: string; code: string; scannedAt: string; checkpoint?: string | null; offlineReason: string }[]) {
      if (!hasPermission(ctx.actor, 'badge:verify')) throw denied();
      let stored = 0;
      const now = clock.now();
      for (const s of scans) {
        const { reason, accreditationId } = await check(s.code);
        const [exists] = await db.select({ id: badgeScans.id }).from(badgeScans).where(and(eq(badgeScans.operationId, operationId), eq(badgeScans.clientScanId, s.id)));
        if (exists) continue;
        const [acc] = accreditationId ? await db.select({ id: accreditations.id }).from(accreditations).where(eq(accreditations.id, accreditationId)) : [];
        await db.insert(badgeScans).values({ id: newId(), operationId, clientScanId: s.id, accreditationId: acc?.id ?? null, valid: reason === 'valid', reason: reason === s.offlineReason ? reason : `${reason} (offline: ${s.offlineReason})`, checkpoint: s.checkpoint ?? null, scannedAt: new Date(s.scannedAt), uploadedBy: ctx.actor.label, uploadedAt: now }).onConflictDoNothing();
        stored++;
      }
      await db.transaction((tx) => recordAudit(tx, ctx, { action: 'badge.scans_upload', subjectType: 'badge_scan', details: { received: scans.length, stored } }, now));
      return { stored, duplicates: scans.length - stored };
    },

    /** Scans uploaded by checkpoints, newest first. */
    async listScans(ctx: RequestContext, q: { accreditationId?: string; cursor?: string; limit: number }) {
      listScope(ctx.actor, 'accreditation:read');
      const after = decodeCursor(q.cursor, 2);
      const conditions = [eq(badgeScans.operationId, operationId)];
      if (q.accreditationId) conditions.push(eq(badgeScans.accreditationId, q.accreditationId));
      if (after) conditions.push(sql`(${badgeScans.scannedAt}, ${badgeScans.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
      const rows = await db.select().from(badgeScans).where(and(...conditions)).orderBy(desc(badgeScans.scannedAt), desc(badgeScans.id)).limit(q.limit + 1);
      return toPage(rows, q.limit, (r) => [r.scannedAt.toISOString(), r.id], (r) => ({ id: r.id, accreditationId: r.accreditationId, valid: r.valid, reason: r.reason, checkpoint: r.checkpoint, scannedAt: r.scannedAt.toISOString(), uploadedBy: r.uploadedBy }));
    },

    /** A new signing key; older keys keep verifying. */
    async rotateKey(ctx: RequestContext) {
      requirePermission(ctx.actor, 'accreditation:manage');
      const now = clock.now();
      const kid = await db.transaction(async (tx) => {
        const k = await keys.rotate(tx);
        await recordAudit(tx, ctx, { action: 'badge.key_rotate', subjectType: 'badge_key', subjectId: k.kid }, now);
        return k.kid;
      });
      const rows = await keys.verifyingKeys();
      return { keys: rows.map((k) => ({ ...k, createdAt: k.createdAt.toISOString() })), kid };
    },

    /** Retires a key: the codes it signed stop verifying. */
    async retireKey(ctx: RequestContext, kid: string) {
      requirePermission(ctx.actor, 'accreditation:manage');
      const done = await db.transaction(async (tx) => {
        const ok = await keys.retire(tx, kid);
        if (ok) await recordAudit(tx, ctx, { action: 'badge.key_retire', subjectType: 'badge_key', subjectId: kid }, clock.now());
        return ok;
      });
      if (!done) throw notFound('Key');
      const rows = await keys.verifyingKeys();
      return { keys: rows.map((k) => ({ ...k, createdAt: k.createdAt.toISOString() })) };
    },
  };
}

export type AccreditationService = ReturnType<typeof createAccreditationService>;
