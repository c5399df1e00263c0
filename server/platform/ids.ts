import { randomUUID } from 'node:crypto';

/** Ids are UUIDs made in the app (never by the database), so a record's id is known before it is written. */
export const newId = (): string => randomUUID();
