/**
 * Keyset pagination: a cursor is the sort key of the last item sent, opaque to clients. Lists answer
 * `{ items, nextCursor }` with `nextCursor` null on the last page.
 */
import { AppError } from '../errors.ts';

export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a client's cursor; a cursor this server did not make is a 400, not a 500. */
export function decodeCursor(cursor: string | undefined, arity: number): CursorKey | null {
  if (cursor === undefined) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key;
  } catch {
    // fall through
  }
  throw new AppError('request.invalid_cursor', 'The cursor is not valid; start again without it');
}

/** Given `limit + 1` rows, returns the page and the cursor of the next one. */
export function toPage<R, T>(rows: R[], limit: number, key: (row: R) => CursorKey, view: (row: R) => T): { items: T[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(view), nextCursor: hasMore && last !== undefined ? encodeCursor(key(last)) : null };
}
