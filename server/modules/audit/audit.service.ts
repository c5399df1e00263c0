/** Reading the audit trail (newest first), filtered by actor, action, subject and time. */
import { and, desc, eq, gte, like, lt, or, sql } from 'drizzle-orm';
import type { AuditEntry, AuditHead } from '../../../common/contracts/platform.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { auditHeadView } from '../../platform/audit.ts';
import { auditLog } from '../../platform/db/schema/index.ts';
import { escapeLike } from '../../platform/db/sql.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { Platform } from '../../platform/platform.ts';

const toView = (r: typeof auditLog.$inferSelect): AuditEntry => ({
  seq: Number(r.seq),
  id: r.id,
  at: r.at.toISOString(),
  actorType: r.actorType,
  actorId: r.actorId,
  actorLabel: r.actorLabel,
  action: r.action,
  subjectType: r.subjectType,
  subjectId: r.subjectId,
  outcome: r.outcome,
  requestId: r.requestId,
  details: r.details,
  hash: r.hash,
});

export function createAuditService({ db }: Platform) {
  return {
    /** Lists audit entries, newest first. */
    async list(ctx: RequestContext, q: { actor?: string; action?: string; subjectType?: string; subjectId?: string; from?: string; to?: string; cursor?: string; limit: number }) {
      requirePermission(ctx.actor, 'audit:read');
      const after = decodeCursor(q.cursor, 1);
      const c = [];
      if (q.actor) c.push(or(eq(auditLog.actorId, q.actor), sql`lower(${auditLog.actorLabel}) = ${q.actor.toLowerCase()}`)!);
      if (q.action) c.push(q.action.endsWith('.') ? like(auditLog.action, `${escapeLike(q.action)}%`) : eq(auditLog.action, q.action));
      if (q.subjectType) c.push(eq(auditLog.subjectType, q.subjectType));
      if (q.subjectId) c.push(eq(auditLog.subjectId, q.subjectId));
      if (q.from) c.push(gte(auditLog.at, new Date(q.from)));
      if (q.to) c.push(lt(auditLog.at, new Date(q.to)));
      if (after) c.push(lt(auditLog.seq, Number(after[0])));
      const rows = await db.select().from(auditLog).where(and(...c)).orderBy(desc(auditLog.seq)).limit(q.limit + 1);
      return toPage(rows, q.limit, (r) => [Number(r.seq)], toView);
    },

    /** The last entry of the hash chain, to be kept outside Tansiq as an anchor. */
    async head(ctx: RequestContext): Promise<AuditHead> {
      requirePermission(ctx.actor, 'audit:read');
      return auditHeadView(db);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
