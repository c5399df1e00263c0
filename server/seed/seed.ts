/**
 * Seeds the FIFA World Cup Qatar 2022 operation: organisations, the 8 stadiums, the 64 matches and, outside
 * production, one demo account per role. Idempotent: it does nothing when the operation already exists.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '../../common/permissions.ts';
import { systemActor } from '../platform/access.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/client.ts';
import { matches, operations, organisations, userRoles, users, venues } from '../platform/db/schema/index.ts';
import { newId } from '../platform/ids.ts';
import { hashPassword } from '../platform/secrets.ts';
import { createVettingServices, seedVettingDemo } from '../modules/vetting/index.ts';
import { seedWorkforceDemo } from '../modules/workforce/index.ts';
import { STADIUM_NAMES_AR, venueTranslations } from './venue-translations.ts';
import { seedDemoPersonnel } from '../modules/operations/index.ts';
import { seedCrowdPlans } from '../modules/crowd/index.ts';
import matchData from './data/qatar2022-matches.json' with { type: 'json' };
import stadiumData from './data/qatar2022-stadiums.json' with { type: 'json' };

export const QATAR_2022_SLUG = 'fifa-world-cup-qatar-2022';
export const DEMO_PASSWORD = 'tansiq-demo-2022';

type OrgKind = (typeof organisations.$inferInsert)['kind'];
interface SeedOrg {
  key: string;
  name: string;
  nameFr: string;
  nameAr: string;
  shortName: string;
  kind: OrgKind;
  country: string;
}

export const SEED_ORGANISATIONS: SeedOrg[] = [
  { key: 'moi', name: 'Ministry of Interior — Safety and Security Operations Committee', nameFr: "Ministère de l'Intérieur — Comité des opérations de sûreté et de sécurité", nameAr: 'وزارة الداخلية — لجنة عمليات الأمن والسلامة', shortName: 'MOI-SSOC', kind: 'host_agency', country: 'QA' },
  { key: 'dgsn', name: 'General Directorate of National Security (DGSN)', nameFr: 'Direction générale de la sûreté nationale (DGSN)', nameAr: 'المديرية العامة للأمن الوطني', shortName: 'DGSN', kind: 'partner_agency', country: 'MA' },
  { key: 'grm', name: 'Royal Gendarmerie', nameFr: 'Gendarmerie royale', nameAr: 'الدرك الملكي', shortName: 'GR', kind: 'partner_agency', country: 'MA' },
  { key: 'dgst', name: 'General Directorate of Territorial Surveillance (DGST)', nameFr: 'Direction générale de la surveillance du territoire (DGST)', nameAr: 'المديرية العامة لمراقبة التراب الوطني', shortName: 'DGST', kind: 'partner_agency', country: 'MA' },
  { key: 'es', name: 'National Police of Spain', nameFr: 'Police nationale espagnole', nameAr: 'الشرطة الوطنية الإسبانية', shortName: 'CNP', kind: 'partner_agency', country: 'ES' },
  { key: 'fr', name: 'French National Police', nameFr: 'Police nationale française', nameAr: 'الشرطة الوطنية الفرنسية', shortName: 'PN', kind: 'partner_agency', country: 'FR' },
  { key: 'be', name: 'Belgian Federal Police', nameFr: 'Police fédérale belge', nameAr: 'الشرطة الفيدرالية البلجيكية', shortName: 'POLFED', kind: 'partner_agency', country: 'BE' },
  { key: 'sc', name: 'Supreme Committee for Delivery & Legacy', nameFr: "Comité suprême pour l'organisation et l'héritage", nameAr: 'اللجنة العليا للمشاريع والإرث', shortName: 'SC', kind: 'organiser', country: 'QA' },
  { key: 'emp1', name: 'Al Waha Event Services (demo employer)', nameFr: 'Al Waha Event Services (employeur de démonstration)', nameAr: 'الواحة لخدمات الفعاليات (جهة توظيف تجريبية)', shortName: 'Al Waha', kind: 'employer', country: 'QA' },
  { key: 'emp2', name: 'Corniche Hospitality Staffing (demo employer)', nameFr: 'Corniche Hospitality Staffing (employeur de démonstration)', nameAr: 'الكورنيش للتوظيف الفندقي (جهة توظيف تجريبية)', shortName: 'Corniche', kind: 'employer', country: 'QA' },
];

export interface DemoAccount {
  email: string;
  name: string;
  org: string;
  role: Role;
  venue?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'commander@demo.tansiq.org', name: 'Host Commander (demo)', org: 'moi', role: 'commander' },
  { email: 'partner@demo.tansiq.org', name: 'DGSN Contingent Commander (demo)', org: 'dgsn', role: 'partner_commander' },
  { email: 'venue@demo.tansiq.org', name: 'Al Bayt Venue Manager (demo)', org: 'moi', role: 'venue_manager', venue: 'Al Bayt Stadium' },
  { email: 'officer@demo.tansiq.org', name: 'Field Officer (demo)', org: 'dgsn', role: 'officer', venue: 'Al Bayt Stadium' },
  { email: 'analyst@demo.tansiq.org', name: 'Intelligence Analyst (demo)', org: 'dgst', role: 'analyst' },
  { email: 'accreditation@demo.tansiq.org', name: 'Accreditation Officer (demo)', org: 'sc', role: 'accreditation_officer' },
  { email: 'visa@demo.tansiq.org', name: 'Visa Officer (demo)', org: 'moi', role: 'visa_officer' },
  { email: 'employer@demo.tansiq.org', name: 'Employer Recruiter (demo)', org: 'emp1', role: 'employer' },
  { email: 'auditor@demo.tansiq.org', name: 'Auditor (demo)', org: 'moi', role: 'auditor' },
  { email: 'admin@demo.tansiq.org', name: 'Administrator (demo)', org: 'moi', role: 'admin' },
];

/** Assumed risk category (real ones are not public): see data/NOTICE.md. */
function riskCategory(stage: string, number: number): 'standard' | 'elevated' | 'high' {
  if (number === 1 || stage === 'final' || stage === 'semi-final') return 'high';
  return stage.startsWith('group') ? 'standard' : 'elevated';
}

export interface SeedResult {
  operationId: string;
  created: boolean;
  demoAccounts: DemoAccount[];
}

/** Creates the Qatar 2022 operation unless it exists; demo accounts only when `withDemoAccounts`. */
export async function seedQatar2022(db: Db, clock: Clock, options: { withDemoAccounts: boolean }): Promise<SeedResult> {
  const [existing] = await db.select({ id: operations.id }).from(operations).where(eq(operations.slug, QATAR_2022_SLUG));
  if (existing) {
    // Databases seeded before the crowd planner existed get their stadium plans too (idempotent).
    await seedCrowdPlans(db, clock, existing.id);
    // …and those seeded before venue translations existed get the stadiums' texts (untranslated ones only).
    for (const s of stadiumData)
      await db
        .update(venues)
        .set({ translations: venueTranslations(s) })
        .where(and(eq(venues.operationId, existing.id), eq(venues.name, s.name), sql`${venues.translations} = '{}'::jsonb`));
    return { operationId: existing.id, created: false, demoAccounts: [] };
  }
  const passwordHash = options.withDemoAccounts ? await hashPassword(DEMO_PASSWORD) : '';
  const now = clock.now();
  const operationId = newId();
  await db.transaction(async (tx) => {
    await tx.insert(operations).values({ id: operationId, slug: QATAR_2022_SLUG, name: 'FIFA World Cup Qatar 2022', startsOn: '2022-11-20', endsOn: '2022-12-18', createdAt: now });
    const orgIds = new Map<string, string>();
    for (const o of SEED_ORGANISATIONS) {
      const id = newId();
      orgIds.set(o.key, id);
      await tx.insert(organisations).values({ id, operationId, name: o.name, nameFr: o.nameFr, nameAr: o.nameAr, shortName: o.shortName, kind: o.kind, country: o.country, createdAt: now, updatedAt: now });
    }
    const venueIds = new Map<string, string>();
    for (const s of stadiumData) {
      const id = newId();
      venueIds.set(s.name, id);
      await tx.insert(venues).values({
        id,
        operationId,
        name: s.name,
        nameAr: STADIUM_NAMES_AR[s.name] ?? null,
        city: s.city,
        capacity: s.tournamentCapacity,
        lat: s.lat,
        lon: s.lon,
        metroStation: s.nearestMetro.station,
        metroLine: s.nearestMetro.line,
        metroAccess: s.nearestMetro.access,
        metroVerified: s.nearestMetro.verified,
        translations: venueTranslations(s),
        matchesHosted: s.matchesHosted,
        totalAttendance: s.totalAttendance,
        updatedAt: now,
      });
    }
    await tx.insert(matches).values(
      matchData.map((m) => {
        const venueId = venueIds.get(m.stadium);
        if (!venueId) throw new Error(`Seed data: match ${m.match} names an unknown stadium ${m.stadium}`);
        return {
          id: newId(),
          operationId,
          venueId,
          number: m.match,
          stage: m.stage,
          kickoffAt: new Date(m.kickoffUtc),
          home: m.home,
          away: m.away,
          homeCode: m.homeCode,
          awayCode: m.awayCode,
          attendance: m.attendance,
          expectedAttendance: m.attendance,
          riskCategory: riskCategory(m.stage, m.match),
          score: m.score,
          updatedAt: now,
        };
      }),
    );
    if (options.withDemoAccounts) {
      for (const a of DEMO_ACCOUNTS) {
        const id = newId();
        await tx.insert(users).values({ id, organisationId: orgIds.get(a.org)!, email: a.email, name: a.name, passwordHash, createdAt: now, updatedAt: now });
        await tx.insert(userRoles).values({ id: newId(), userId: id, role: a.role, venueId: a.venue ? venueIds.get(a.venue)! : null });
      }
      // Demo personnel to dispatch (one linked to the demo officer, who then sees "my assignments").
      await seedDemoPersonnel(tx, operationId, now);
    }
    await recordAudit(tx, { actor: systemActor('seed'), requestId: null }, {
      action: 'operation.seed',
      subjectType: 'operation',
      subjectId: operationId,
      details: { organisations: SEED_ORGANISATIONS.length, venues: stadiumData.length, matches: matchData.length, demoAccounts: options.withDemoAccounts ? DEMO_ACCOUNTS.length : 0 },
    }, now);
  });
  // A security plan per stadium, sized to its capacity and signed off, so per-match crowd runs work at once.
  await seedCrowdPlans(db, clock, operationId);
  // Vetting demo (a fictional watchlist and screened demo applicants): outside production only, like the demo accounts.
  if (options.withDemoAccounts) await seedVettingDemo(db, clock, operationId);
  // Workforce demo (openings, applicants at every stage, issued badges): outside production only; screened by vetting.
  if (options.withDemoAccounts) await seedWorkforceDemo(db, clock, operationId, createVettingServices({ db, clock, operationId }, { workers: 1 }).screenings);
  return { operationId, created: true, demoAccounts: options.withDemoAccounts ? DEMO_ACCOUNTS : [] };
}

/** The operation this server serves: the seeded one, else the oldest; created empty if there is none. */
export async function resolveOperation(db: Db, clock: Clock): Promise<string> {
  const [op] = await db.select({ id: operations.id }).from(operations).orderBy(operations.createdAt).limit(1);
  if (op) return op.id;
  const id = newId();
  await db.insert(operations).values({ id, slug: 'default', name: 'Operation', startsOn: clock.now().toISOString().slice(0, 10), endsOn: clock.now().toISOString().slice(0, 10), createdAt: clock.now() });
  return id;
}
