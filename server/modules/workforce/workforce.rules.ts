/**
 * Pure rules of the workforce pipeline: what an applicant is told, which employer decisions are allowed,
 * when a submission is complete, the work-visa steps, and when an accreditation may be issued.
 */
import type { ApplicantStage, VisaStep } from '../../../common/contracts/workforce.ts';
import type { VettingState } from '../../../common/contracts/vetting.ts';

export type ApplicationStatus = 'draft' | 'submitted' | 'shortlisted' | 'accepted' | 'declined' | 'withdrawn';
export type AccreditationStatus = 'issued' | 'suspended' | 'revoked';

/** Gulf Cooperation Council nationals work in Qatar without a work visa; everyone else needs one. */
const VISA_FREE = new Set(['QA', 'SA', 'AE', 'KW', 'BH', 'OM']);
export const needsWorkVisa = (nationality: string | null): boolean | null => (nationality ? !VISA_FREE.has(nationality) : null);

/** The applicant's neutral view: a vetting refusal and an employer's decline look the same. */
export function applicantStage(status: ApplicationStatus, vetting: VettingState | null, accreditation: AccreditationStatus | null): ApplicantStage {
  if (status === 'draft') return 'draft';
  if (status === 'withdrawn') return 'withdrawn';
  if (status === 'declined' || vetting === 'refused') return 'not_selected';
  if (accreditation === 'issued') return 'accredited';
  if (accreditation === 'suspended') return 'accreditation_suspended';
  if (accreditation === 'revoked') return 'accreditation_revoked';
  if (status === 'accepted') return 'accepted';
  if (status === 'shortlisted') return 'shortlisted';
  return 'under_review';
}

/** Vetting as employers see it: a hit under review is still "in progress". */
export function neutralVetting(state: VettingState | null): 'in_progress' | 'cleared' | 'not_cleared' {
  if (state === 'cleared') return 'cleared';
  if (state === 'refused') return 'not_cleared';
  return 'in_progress';
}

export type Decision = 'shortlist' | 'accept' | 'decline';
const DECISION_TARGET: Record<Decision, ApplicationStatus> = { shortlist: 'shortlisted', accept: 'accepted', decline: 'declined' };

/**
 * The status an employer decision leads to, or an error: decisions apply to submitted or shortlisted
 * applications, and accepting waits for the security vetting to clear the person.
 */
export function decide(status: ApplicationStatus, decision: Decision, vetting: VettingState | null): { ok: true; status: ApplicationStatus } | { ok: false; why: 'state' | 'vetting' } {
  if (status !== 'submitted' && status !== 'shortlisted') return { ok: false, why: 'state' };
  if (decision === 'shortlist' && status === 'shortlisted') return { ok: false, why: 'state' };
  if (decision === 'accept' && vetting !== 'cleared') return { ok: false, why: 'vetting' };
  return { ok: true, status: DECISION_TARGET[decision] };
}

export interface SubmissionInput {
  givenNames: string | null;
  familyName: string | null;
  birthDate: string | null;
  gender: string | null;
  nationality: string | null;
  passportNumber: string | null;
  passportExpiry: string | null;
  phone: string | null;
  languages: string[];
  consent: boolean;
  hasPhoto: boolean;
  hasPassportScan: boolean;
}

/** Missing or wrong fields of a submission (`path` as the form names them), checked on the given day. */
export function submissionProblems(a: SubmissionInput, today: string, openingEndsOn: string): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const required: (keyof SubmissionInput)[] = ['givenNames', 'familyName', 'birthDate', 'gender', 'nationality', 'passportNumber', 'passportExpiry', 'phone'];
  for (const k of required) if (!a[k]) out.push({ path: k, message: 'required' });
  if (a.languages.length === 0) out.push({ path: 'languages', message: 'required' });
  if (!a.consent) out.push({ path: 'consent', message: 'consent required' });
  if (!a.hasPhoto) out.push({ path: 'photo', message: 'required' });
  if (!a.hasPassportScan) out.push({ path: 'passportScan', message: 'required' });
  if (a.birthDate && yearsBetween(a.birthDate, today) < 18) out.push({ path: 'birthDate', message: 'must be 18 or older' });
  if (a.birthDate && a.birthDate > today) out.push({ path: 'birthDate', message: 'in the future' });
  if (a.passportExpiry && a.passportExpiry <= openingEndsOn) out.push({ path: 'passportExpiry', message: 'must be valid after the end of the engagement' });
  return out;
}

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

// ---- work visas ----

export const VISA_STEP_ORDER: VisaStep[] = ['sponsorship', 'documents', 'security', 'medical', 'issuance'];
/** Days an officer has for each step, from when it opens. */
export const VISA_STEP_DAYS: Record<VisaStep, number> = { sponsorship: 5, documents: 5, security: 10, medical: 7, issuance: 5 };

export interface VisaCaseState {
  status: 'open' | 'issued' | 'refused';
  currentStep: VisaStep | null;
}

export type VisaStepResult =
  | { ok: true; status: 'open' | 'issued' | 'refused'; currentStep: VisaStep | null; dueInDays: number | null }
  | { ok: false; why: string };

/**
 * One step of a visa case. Steps go in order; any step may refuse the visa; security clearance needs the
 * vetting to have cleared the person (and is refused when vetting refused); issuance needs the visa
 * number and a validity that covers the engagement.
 */
export function takeVisaStep(
  c: VisaCaseState,
  step: VisaStep,
  outcome: 'done' | 'refused',
  ctx: { vetting: VettingState | null; visaNumber?: string; validFrom?: string; validTo?: string; engagementEndsOn: string },
): VisaStepResult {
  if (c.status !== 'open') return { ok: false, why: 'the case is already decided' };
  if (c.currentStep !== step) return { ok: false, why: `the case waits for the ${c.currentStep} step` };
  if (outcome === 'refused') return { ok: true, status: 'refused', currentStep: null, dueInDays: null };
  if (step === 'security' && ctx.vetting !== 'cleared') return { ok: false, why: 'security clearance waits for the vetting to clear the person' };
  if (step === 'issuance') {
    if (!ctx.visaNumber || !ctx.validFrom || !ctx.validTo) return { ok: false, why: 'issuing needs the visa number and its validity' };
    if (ctx.validTo < ctx.validFrom) return { ok: false, why: 'the visa validity ends before it starts' };
    if (ctx.validTo < ctx.engagementEndsOn) return { ok: false, why: 'the visa must be valid until the end of the engagement' };
    return { ok: true, status: 'issued', currentStep: null, dueInDays: null };
  }
  const next = VISA_STEP_ORDER[VISA_STEP_ORDER.indexOf(step) + 1]!;
  return { ok: true, status: 'open', currentStep: next, dueInDays: VISA_STEP_DAYS[next] };
}

// ---- accreditations ----

export interface EligibilityInput {
  status: ApplicationStatus;
  vetting: VettingState | null;
  needsVisa: boolean | null;
  visa: { status: 'open' | 'issued' | 'refused'; validFrom: string | null; validTo: string | null } | null;
  hasAccreditation: boolean;
}

/** Why an application cannot be accredited, or null when it can. */
export function accreditationBlocker(a: EligibilityInput): string | null {
  if (a.hasAccreditation) return 'an accreditation was already issued for this application';
  if (a.status !== 'accepted') return 'the application is not accepted';
  if (a.vetting !== 'cleared') return 'the security vetting has not cleared the person';
  if (a.needsVisa && a.visa?.status !== 'issued') return 'the work visa is not issued';
  return null;
}

/** The accreditation's validity must fall inside the visa's, when there is one. */
export function validityProblem(validFrom: string, validTo: string, visa: { validFrom: string | null; validTo: string | null } | null): string | null {
  if (validTo < validFrom) return 'the validity ends before it starts';
  if (visa?.validFrom && validFrom < visa.validFrom) return 'the accreditation starts before the visa';
  if (visa?.validTo && validTo > visa.validTo) return 'the accreditation ends after the visa';
  return null;
}

const ACCREDITATION_MOVES: Record<'suspend' | 'reinstate' | 'revoke', AccreditationStatus[]> = {
  suspend: ['issued'],
  reinstate: ['suspended'],
  revoke: ['issued', 'suspended'],
};
const ACCREDITATION_TARGET = { suspend: 'suspended', reinstate: 'issued', revoke: 'revoked' } as const;

export function moveAccreditation(status: AccreditationStatus, action: 'suspend' | 'reinstate' | 'revoke'): AccreditationStatus | null {
  return ACCREDITATION_MOVES[action].includes(status) ? ACCREDITATION_TARGET[action] : null;
}

export const addDays = (isoDate: string, days: number): string => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
