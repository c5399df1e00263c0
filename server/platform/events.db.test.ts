/** The event outbox's retention, on both engines. */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/db.ts';
import { rowsOf } from './db/statements.ts';
import { EventHub, type PlatformEvent, publishEvent, pruneEvents, readEventsSince, sequenceEvents } from './events.ts';

describeEachDatabase('event retention', (database) => {
  it('deletes events older than the retention, keeps the newest position, and goes on numbering after it', async () => {
    const { db } = database();
    const [op] = rowsOf<{ id: string }>(await db.execute(sql`select id from operations limit 1`));
    const operationId = op!.id;
    const day = 86_400_000;
    const now = Date.now();
    for (const [i, ageDays] of [10, 9, 8].entries()) {
      await db.transaction((tx) => publishEvent(tx, { operationId, type: 'test.old', audience: {}, payload: { i } }, new Date(now - ageDays * day)));
    }
    await sequenceEvents(db);
    const before = rowsOf<{ pos: number }>(await db.execute(sql`select max(pos)::int as pos from event_outbox`))[0]!.pos;

    // Everything is older than a week; all but the newest go, so positions cannot start over.
    expect(await pruneEvents(db, new Date(now - 7 * day))).toBeGreaterThanOrEqual(2);
    const left = rowsOf<{ pos: number; type: string }>(await db.execute(sql`select pos::int as pos, type from event_outbox`));
    expect(left).toEqual([{ pos: before, type: 'test.old' }]);

    await db.transaction((tx) => publishEvent(tx, { operationId, type: 'test.new', audience: {}, payload: {} }, new Date()));
    const hub = new EventHub(database());
    const got: PlatformEvent[] = [];
    hub.subscribe((events) => got.push(...events));
    await hub.start();
    await hub.wake();
    expect(got.map((e) => [e.seq, e.type])).toEqual([[before + 1, 'test.new']]);
    const caughtUp = await readEventsSince(db, operationId, 0, 100);
    expect(caughtUp.map((e) => [e.seq, e.type])).toEqual([[before, 'test.old'], [before + 1, 'test.new']]);
    await hub.stop();

    // Now the old one is no longer the newest: it goes; the young one stays.
    expect(await pruneEvents(db, new Date(now - 7 * day))).toBe(1);
    expect((await readEventsSince(db, operationId, 0, 100)).map((e) => e.type)).toEqual(['test.new']);
  });
});
