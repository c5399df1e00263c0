/**
 * Several data-changing statements sent as one. A change and what records it (its timeline entry, audit
 * entry and live event) then cost one trip to the database instead of one each; round trips, not the rows
 * written, are what limit how many changes a second a server takes (docs/benchmarks.md, live operations).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * Runs `statements` (INSERT/UPDATE/DELETE) as data-modifying CTEs of one statement, then `last` as its
 * query: `with s0 as (insert …), s1 as (insert …) select …`. PostgreSQL runs each of them exactly once
 * whether or not anything reads it, all in the caller's transaction. They share one snapshot, so none may
 * depend on another's rows or change the same row.
 */
export async function executeTogether(tx: Db, statements: SQL[], last: SQL = sql`select 1`): Promise<void> {
  if (statements.length === 0) {
    await tx.execute(last);
    return;
  }
  const ctes = sql.join(
    statements.map((s, i) => sql`${sql.raw(`s${i}`)} as (${s})`),
    sql`, `,
  );
  await tx.execute(sql`with ${ctes} ${last}`);
}
