/**
 * API contracts of the workforce portal (openings, applicant accounts, applications), the employer and
 * officer back office (decisions, work visas, accreditations) and badge verification.
 */
import { z } from 'zod';
import { CountryCode, Id, Locale, PageQuery } from './common.ts';
import { NewPassword } from './platform.ts';
import { VettingState } from './vetting.ts';

const IsoDate = z.iso.date();
const Email = z.email().max(254).transform((e) => e.toLowerCase());

/** Text in up to three languages; at least one. */
export const LocalizedText = z
  .strictObject({ en: z.string().trim().min(1).max(4000).optional(), fr: z.string().trim().min(1).max(4000).optional(), ar: z.string().trim().min(1).max(4000).optional() })
  .refine((t) => Boolean(t.en || t.fr || t.ar), { message: 'Give the text in at least one language' });
export type LocalizedText = z.infer<typeof LocalizedText>;
const OptionalText = z.strictObject({ en: z.string().trim().max(4000).optional(), fr: z.string().trim().max(4000).optional(), ar: z.string().trim().max(4000).optional() });

// ---- openings ----
export const OpeningKind = z.enum(['job', 'volunteer']);
export const OpeningStatus = z.enum(['draft', 'published', 'closed']);
export const Opening = z.object({
  id: Id,
  organisationId: Id,
  organisationName: z.string(),
  organisationNameAr: z.string().nullable(),
  organisationNameFr: z.string().nullable(),
  kind: OpeningKind,
  title: OptionalText,
  description: OptionalText,
  requirements: OptionalText,
  venueId: Id.nullable(),
  venueName: z.string().nullable(),
  venueNameAr: z.string().nullable(),
  location: z.string().nullable(),
  places: z.number().int(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  sponsorsVisa: z.boolean(),
  status: OpeningStatus,
  createdAt: z.iso.datetime(),
});
export type Opening = z.infer<typeof Opening>;
export const OpeningQuery = PageQuery.extend({ kind: OpeningKind.optional(), q: z.string().max(100).optional() });
export const ManagedOpeningQuery = OpeningQuery.extend({ status: OpeningStatus.optional() });
const OpeningFields = {
  kind: OpeningKind,
  title: LocalizedText,
  description: LocalizedText,
  requirements: OptionalText.default({}),
  venueId: Id.nullable().default(null),
  location: z.string().trim().max(200).nullable().default(null),
  places: z.number().int().min(1).max(100_000),
  startsOn: IsoDate,
  endsOn: IsoDate,
  sponsorsVisa: z.boolean(),
  status: z.enum(['draft', 'published']).default('published'),
};
export const CreateOpeningBody = z.strictObject(OpeningFields).refine((o) => o.endsOn >= o.startsOn, { message: 'ends before it starts', path: ['endsOn'] });
export const UpdateOpeningBody = z.strictObject({
  title: LocalizedText.optional(),
  description: LocalizedText.optional(),
  requirements: OptionalText.optional(),
  venueId: Id.nullable().optional(),
  location: z.string().trim().max(200).nullable().optional(),
  places: z.number().int().min(1).max(100_000).optional(),
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.optional(),
  sponsorsVisa: z.boolean().optional(),
  status: OpeningStatus.optional(),
});

// ---- applicant accounts ----
export const RegisterBody = z.strictObject({ email: Email, password: NewPassword, locale: Locale });
export const ConfirmEmailBody = z.strictObject({ token: z.string().min(10).max(200) });
export const ApplicantLoginBody = z.strictObject({ email: z.string().min(1).max(254), password: z.string().min(1).max(200) });
export const ApplicantMe = z.object({ id: Id, email: z.string(), locale: Locale, emailConfirmed: z.boolean() });
export type ApplicantMe = z.infer<typeof ApplicantMe>;
export const ApplicantSession = z.object({ applicant: ApplicantMe, csrfToken: z.string() });
export const RegisterResponse = z.object({ id: Id, email: z.string() });

// ---- applications ----
/** Latin letters (accents allowed), spaces, apostrophes and hyphens. */
const LatinName = z.string().trim().min(1).max(100).regex(/^[\p{Script=Latin}][\p{Script=Latin}' .-]*$/u, 'Latin letters only');
/** Arabic letters, spaces and hyphens. */
const ArabicName = z.string().trim().min(1).max(100).regex(/^[\p{Script=Arabic}][\p{Script=Arabic} -]*$/u, 'Arabic letters only');
export const Gender = z.enum(['male', 'female']);
export const LanguageCode = z.string().regex(/^[a-z]{2}$/, 'ISO 639-1 code');

/** The applicant's own fields; in a draft any may be empty. */
export const ApplicationFields = z.strictObject({
  givenNames: LatinName.nullable().optional(),
  familyName: LatinName.nullable().optional(),
  givenNamesAr: ArabicName.nullable().optional(),
  familyNameAr: ArabicName.nullable().optional(),
  birthDate: IsoDate.nullable().optional(),
  gender: Gender.nullable().optional(),
  nationality: CountryCode.nullable().optional(),
  passportNumber: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{5,20}$/, '5 to 20 letters and digits').nullable().optional(),
  passportExpiry: IsoDate.nullable().optional(),
  phone: z.string().trim().regex(/^\+[1-9][0-9 ]{6,19}$/, 'international format, e.g. +212 612 345 678').nullable().optional(),
  languages: z.array(LanguageCode).max(10).optional(),
  consent: z.boolean().optional(),
});
export type ApplicationFields = z.infer<typeof ApplicationFields>;
export const CreateApplicationBody = z.strictObject({ openingId: Id });

export const ApplicationStatus = z.enum(['draft', 'submitted', 'shortlisted', 'accepted', 'declined', 'withdrawn']);
/** What the applicant is told: neutral, never why. */
export const ApplicantStage = z.enum(['draft', 'under_review', 'shortlisted', 'accepted', 'not_selected', 'withdrawn', 'accredited', 'accreditation_suspended', 'accreditation_revoked']);
export type ApplicantStage = z.infer<typeof ApplicantStage>;
export const FileKind = z.enum(['photo', 'passport_scan']);
export const FileInfo = z.object({ contentType: z.string(), size: z.number().int(), width: z.number().int().nullable(), height: z.number().int().nullable(), uploadedAt: z.iso.datetime() });
export const TimelineEntry = z.object({ type: z.string(), at: z.iso.datetime() });

export const VisaStep = z.enum(['sponsorship', 'documents', 'security', 'medical', 'issuance']);
export type VisaStep = z.infer<typeof VisaStep>;
export const VisaSummary = z.object({
  id: Id,
  status: z.enum(['open', 'issued', 'refused']),
  currentStep: VisaStep.nullable(),
  stepDueOn: IsoDate.nullable(),
  visaNumber: z.string().nullable(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
});
export const AccreditationStatus = z.enum(['issued', 'suspended', 'revoked']);
export const AccreditationSummary = z.object({ id: Id, number: z.number().int(), status: AccreditationStatus, validFrom: IsoDate, validTo: IsoDate });

const OpeningBrief = z.object({ id: Id, kind: OpeningKind, title: OptionalText, organisationName: z.string(), sponsorsVisa: z.boolean(), startsOn: IsoDate, endsOn: IsoDate });

/** The person's data an application holds (as stored: every field may still be empty in a draft). */
const ApplicantPerson = z.object({
  givenNames: z.string().nullable(),
  familyName: z.string().nullable(),
  givenNamesAr: z.string().nullable(),
  familyNameAr: z.string().nullable(),
  birthDate: IsoDate.nullable(),
  gender: Gender.nullable(),
  nationality: z.string().nullable(),
  passportNumber: z.string().nullable(),
  passportExpiry: IsoDate.nullable(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
});

/** An application as its applicant sees it. */
export const MyApplication = z.object({
  id: Id,
  opening: OpeningBrief,
  stage: ApplicantStage,
  fields: ApplicantPerson.extend({ consent: z.boolean() }),
  files: z.object({ photo: FileInfo.nullable(), passportScan: FileInfo.nullable() }),
  needsVisa: z.boolean().nullable(),
  visa: VisaSummary.nullable(),
  accreditation: AccreditationSummary.nullable(),
  timeline: z.array(TimelineEntry),
  submittedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type MyApplication = z.infer<typeof MyApplication>;

/** Vetting as an employer sees it: never a hit. */
export const NeutralVetting = z.enum(['in_progress', 'cleared', 'not_cleared']);

/** An application as the back office sees it. */
export const ApplicationView = z.object({
  id: Id,
  opening: OpeningBrief,
  organisationId: Id,
  status: ApplicationStatus,
  /** Full state for accreditation officers; null for employers (who get `vetting`). */
  vettingState: VettingState.nullable(),
  vetting: NeutralVetting.nullable(),
  ...ApplicantPerson.shape,
  hasPhoto: z.boolean(),
  hasPassportScan: z.boolean(),
  needsVisa: z.boolean().nullable(),
  visa: VisaSummary.nullable(),
  accreditation: AccreditationSummary.nullable(),
  submittedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;
export const ApplicationQuery = PageQuery.extend({
  openingId: Id.optional(),
  status: ApplicationStatus.optional(),
  /** Accepted applications that can be accredited now (accreditation officers). */
  ready: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const DecisionBody = z.strictObject({ decision: z.enum(['shortlist', 'accept', 'decline']) });

// ---- work visas ----
export const VisaCase = VisaSummary.extend({
  applicationId: Id,
  applicantName: z.string(),
  nationality: z.string().nullable(),
  openingTitle: OptionalText,
  organisationName: z.string(),
  vettingState: VettingState.nullable(),
  history: z.array(z.object({ step: VisaStep, outcome: z.enum(['done', 'refused']), at: z.iso.datetime(), by: z.string() })),
  createdAt: z.iso.datetime(),
});
export type VisaCase = z.infer<typeof VisaCase>;
export const VisaCaseQuery = PageQuery.extend({ status: z.enum(['open', 'issued', 'refused']).optional() });
export const VisaStepBody = z.strictObject({
  step: VisaStep,
  outcome: z.enum(['done', 'refused']),
  visaNumber: z.string().trim().regex(/^[A-Z0-9-]{4,30}$/).optional(),
  validFrom: IsoDate.optional(),
  validTo: IsoDate.optional(),
});

// ---- accreditations ----
export const RoleCategory = z.enum(['workforce', 'volunteer', 'hospitality', 'security', 'medical', 'transport', 'media']);
export const Accreditation = z.object({
  id: Id,
  number: z.number().int(),
  applicationId: Id,
  holderName: z.string(),
  holderNameAr: z.string().nullable(),
  organisationName: z.string(),
  roleCategory: RoleCategory,
  venues: z.array(z.object({ id: Id, name: z.string(), nameAr: z.string().nullable() })),
  zones: z.array(z.number().int()),
  validFrom: IsoDate,
  validTo: IsoDate,
  status: AccreditationStatus,
  issuedAt: z.iso.datetime(),
  statusChangedAt: z.iso.datetime(),
});
export type Accreditation = z.infer<typeof Accreditation>;
export const AccreditationQuery = PageQuery.extend({ status: AccreditationStatus.optional() });
export const IssueAccreditationBody = z
  .strictObject({
    applicationId: Id,
    roleCategory: RoleCategory,
    venueIds: z.array(Id).min(1).max(8),
    zones: z.array(z.number().int().min(1).max(32)).min(1).max(32),
    validFrom: IsoDate,
    validTo: IsoDate,
  })
  .refine((b) => b.validTo >= b.validFrom, { message: 'ends before it starts', path: ['validTo'] });
export const BadgeCodeResponse = z.object({ code: z.string() });

// ---- badges ----
export const VerifyBody = z.strictObject({ code: z.string().min(1).max(2000) });
export const VerifyReason = z.enum(['valid', 'malformed', 'unknown_key', 'bad_signature', 'revoked', 'suspended', 'expired', 'not_yet_valid']);
export type VerifyReason = z.infer<typeof VerifyReason>;
export const VerifyResult = z.object({
  valid: z.boolean(),
  reason: VerifyReason,
  holder: z.object({ name: z.string(), nameAr: z.string().nullable(), number: z.number().int() }).nullable(),
  venues: z.array(z.object({ id: Id, name: z.string() })),
  zones: z.array(z.number().int()),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;
export const BadgeKey = z.object({ kid: z.string(), publicKey: z.string().describe('raw Ed25519 public key, base64url'), isActive: z.boolean(), createdAt: z.iso.datetime() });
export const BadgeKeys = z.object({ keys: z.array(BadgeKey) });
export const Revocations = z.object({
  generatedAt: z.iso.datetime(),
  items: z.array(z.object({ id: Id, status: z.enum(['suspended', 'revoked']), since: z.iso.datetime() })),
  /** Venue codes of the badge format (first 4 bytes of the venue id, hex) with their names. */
  venues: z.array(z.object({ code: z.string(), id: Id, name: z.string(), nameAr: z.string().nullable() })),
});
export const ScanUpload = z.strictObject({
  scans: z
    .array(
      z.strictObject({
        id: z.string().min(8).max(64),
        code: z.string().min(1).max(2000),
        scannedAt: z.iso.datetime(),
        checkpoint: z.string().trim().max(100).nullable().optional(),
        /** What the checkpoint decided offline; the server verifies again and keeps its own answer. */
        offlineReason: VerifyReason,
      }),
    )
    .min(1)
    .max(500),
});
export const ScanUploadResult = z.object({ stored: z.number().int(), duplicates: z.number().int() });
export const BadgeScan = z.object({ id: Id, accreditationId: Id.nullable(), valid: z.boolean(), reason: z.string(), checkpoint: z.string().nullable(), scannedAt: z.iso.datetime(), uploadedBy: z.string() });
export const BadgeScanQuery = PageQuery.extend({ accreditationId: Id.optional() });

// ---- mailbox (development) ----
export const MailMessage = z.object({ id: Id, to: z.string(), subject: z.string(), body: z.string(), createdAt: z.iso.datetime(), sentAt: z.iso.datetime().nullable() });
export const Mailbox = z.object({ items: z.array(MailMessage) });

// ---- export ----
export const ErasureResult = z.object({ erasedAt: z.iso.datetime(), kept: z.array(z.string()) });
