/**
 * Several data-changing statements sent as one. A change and what records it (its timeline entry, audit
 * entry and live event) then cost one trip to the database instead of one each; round trips, not the rows
 * written, are what limit how many changes a second a server takes (docs/benchmarks.md, live operations).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * Runs `statements` (INSERT/UPDATE/DELETE, named) as data-modifying CTEs of one statement, then `last` as
 * its query, and returns the rows of `last`: `with a as (insert …), b as (insert …) select …`. PostgreSQL
 * runs each of them exactly once whether or not anything reads it. They share one snapshot, so none may
 * change a row another changes; a later one (or `last`) may read an earlier one's RETURNING rows by its name.
 * Outside a transaction the statement is one by itself: all of it happens, or none (e.g. on a unique violation).
 */
export async function executeTogether<T = Record<string, unknown>>(exec: Db, statements: Record<string, SQL>, last: SQL = sql`select 1`): Promise<T[]> {
  const names = Object.keys(statements);
  if (names.length === 0) return rowsOf<T>(await exec.execute(last));
  const ctes = sql.join(
    names.map((name) => sql`${sql.identifier(name)} as (${statements[name]})`),
    sql`, `,
  );
  return rowsOf<T>(await exec.execute(sql`with ${ctes} ${last}`));
}

/** The rows of `execute` (PGlite and node-postgres shape their results differently). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}
