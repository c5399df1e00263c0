/**
 * Contracts of the vetting (security screening) capability that other capabilities rely on. The workforce
 * portal submits a person for screening and reads back a neutral outcome; it never sees the hits.
 */
import { z } from 'zod';

/** A person submitted for screening before accreditation. */
export const ScreeningSubject = z.object({
  /** What is being vetted, e.g. `application`, and its id: screenings are kept per subject. */
  subjectType: z.string().min(1).max(40),
  subjectId: z.string().min(1).max(100),
  givenNames: z.string().min(1).max(200),
  familyName: z.string().min(1).max(200),
  /** Full name in Arabic script, when the person has one. */
  nameArabic: z.string().max(200).nullable().optional(),
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  dateOfBirth: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable().optional(),
  gender: z.enum(['male', 'female']).nullable().optional(),
  /** ISO 3166-1 alpha-2. */
  nationality: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
});
export type ScreeningSubject = z.infer<typeof ScreeningSubject>;

/**
 * The vetting state of a subject, as other capabilities may see it:
 * `pending` (not screened yet or being screened), `cleared` (no hit, or every hit judged a false
 * positive), `hit_under_review` (hits wait for an officer), `refused` (a confirmed match, four-eyes).
 */
export const VettingState = z.enum(['pending', 'cleared', 'hit_under_review', 'refused']);
export type VettingState = z.infer<typeof VettingState>;

export const VettingOutcome = z.object({
  subjectType: z.string(),
  subjectId: z.string(),
  state: VettingState,
  /** When the state last changed. */
  decidedAt: z.iso.datetime().nullable(),
});
export type VettingOutcome = z.infer<typeof VettingOutcome>;
