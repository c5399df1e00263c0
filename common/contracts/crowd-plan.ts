/**
 * Contracts of the crowd-flow planner: a venue's security plan (the document a stadium safety officer
 * reviews and signs), its versions and sign-offs, and the per-match runs made from it. The plan JSON is
 * documented in docs/crowd-plan.md (and as a JSON Schema in docs/crowd-plan.schema.json).
 * Sources of every default are in REFERENCE.md §1 and §4 (Green Guide 6th ed.; SGSA; FIFA guidelines).
 */
import { z } from 'zod';
import { Id } from './common.ts';
import {
  ArrivalSpec,
  CapacityResult,
  DEFAULT_CROWD_SEED,
  LaneRecommendation,
  RouteKind,
  SimulationResult,
} from './crowd-scenario.ts';

export { DEFAULT_CROWD_SEED };

const planId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'letters, digits, "_", "." or "-" (at most 40)');
const label = z.string().trim().min(1).max(120);
const angle = z.number().min(0).max(360).describe('Position on the schematic: degrees clockwise from north');
const share = z.number().min(0).max(1);
const positiveNumber = z.number().positive().finite();

/** The kind of document a plan file holds, and the version of its format. */
export const CROWD_PLAN_FORMAT = 'tansiq.crowd-plan';
export const CROWD_PLAN_FORMAT_VERSION = 1;

/** The two concentric secure perimeters FIFA requires (FIFA Football Stadiums Guidelines). */
export const Perimeters = z.strictObject({
  /** Outer perimeter: security screening and first ticket check. */
  outer: z.strictObject({ description: z.string().max(500) }),
  /** Inner perimeter: final ticket check at the turnstiles. */
  inner: z.strictObject({ description: z.string().max(500) }),
});

/** One gate: screening lanes at the outer perimeter, a walk, then a turnstile bank at the inner perimeter. */
export const PlanGate = z.strictObject({
  id: planId,
  name: label,
  angle,
  screening: z.strictObject({
    lanes: z.number().int().min(1).max(200),
    /** Mean time a lane spends on one fan (walk-through metal detector: 5–7 s, REFERENCE.md §4). */
    serviceSeconds: positiveNumber.max(600),
    /** Spread of the service time (lognormal); 0 = every fan takes exactly the mean. */
    serviceSdSeconds: z.number().min(0).max(600),
    /** Share of fans sent to a secondary search (5–15 %, an assumption to expose). */
    secondaryShare: share,
    /** Extra time of a secondary search (30–60 s). */
    secondarySeconds: z.number().min(0).max(1800),
  }),
  /** Walk from the screening lanes to the turnstiles. */
  walkSeconds: z.number().min(0).max(3600),
  turnstiles: z.strictObject({
    count: z.number().int().min(1).max(200),
    /** Persons per hour per turnstile; default the plan's `parameters.turnstileRatePerHour` (660). */
    ratePerHour: positiveNumber.max(5000).optional(),
  }),
});
export type PlanGate = z.infer<typeof PlanGate>;

/** A stand or block of seats with its Green Guide factors and the gates that serve it. */
export const PlanSection = z.strictObject({
  id: planId,
  name: label,
  angle,
  seats: z.number().int().min(1).max(250_000),
  /** P: physical condition factor, 0–1 (Green Guide). */
  physicalFactor: share,
  /** S: safety-management factor, 0–1 (Green Guide). */
  safetyFactor: share,
  gateIds: z.array(planId).min(1),
});
export type PlanSection = z.infer<typeof PlanSection>;

/** An exit route: clear width, kind (its Green Guide rate) and the sections it serves. */
export const PlanExit = z.strictObject({
  id: planId,
  name: label,
  angle,
  widthMetres: positiveNumber.max(100),
  kind: RouteKind,
  sectionIds: z.array(planId).min(1),
  use: z.enum(['normal-and-emergency', 'emergency-only']).default('normal-and-emergency'),
});
export type PlanExit = z.infer<typeof PlanExit>;

/** Public transport near the venue after the final whistle (the rest of the crowd walks away). */
export const PlanTransit = z.strictObject({
  metro: z
    .strictObject({
      station: z.string().max(120),
      trainsPerHour: positiveNumber.max(120),
      peoplePerTrain: z.number().int().min(1).max(10_000),
      walkMinutes: z.number().min(0).max(120),
      /** Share of the crowd leaving by metro. */
      share,
    })
    .nullable(),
  shuttles: z
    .strictObject({
      count: z.number().int().min(1).max(5_000),
      capacity: z.number().int().min(1).max(500),
      roundTripMinutes: positiveNumber.max(600),
      walkMinutes: z.number().min(0).max(120),
      share,
    })
    .nullable(),
});
export type PlanTransit = z.infer<typeof PlanTransit>;

/** Rates and times of the checks; defaults are the Green Guide's (REFERENCE.md §1). */
export const PlanParameters = z.strictObject({
  turnstileRatePerHour: positiveNumber.max(5000).default(660),
  entryWindowMinutes: positiveNumber.max(600).default(60),
  egressRatePerMetreMinute: z
    .strictObject({ level: positiveNumber.max(500), ramp: positiveNumber.max(500), stair: positiveNumber.max(500) })
    .default({ level: 82, ramp: 82, stair: 66 }),
  normalEgressMinutes: positiveNumber.max(120).default(8),
  /** From the venue's risk assessment: 2.5 to 8 minutes (Green Guide). */
  emergencyEvacuationMinutes: z.number().min(2.5).max(8),
  /** Target 95th-percentile wait at the gates for the lane recommendation. */
  targetP95WaitMinutes: positiveNumber.max(240).default(15),
  /** Spectators per mobile steward (SGSA: about 250), on top of the static posts. */
  spectatorsPerMobileSteward: z.number().int().min(1).max(10_000).default(250),
});
export type PlanParameters = z.infer<typeof PlanParameters>;

/**
 * A figure (or a block of figures) that is an assumption, not a measurement or a published fact.
 * `field` names it as a path in the plan: `gates`, `gates[].screening.lanes`, `transit.metro.peoplePerTrain`…
 */
export const PlanAssumption = z.strictObject({
  field: z.string().min(1).max(200),
  note: z.string().min(1).max(1000),
});
export type PlanAssumption = z.infer<typeof PlanAssumption>;

/** A venue's security plan: the document that is edited, versioned, signed off and exported. */
export const VenuePlan = z
  .strictObject({
    venueName: label,
    perimeters: Perimeters,
    gates: z.array(PlanGate).min(1).max(400),
    sections: z.array(PlanSection).min(1).max(400),
    exits: z.array(PlanExit).min(1).max(800),
    transit: PlanTransit,
    parameters: PlanParameters,
    assumptions: z.array(PlanAssumption).max(500).default([]),
    notes: z.string().max(5000).default(''),
  })
  .superRefine((plan, ctx) => {
    const unique = (items: { id: string }[], key: string) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id "${item.id}"` });
        seen.add(item.id);
      });
    };
    unique(plan.gates, 'gates');
    unique(plan.sections, 'sections');
    unique(plan.exits, 'exits');
    const gateIds = new Set(plan.gates.map((g) => g.id));
    const sectionIds = new Set(plan.sections.map((s) => s.id));
    plan.sections.forEach((s, i) =>
      s.gateIds.forEach((g, j) => {
        if (!gateIds.has(g)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'gateIds', j], message: `unknown gate "${g}"` });
      }),
    );
    const hasNormalExit = new Set<string>();
    plan.exits.forEach((e, i) =>
      e.sectionIds.forEach((s, j) => {
        if (!sectionIds.has(s)) ctx.addIssue({ code: 'custom', path: ['exits', i, 'sectionIds', j], message: `unknown section "${s}"` });
        if (e.use !== 'emergency-only') hasNormalExit.add(s);
      }),
    );
    plan.sections.forEach((s, i) => {
      if (!hasNormalExit.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'id'], message: `section "${s.id}" has no normal exit route` });
    });
    const transitShare = (plan.transit.metro?.share ?? 0) + (plan.transit.shuttles?.share ?? 0);
    if (transitShare > 1.001) ctx.addIssue({ code: 'custom', path: ['transit'], message: 'metro and shuttle shares must not exceed 1' });
  });
export type VenuePlan = z.infer<typeof VenuePlan>;
/** The plan as written (defaults not yet filled in), e.g. a JSON file to import. */
export type VenuePlanInput = z.input<typeof VenuePlan>;

/** A plan file, as exported and imported: the plan with where it came from. */
export const CrowdPlanFile = z.strictObject({
  format: z.literal(CROWD_PLAN_FORMAT),
  formatVersion: z.literal(CROWD_PLAN_FORMAT_VERSION),
  /** Informative only (ignored on import): the version it was exported from. */
  source: z
    .strictObject({
      venueId: z.string().max(100),
      version: z.number().int().min(1),
      status: z.string().max(40),
      exportedAt: z.string().max(40),
    })
    .optional(),
  plan: VenuePlan,
});
export type CrowdPlanFile = z.infer<typeof CrowdPlanFile>;

// ---------------------------------------------------------------------------------------------
// Versions and sign-off

/** Draft → signed by the venue manager → signed by the commander (approved, frozen). */
export const PLAN_STATUSES = ['draft', 'venue_signed', 'approved'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;

const Signature = z.object({ actorId: z.string().nullable(), label: z.string(), at: z.string() }).nullable();

/** A version of a venue's plan without the document (for lists). */
export const PlanVersionSummary = z.object({
  id: Id,
  venueId: Id,
  version: z.number().int(),
  status: PlanStatus,
  /** True when signed (by anyone): a frozen version is never edited; changes make a new version. */
  frozen: z.boolean(),
  basedOnVersion: z.number().int().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  venueSignature: Signature,
  commandSignature: Signature,
  gates: z.number().int(),
  seats: z.number().int(),
});
export type PlanVersionSummary = z.infer<typeof PlanVersionSummary>;

/** A version with its document. */
export const PlanVersion = PlanVersionSummary.extend({ plan: VenuePlan });
export type PlanVersion = z.infer<typeof PlanVersion>;

export const VenueIdParams = z.strictObject({ id: Id });
export const PlanVersionParams = z.strictObject({ id: Id, version: z.coerce.number().int().min(1).max(1_000_000) });

/** Start a new draft from a version (default: the latest). */
export const CreatePlanVersionBody = z.strictObject({ fromVersion: z.number().int().min(1).optional() });
/** Replace a draft's document. */
export const UpdatePlanBody = z.strictObject({ plan: VenuePlan });

export const PlanVersionQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ---------------------------------------------------------------------------------------------
// Runs

export const RUN_KINDS = ['simulation', 'recommendation'] as const;
export const RunKind = z.enum(RUN_KINDS);
export const RunStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type RunStatus = z.infer<typeof RunStatus>;

/** What-if knobs of a run. */
export const RunOptions = z.strictObject({
  /** How fans of a section choose among its gates: fixed equal split, or the shortest screening queue. */
  assignment: z.enum(['split', 'shortest-queue']).default('split'),
  /** Open this many lanes at every gate instead of the plan's. */
  lanesPerGate: z.number().int().min(1).max(200).optional(),
  /** Lanes per gate over time (e.g. a recommendation to test); replaces the plan's count at the gates named. */
  laneSchedules: z
    .array(z.strictObject({ gateId: planId, schedule: z.array(z.strictObject({ fromMinute: z.number().finite(), lanes: z.number().int().min(0).max(200) })).min(1) }))
    .max(400)
    .optional(),
  /** Emergency evacuation time to compare with (default: the plan's). */
  emergencyEvacuationMinutes: z.number().min(2.5).max(8).optional(),
  /** Recommendation: target 95th-percentile wait (default: the plan's, 15 min). */
  targetP95WaitMinutes: positiveNumber.max(240).optional(),
  /** Recommendation: staffing slot length (default 15 min). */
  slotMinutes: z.number().int().min(5).max(120).optional(),
});
export type RunOptions = z.infer<typeof RunOptions>;

/** Start a run for a match: from its venue's approved plan (or a chosen version), its expected attendance, an arrival profile and a seed. */
export const CreateRunBody = z.strictObject({
  kind: RunKind.default('simulation'),
  label: z.string().trim().max(120).optional(),
  planVersion: z.number().int().min(1).optional(),
  attendance: z.number().int().min(1).max(250_000).optional(),
  arrivals: ArrivalSpec.default({ kind: 'profile', name: 'late-surge' }),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(DEFAULT_CROWD_SEED),
  options: RunOptions.default({ assignment: 'split' }),
});
export type CreateRunBody = z.infer<typeof CreateRunBody>;

/** Everything a run needs to be reproduced: stored with it. */
export const RunInputs = z.object({
  kind: RunKind,
  matchId: Id,
  venueId: Id,
  planVersionId: Id,
  planVersion: z.number().int(),
  attendance: z.number().int(),
  seed: z.number().int(),
  arrivals: ArrivalSpec,
  options: RunOptions,
  engineVersion: z.string(),
  /** Resolved settings of a lane recommendation (target, slot, spectators per mobile steward). */
  recommendation: z.object({ targetP95WaitMinutes: z.number(), slotMinutes: z.number(), spectatorsPerMobileSteward: z.number() }),
  /** The full engine scenario built from the plan (crowd-scenario contract). */
  scenario: z.record(z.string(), z.unknown()),
  /** The Green Guide capacity plan built from the plan. */
  capacityPlan: z.record(z.string(), z.unknown()),
});
export type RunInputs = z.infer<typeof RunInputs>;

/** Stewards for a recommendation (SGSA stewarding: static posts + 1 mobile per 250). */
export const RunResult = z.object({
  simulation: SimulationResult.nullable(),
  recommendation: LaneRecommendation.nullable(),
  capacity: CapacityResult,
});
export type RunResult = z.infer<typeof RunResult>;

/** A run without its inputs and results (for lists). */
export const RunSummary = z.object({
  id: Id,
  matchId: Id,
  venueId: Id,
  kind: RunKind,
  label: z.string().nullable(),
  status: RunStatus,
  progress: z.number(),
  planVersion: z.number().int(),
  attendance: z.number().int(),
  seed: z.number().int(),
  reproducedFrom: Id.nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  resultHash: z.string().nullable(),
  headline: z
    .object({
      p95WaitMinutes: z.number().nullable(),
      lastEntryMinute: z.number().nullable(),
      inByKickoffShare: z.number().nullable(),
      normalEgressMinutes: z.number().nullable(),
      peakStewards: z.number().nullable(),
    })
    .nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const Run = RunSummary.extend({ inputs: RunInputs, result: RunResult.nullable() });
export type Run = z.infer<typeof Run>;

export const RunListQuery = PlanVersionQuery;
export const CompareQuery = z.strictObject({ a: Id, b: Id });

/** One figure of two runs side by side. */
export const RunComparison = z.object({
  a: RunSummary,
  b: RunSummary,
  /** Inputs that differ (path → both values). */
  inputChanges: z.array(z.object({ path: z.string(), a: z.unknown(), b: z.unknown() })),
  figures: z.array(z.object({ key: z.string(), a: z.number().nullable(), b: z.number().nullable(), delta: z.number().nullable() })),
  gates: z.array(z.object({ id: z.string(), aP95: z.number().nullable(), bP95: z.number().nullable(), aMaxQueue: z.number().nullable(), bMaxQueue: z.number().nullable() })),
});
export type RunComparison = z.infer<typeof RunComparison>;

/** True when an assumption marker covers this field path (`gates[].screening` covers `gates[].screening.lanes`). */
export function isAssumed(assumptions: ReadonlyArray<{ field: string }>, field: string): boolean {
  return assumptions.some((a) => field === a.field || field.startsWith(`${a.field}.`) || field.startsWith(`${a.field}[`));
}
