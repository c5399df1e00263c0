/**
 * Several data-changing statements sent as one. A change and what records it (its timeline entry, audit
 * entry and live event) then cost one trip to the database instead of one each; round trips, not the rows
 * written, are what limit how many changes a second a server takes (docs/benchmarks.md, live operations).
 */
import { is, SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * Runs `statements` (INSERT/UPDATE/DELETE, named) as data-modifying CTEs of one statement, then `last` as
 * its query, and returns the rows of `last`: `with a as (insert …), b as (insert …) select …`. PostgreSQL
 * runs each of them exactly once whether or not anything reads it. They share one snapshot, so none may
 * change a row another changes; a later one (or `last`) may read an earlier one's RETURNING rows by its name.
 * Outside a transaction the statement is one by itself: all of it happens, or none (e.g. on a unique violation).
 */
export async function executeTogether<T = Record<string, unknown>>(exec: Db, statements: Record<string, SQL>, last: SQL = sql`select 1`): Promise<T[]> {
  return rowsOf<T>(await exec.execute(together(statements, last)));
}

function together(statements: Record<string, SQL>, last: SQL): SQL {
  const names = Object.keys(statements);
  if (names.length === 0) return last;
  const ctes = sql.join(
    names.map((name) => sql`${sql.identifier(name)} as (${statements[name]})`),
    sql`, `,
  );
  return sql`with ${ctes} ${last}`;
}

/** Values of each named statement's row: `{ incident: { id, … }, audit: { … } }`. */
export type StatementRows = Record<string, Record<string, unknown>>;

const dialect = new PgDialect();

/**
 * `executeTogether` for a hot path, prepared. `build` makes the statements from rows once, with a
 * placeholder in place of every value (SQL values stay as they are); each call then only fills in its
 * values, and PostgreSQL plans the statement once per connection. Building the SQL of a few inserts costs
 * more CPU than the database's work on them, so this matters where requests come by the hundred a second.
 * Every call must give rows of the same shape (the same keys, SQL in the same places).
 */
export function preparedTogether<Rows extends StatementRows, T = Record<string, unknown>>(name: string, build: (db: Db, rows: Rows) => { statements: Record<string, SQL>; last: SQL }) {
  const prepared = new WeakMap<Db, { shape: string; execute: (values: Record<string, unknown>) => Promise<unknown> }>();
  return async (db: Db, rows: Rows): Promise<T[]> => {
    const shape = shapeOf(rows);
    let statement = prepared.get(db);
    if (!statement) {
      const placeholders = Object.fromEntries(
        Object.entries(rows).map(([s, row]) => [s, Object.fromEntries(Object.entries(row).map(([k, v]) => [k, isSql(v) ? v : sql.placeholder(`${s}.${k}`)]))]),
      ) as unknown as Rows;
      const { statements, last } = build(db, placeholders);
      const query = db._.session.prepareQuery(dialect.sqlToQuery(together(statements, last)), undefined, name, false);
      statement = { shape, execute: (values) => query.execute(values) };
      prepared.set(db, statement);
    }
    if (shape !== statement.shape) throw new Error(`${name}: rows of another shape than the prepared statement's`);
    const values: Record<string, unknown> = {};
    for (const [s, row] of Object.entries(rows)) for (const [k, v] of Object.entries(row)) if (!isSql(v)) values[`${s}.${k}`] = v;
    return rowsOf<T>(await statement.execute(values));
  };
}

const isSql = (v: unknown): v is SQL => is(v, SQL);

function shapeOf(rows: StatementRows): string {
  return Object.entries(rows)
    .map(([s, row]) => `${s}(${Object.entries(row).map(([k, v]) => (isSql(v) ? `${k}=sql` : k)).join(',')})`)
    .join(';');
}

/** The rows of `execute` (PGlite and node-postgres shape their results differently). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}
