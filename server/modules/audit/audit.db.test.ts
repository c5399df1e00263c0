import { desc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { DEMO, useTestApp } from '../../../test/app.ts';
import { describeEachDatabase } from '../../../test/db.ts';
import { buildUser } from '../../../test/factories.ts';
import { fixedClock } from '../../platform/clock.ts';
import { parseAuditAnchor, verifyAuditChain } from '../../platform/audit.ts';
import { auditLog, users } from '../../platform/db/schema/index.ts';

describeEachDatabase('reading the audit trail', (db) => {
  const clock = fixedClock(new Date('2022-11-20T08:00:00Z'));
  const t = useTestApp(db, { clock });

  it('filters by actor, action prefix, subject and time, newest first, with pages', async () => {
    const auditor = await t().as('auditor');
    const early = await buildUser(t());
    clock.advance(2 * 3_600_000);
    const late = await buildUser(t());
    const q = (s: string) => t().request('GET', `/api/audit?${s}`, { as: auditor }).then((r) => r.json());

    const byAction = await q(`action=user.create&actor=${encodeURIComponent(DEMO.admin)}`);
    expect(byAction.items.map((e: { subjectId: string }) => e.subjectId).slice(0, 2)).toEqual([late.id, early.id]);
    const prefix = await q('action=user.');
    expect(prefix.items.every((e: { action: string }) => e.action.startsWith('user.'))).toBe(true);
    const bySubject = await q(`subjectType=user&subjectId=${early.id}`);
    expect(bySubject.items.map((e: { action: string }) => e.action)).toEqual(['user.create']);
    const window = await q(`action=user.create&from=${encodeURIComponent('2022-11-20T09:00:00Z')}&to=${encodeURIComponent('2022-11-20T11:00:00Z')}`);
    expect(window.items.map((e: { subjectId: string }) => e.subjectId)).toEqual([late.id]);

    const first = await q('limit=2');
    const second = await q(`limit=2&cursor=${first.nextCursor}`);
    expect(second.items[0].seq).toBeLessThan(first.items[1].seq);
  });

  it('gives the head of the hash chain as an anchor, which the chain verifies against', async () => {
    const auditor = await t().as('auditor');
    await buildUser(t());
    const res = await t().request('GET', '/api/audit/head', { as: auditor });
    expect(res.statusCode).toBe(200);
    const { head } = res.json();
    expect(head).toMatchObject({ chainPos: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(head.anchor).toBe(`${head.chainPos}:${head.hash}`);
    const [last] = await t().platform.db.select({ seq: auditLog.seq }).from(auditLog).orderBy(desc(auditLog.chainPos)).limit(1);
    expect(head.seq).toBe(Number(last!.seq));
    const anchor = parseAuditAnchor(head.anchor)!;
    expect(await verifyAuditChain(t().platform.db, { anchors: [anchor] })).toMatchObject({ ok: true });
    expect(await verifyAuditChain(t().platform.db, { anchors: [{ ...anchor, hash: '0'.repeat(64) }] })).toMatchObject({ ok: false, reason: 'anchor_mismatch', brokenPos: head.chainPos });
  });

  it('stores passwords as argon2id hashes only', async () => {
    const { id } = await buildUser(t());
    const [row] = await t().platform.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
    expect(row!.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
