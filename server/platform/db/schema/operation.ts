/** The operation and its structure: organisations, venues, matches. */
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { VenueTranslations } from '../../../../common/contracts/platform.ts';

export const operations = pgTable('operations', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    name: text('name').notNull(),
    nameFr: text('name_fr'),
    nameAr: text('name_ar'),
    shortName: text('short_name').notNull(),
    kind: text('kind', { enum: ['host_agency', 'partner_agency', 'organiser', 'employer'] }).notNull(),
    country: text('country').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('organisations_operation_name_uq').on(t.operationId, t.name)],
);

export const venues = pgTable(
  'venues',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    name: text('name').notNull(),
    nameAr: text('name_ar'),
    city: text('city').notNull(),
    capacity: integer('capacity').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    metroStation: text('metro_station'),
    metroLine: text('metro_line'),
    metroAccess: text('metro_access'),
    metroVerified: boolean('metro_verified').notNull().default(false),
    /** City and metro texts in Arabic and French (the columns above hold English); what is missing shows in English. */
    translations: jsonb('translations').$type<VenueTranslations>().notNull().default({}),
    matchesHosted: integer('matches_hosted').notNull().default(0),
    totalAttendance: integer('total_attendance').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('venues_operation_name_uq').on(t.operationId, t.name)],
);

export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey(),
    operationId: uuid('operation_id').notNull().references(() => operations.id),
    venueId: uuid('venue_id').notNull().references(() => venues.id),
    number: integer('number').notNull(),
    stage: text('stage').notNull(),
    kickoffAt: timestamp('kickoff_at', { withTimezone: true }).notNull(),
    home: text('home').notNull(),
    away: text('away').notNull(),
    homeCode: text('home_code').notNull(),
    awayCode: text('away_code').notNull(),
    attendance: integer('attendance'),
    expectedAttendance: integer('expected_attendance'),
    riskCategory: text('risk_category', { enum: ['low', 'standard', 'elevated', 'high'] }).notNull().default('standard'),
    score: text('score'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('matches_operation_number_uq').on(t.operationId, t.number), index('matches_venue_kickoff_idx').on(t.venueId, t.kickoffAt)],
);
