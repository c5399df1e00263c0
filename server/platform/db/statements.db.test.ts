/** Statements sent together (one round trip) and their prepared form, on both engines. */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.ts';
import { executeTogether, preparedTogether, rowsOf } from './statements.ts';

describeEachDatabase('statements sent together', (database) => {
  const db = () => database().db;
  beforeAll(async () => {
    await db().execute(sql`create table together_a (id int primary key, label text not null)`);
    await db().execute(sql`create table together_b (a_id int not null, note jsonb not null)`);
  });
  const count = async (table: string) => Number(rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n);

  it('runs every statement once, lets a later one read an earlier one’s RETURNING rows, and returns the last query’s rows', async () => {
    const rows = await executeTogether<{ id: number }>(
      db(),
      { a: sql`insert into together_a values (1, 'one') returning id`, b: sql`insert into together_b select id, '{"x":1}'::jsonb from a` },
      sql`select id from a`,
    );
    expect(rows).toEqual([{ id: 1 }]);
    expect(await count('together_b')).toBe(1);
  });

  it('is all or nothing: a unique violation in one statement leaves no row of the others', async () => {
    await expect(executeTogether(db(), { b: sql`insert into together_b values (2, '{}'::jsonb)`, a: sql`insert into together_a values (1, 'again')` })).rejects.toThrow();
    expect(await count('together_b')).toBe(1);
  });

  describe('prepared', () => {
    const insertBoth = preparedTogether<{ a: { id: number; label: string }; b: { note: Record<string, unknown> } }, { id: number; label: string }>('together_test', (_db, rows) => ({
      statements: { a: sql`insert into together_a values (${rows.a.id}, ${rows.a.label}) returning id, label`, b: sql`insert into together_b select id, ${rows.b.note}::jsonb from a` },
      last: sql`select id, label from a`,
    }));

    it('fills each call’s values into the statement built once', async () => {
      expect(await insertBoth(db(), { a: { id: 10, label: 'ten' }, b: { note: { n: 10 } } })).toEqual([{ id: 10, label: 'ten' }]);
      expect(await insertBoth(db(), { a: { id: 11, label: 'eleven' }, b: { note: { n: 11 } } })).toEqual([{ id: 11, label: 'eleven' }]);
      const notes = rowsOf<{ note: { n: number } }>(await db().execute(sql`select note from together_b where a_id >= 10 order by a_id`));
      expect(notes.map((r) => r.note.n)).toEqual([10, 11]);
    });

    it('refuses rows of another shape than the statement was prepared for', async () => {
      await expect(insertBoth(db(), { a: { id: 12, label: 'x', extra: 1 } as never, b: { note: {} } })).rejects.toThrow(/another shape/);
    });
  });
});
