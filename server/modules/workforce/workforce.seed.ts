/**
 * Demo data of the workforce portal, outside production only: openings of the two demo employers and the
 * organiser's volunteer roles (in Arabic, French and English), the demo applicant's account, and invented
 * applicants at every stage (draft, under review, hit under review, shortlisted, accepted with a visa in
 * progress, declined, withdrawn, accredited with a badge, suspended, revoked). Dates are relative to the
 * day of seeding so the demo badges verify. Goes through the services, so it is validated and audited.
 * Idempotent: does nothing when the demo applicant exists.
 */
import { and, eq } from 'drizzle-orm';
import jpeg from 'jpeg-js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Locale } from '../../../common/contracts/common.ts';
import type { Permission } from '../../../common/permissions.ts';
import { loadConfig } from '../../config.ts';
import type { RequestContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/client.ts';
import { organisations, venues } from '../../platform/db/schema/index.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { hashPassword } from '../../platform/secrets.ts';
import { createAccreditationService } from './accreditation.service.ts';
import type { ApplicantActor } from './applicants.service.ts';
import { createApplicationsService, type VettingPort } from './applications.service.ts';
import { createBadgeKeys } from './badge-keys.ts';
import { createMailer } from './mail.ts';
import { createOpeningsService, type OpeningInput } from './openings.service.ts';
import { createVisaService } from './visa.service.ts';
import { addDays } from './workforce.rules.ts';
import { applicantAccounts } from './workforce.schema.ts';

export const DEMO_APPLICANT_EMAIL = 'applicant@demo.tansiq.org';

/** A plain portrait placeholder (head and shoulders on a light background), as a JPEG. */
export function placeholderPhoto(seed = 0): Buffer {
  const width = 300;
  const height = 400;
  const data = Buffer.alloc(width * height * 4);
  const tone = [[224, 190, 160], [198, 150, 112], [141, 98, 66], [236, 205, 180]][seed % 4]!;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const head = ((x - 150) / 70) ** 2 + ((y - 160) / 90) ** 2 <= 1;
      const shoulders = y > 270 && ((x - 150) / 140) ** 2 + ((y - 420) / 150) ** 2 <= 1;
      const c = head ? tone : shoulders ? [40 + seed * 20, 70, 110] : [226, 234, 240];
      data[i] = c[0]!;
      data[i + 1] = c[1]!;
      data[i + 2] = c[2]!;
      data[i + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 85).data);
}

/** A one-page PDF marked SPECIMEN, standing in for a passport scan. */
export async function placeholderScan(name: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([420, 297]);
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  page.drawText('PASSPORT — SPECIMEN (demo data)', { x: 30, y: 250, size: 14, font });
  page.drawText(name.replace(/[^\x20-\x7e]/g, '?'), { x: 30, y: 220, size: 12, font });
  return Buffer.from(await doc.save());
}

const t = (en: string, fr: string, ar: string) => ({ en, fr, ar });

interface DemoPerson {
  email: string;
  locale: Locale;
  givenNames: string;
  familyName: string;
  givenNamesAr?: string;
  familyNameAr?: string;
  birthDate: string;
  gender: 'male' | 'female';
  nationality: string;
  languages: string[];
  opening: number;
  /** How far the application goes. */
  stage: 'draft' | 'submitted' | 'shortlisted' | 'accepted' | 'visa_medical' | 'declined' | 'withdrawn' | 'accredited' | 'suspended' | 'revoked';
}

export async function seedWorkforceDemo(db: Db, clock: Clock, operationId: string, vetting: VettingPort): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: applicantAccounts.id }).from(applicantAccounts).where(and(eq(applicantAccounts.operationId, operationId), eq(applicantAccounts.email, DEMO_APPLICANT_EMAIL)));
  if (existing) return { created: false };
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
  const platform: Platform = { database: undefined as never, db, clock, config, operationId };
  const mailer = createMailer(platform);
  const openings = createOpeningsService(platform);
  const applications = createApplicationsService(platform, { vetting, mailer });
  const visa = createVisaService(platform, { applications, mailer });
  const accreditation = createAccreditationService(platform, { applications, keys: createBadgeKeys(platform), mailer });

  const orgs = await db.select({ id: organisations.id, shortName: organisations.shortName }).from(organisations).where(eq(organisations.operationId, operationId));
  const org = (short: string) => orgs.find((o) => o.shortName === short)!.id;
  const vrows = await db.select({ id: venues.id, name: venues.name }).from(venues).where(eq(venues.operationId, operationId));
  const venue = (name: string) => vrows.find((v) => v.name === name)!.id;
  const staff = (label: string, organisationId: string, permissions: Permission[]): RequestContext => ({
    actor: { kind: 'system', id: null, label, organisationId: organisationId as never, grants: permissions.map((permission) => ({ permission, scope: 'operation' as const, venueIds: [] })) },
    requestId: null,
  });
  const today = clock.now().toISOString().slice(0, 10);
  const start = addDays(today, 14);
  const end = addDays(today, 75);

  const OPENINGS: (OpeningInput & { org: string })[] = [
    {
      org: 'Al Waha', kind: 'job', title: t('Stadium hospitality steward', 'Steward d’accueil en stade', 'مضيف ضيافة في الملعب'),
      description: t('Welcome spectators, guide them to their seats and keep the concourses flowing on match days.', 'Accueillir les spectateurs, les guider jusqu’à leur place et fluidifier les coursives les jours de match.', 'استقبال المشجعين وإرشادهم إلى مقاعدهم والحفاظ على انسيابية الممرات في أيام المباريات.'),
      requirements: t('Customer service experience; English and one of Arabic or French.', 'Expérience du service client ; anglais et arabe ou français.', 'خبرة في خدمة العملاء؛ الإنجليزية والعربية أو الفرنسية.'),
      venueId: venue('Al Bayt Stadium'), location: 'Al Khor', places: 120, startsOn: start, endsOn: end, sponsorsVisa: true, status: 'published',
    },
    {
      org: 'Al Waha', kind: 'job', title: t('Security screening operator', 'Opérateur de contrôle de sûreté', 'مشغّل أجهزة التفتيش الأمني'),
      description: t('Operate walk-through metal detectors and X-ray lanes at the outer perimeter.', 'Utiliser les portiques de détection et les tunnels à rayons X du périmètre extérieur.', 'تشغيل بوابات كشف المعادن وممرات الأشعة السينية عند المحيط الخارجي.'),
      requirements: t('Screening certificate or two years of security work.', 'Certificat de contrôle ou deux ans d’expérience en sécurité.', 'شهادة في التفتيش أو سنتان من العمل الأمني.'),
      venueId: venue('Lusail Stadium'), location: 'Lusail', places: 200, startsOn: start, endsOn: end, sponsorsVisa: true, status: 'published',
    },
    {
      org: 'Corniche', kind: 'job', title: t('Fan zone catering assistant', 'Assistant restauration en fan zone', 'مساعد تموين في منطقة المشجعين'),
      description: t('Prepare and serve food in the Corniche fan festival.', 'Préparer et servir les repas au festival des supporters de la Corniche.', 'تحضير الطعام وتقديمه في مهرجان المشجعين على الكورنيش.'),
      requirements: t('Food hygiene certificate.', 'Certificat d’hygiène alimentaire.', 'شهادة في سلامة الغذاء.'),
      venueId: null, location: 'Doha Corniche', places: 80, startsOn: start, endsOn: end, sponsorsVisa: false, status: 'published',
    },
    {
      org: 'SC', kind: 'volunteer', title: t('Volunteer — spectator services', 'Bénévole — services aux spectateurs', 'متطوع — خدمات الجماهير'),
      description: t('Help fans find their way from the metro to the stadium gates.', 'Aider les supporters à trouver leur chemin du métro aux portes du stade.', 'مساعدة المشجعين في الوصول من المترو إلى بوابات الملعب.'),
      requirements: t('18 or older; available for at least 10 shifts.', '18 ans ou plus ; disponible pour au moins 10 services.', 'العمر 18 عامًا فأكثر؛ التفرغ لعشر نوبات على الأقل.'),
      venueId: venue('Khalifa International Stadium'), location: 'Al Rayyan', places: 500, startsOn: start, endsOn: end, sponsorsVisa: false, status: 'published',
    },
    {
      org: 'SC', kind: 'volunteer', title: t('Volunteer — accreditation centre', 'Bénévole — centre d’accréditation', 'متطوع — مركز الاعتماد'),
      description: t('Print and hand out badges at the main accreditation centre.', 'Imprimer et remettre les badges au centre principal d’accréditation.', 'طباعة البطاقات وتسليمها في مركز الاعتماد الرئيسي.'),
      requirements: t('Careful with personal data; Arabic or English.', 'Rigueur avec les données personnelles ; arabe ou anglais.', 'الحرص على البيانات الشخصية؛ العربية أو الإنجليزية.'),
      venueId: null, location: 'Doha Exhibition and Convention Center', places: 60, startsOn: start, endsOn: end, sponsorsVisa: false, status: 'published',
    },
  ];
  const openingIds: string[] = [];
  for (const { org: short, ...o } of OPENINGS) {
    const created = await openings.create(staff('seed', org(short), ['opening:manage']), o);
    openingIds.push(created.id);
  }

  const PEOPLE: DemoPerson[] = [
    { email: DEMO_APPLICANT_EMAIL, locale: 'fr', givenNames: 'Youssef', familyName: 'Benali', givenNamesAr: 'يوسف', familyNameAr: 'بنعلي', birthDate: '1996-03-14', gender: 'male', nationality: 'MA', languages: ['ar', 'fr', 'en'], opening: 0, stage: 'accredited' },
    { email: 'fatima.elamrani@demo-applicants.tansiq.org', locale: 'ar', givenNames: 'Fatima Zahra', familyName: 'El Amrani', givenNamesAr: 'فاطمة الزهراء', familyNameAr: 'العمراني', birthDate: '1998-07-02', gender: 'female', nationality: 'MA', languages: ['ar', 'fr'], opening: 0, stage: 'visa_medical' },
    { email: 'karim.haddad@demo-applicants.tansiq.org', locale: 'fr', givenNames: 'Karim', familyName: 'Haddad', birthDate: '1991-11-20', gender: 'male', nationality: 'TN', languages: ['ar', 'fr'], opening: 1, stage: 'shortlisted' },
    { email: 'amina.diallo@demo-applicants.tansiq.org', locale: 'fr', givenNames: 'Amina', familyName: 'Diallo', birthDate: '1999-01-09', gender: 'female', nationality: 'SN', languages: ['fr', 'en'], opening: 2, stage: 'submitted' },
    { email: 'omar.alkuwari@demo-applicants.tansiq.org', locale: 'ar', givenNames: 'Omar', familyName: 'Al Kuwari', givenNamesAr: 'عمر', familyNameAr: 'الكواري', birthDate: '2001-05-30', gender: 'male', nationality: 'QA', languages: ['ar', 'en'], opening: 3, stage: 'accredited' },
    { email: 'sara.benjelloun@demo-applicants.tansiq.org', locale: 'en', givenNames: 'Sara', familyName: 'Benjelloun', birthDate: '1995-09-12', gender: 'female', nationality: 'MA', languages: ['fr', 'en'], opening: 2, stage: 'declined' },
    { email: 'mehdi.tazi@demo-applicants.tansiq.org', locale: 'fr', givenNames: 'Mehdi', familyName: 'Tazi', birthDate: '1993-02-17', gender: 'male', nationality: 'MA', languages: ['ar', 'fr'], opening: 1, stage: 'withdrawn' },
    { email: 'abderrahmane.b@demo-applicants.tansiq.org', locale: 'ar', givenNames: 'Abderrahmane', familyName: 'Benkasfoura', givenNamesAr: 'عبد الرحمن', familyNameAr: 'بن قصفورة', birthDate: '1979-04-12', gender: 'male', nationality: 'MA', languages: ['ar'], opening: 1, stage: 'submitted' },
    { email: 'nadia.cherkaoui@demo-applicants.tansiq.org', locale: 'fr', givenNames: 'Nadia', familyName: 'Cherkaoui', givenNamesAr: 'نادية', familyNameAr: 'الشرقاوي', birthDate: '1997-12-01', gender: 'female', nationality: 'MA', languages: ['ar', 'fr'], opening: 3, stage: 'suspended' },
    { email: 'hamza.ouazzani@demo-applicants.tansiq.org', locale: 'en', givenNames: 'Hamza', familyName: 'Ouazzani', birthDate: '1990-08-08', gender: 'male', nationality: 'MA', languages: ['ar', 'en'], opening: 4, stage: 'revoked' },
    { email: 'layla.mansour@demo-applicants.tansiq.org', locale: 'en', givenNames: 'Layla', familyName: 'Mansour', birthDate: '2000-04-04', gender: 'female', nationality: 'JO', languages: ['ar', 'en'], opening: 4, stage: 'draft' },
  ];

  const passwordHash = await hashPassword('tansiq-demo-2022');
  const employer = staff('seed', org('Al Waha'), ['application:review']);
  const visaOfficer = staff('seed', org('MOI-SSOC'), ['visa:manage']);
  const accreditor = staff('seed', org('SC'), ['accreditation:manage', 'application:review']);
  let n = 0;
  for (const p of PEOPLE) {
    const id = newId();
    const now = clock.now();
    await db.insert(applicantAccounts).values({ id, operationId, email: p.email, passwordHash, locale: p.locale, emailConfirmedAt: now, createdAt: now, updatedAt: now });
    const actor: ApplicantActor = { kind: 'applicant', id, label: p.email, organisationId: null, grants: [], sessionId: newId() };
    const me: RequestContext = { actor, requestId: null };
    const draft = await applications.createDraft(me, openingIds[p.opening]!);
    await applications.saveDraft(me, draft.id, {
      givenNames: p.givenNames, familyName: p.familyName, givenNamesAr: p.givenNamesAr ?? null, familyNameAr: p.familyNameAr ?? null,
      birthDate: p.birthDate, gender: p.gender, nationality: p.nationality, passportNumber: `DM${String(482_901 + n * 7919).padStart(7, '0')}`,
      passportExpiry: addDays(today, 900), phone: `+974 5550 ${String(1000 + n).slice(-4)}`, languages: p.languages, consent: true,
    });
    await applications.uploadFile(me, draft.id, 'photo', async () => placeholderPhoto(n));
    await applications.uploadFile(me, draft.id, 'passport_scan', async () => placeholderScan(`${p.givenNames} ${p.familyName}`));
    n++;
    if (p.stage === 'draft') continue;
    await applications.submit(me, draft.id);
    if (p.stage === 'submitted') continue;
    if (p.stage === 'withdrawn') {
      await applications.withdraw(me, draft.id);
      continue;
    }
    const reviewer = p.opening <= 1 ? employer : accreditor;
    if (p.stage === 'declined') {
      await applications.decide(staff('seed', org('Corniche'), ['application:review']), draft.id, 'decline');
      continue;
    }
    await applications.decide(reviewer, draft.id, 'shortlist');
    if (p.stage === 'shortlisted') continue;
    await applications.decide(reviewer, draft.id, 'accept');
    const app = await applications.findFull(draft.id);
    if (app.visa) {
      const steps = p.stage === 'visa_medical' ? (['sponsorship', 'documents', 'security'] as const) : (['sponsorship', 'documents', 'security', 'medical'] as const);
      for (const step of steps) await visa.takeStep(visaOfficer, app.visa.id, { step, outcome: 'done' });
      if (p.stage === 'visa_medical') continue;
      await visa.takeStep(visaOfficer, app.visa.id, { step: 'issuance', outcome: 'done', visaNumber: `QA-WV-${String(70_211 + n)}`, validFrom: addDays(today, -1), validTo: addDays(today, 180) });
    }
    if (p.stage === 'accepted') continue;
    const acc = await accreditation.issue(accreditor, {
      applicationId: draft.id,
      roleCategory: OPENINGS[p.opening]!.kind === 'volunteer' ? 'volunteer' : p.opening === 1 ? 'security' : 'hospitality',
      venueIds: [OPENINGS[p.opening]!.venueId ?? venue('Khalifa International Stadium'), ...(p.opening === 0 ? [venue('Lusail Stadium')] : [])],
      zones: p.opening === 1 ? [1, 2, 3] : [1, 2],
      validFrom: addDays(today, -1),
      validTo: addDays(today, 90),
    });
    if (p.stage === 'suspended') await accreditation.suspend(accreditor, acc.id);
    if (p.stage === 'revoked') await accreditation.revoke(accreditor, acc.id);
  }
  return { created: true };
}
