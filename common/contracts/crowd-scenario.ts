/**
 * Contracts of the crowd-flow engine: the ingress/egress scenario, the Green Guide capacity plan, and
 * the results they produce. One set of zod schemas serves the CLI, the HTTP API and its OpenAPI.
 * Times are minutes relative to kickoff (negative = before kickoff) unless a name says otherwise.
 */
import { z } from 'zod';

/** Seed used when neither the scenario nor the caller gives one (the opening match of Qatar 2022, 20 Nov 2022). */
export const DEFAULT_CROWD_SEED = 20221120;

/** Named arrival profiles shipped with the engine; their curves are assumptions (REFERENCE.md §4). */
export const ARRIVAL_PROFILE_NAMES = ['late-surge', 'steady', 'early-bird'] as const;

/** Name of a shipped arrival profile. */
export type ArrivalProfileName = (typeof ARRIVAL_PROFILE_NAMES)[number];

const minute = z.number().finite();
const share = z.number().min(0).max(1);
const id = z.string().min(1).max(100);
const count = z.number().int().min(0);
const SHARE_TOLERANCE = 1e-3;

/** Checks that `from` comes before `to` in an arrival window. */
function windowIsOrdered(v: { from: number; to: number }, ctx: z.RefinementCtx): void {
  if (!(v.to > v.from)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be later than "from"' });
}

/** Fans arrive independently and uniformly over [from, to). */
export const UniformArrivals = z
  .strictObject({ kind: z.literal('uniform'), from: minute, to: minute })
  .superRefine(windowIsOrdered);

/** Fans arrive at exactly even intervals over [from, to): deterministic, for plans and hand checks. */
export const RegularArrivals = z
  .strictObject({ kind: z.literal('regular'), from: minute, to: minute })
  .superRefine(windowIsOrdered);

/**
 * Fans arrive as a Poisson process of `ratePerMinute` starting at `from` until all N have arrived
 * (rate-driven); `to` is the planned end, and a warning is given if the N-th arrival falls after it.
 */
export const PoissonArrivals = z
  .strictObject({ kind: z.literal('poisson'), ratePerMinute: z.number().positive().finite(), from: minute, to: minute })
  .superRefine(windowIsOrdered);

/** Cumulative share of fans arrived by each minute (piecewise linear), given as points or a shipped profile name. */
export const ProfileArrivals = z
  .strictObject({
    kind: z.literal('profile'),
    points: z.array(z.tuple([minute, share])).min(2).optional(),
    name: z.enum(ARRIVAL_PROFILE_NAMES).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.points === undefined) === (v.name === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'give exactly one of "points" or "name"' });
      return;
    }
    const points = v.points;
    if (!points) return;
    for (let i = 1; i < points.length; i++) {
      const [m, s] = points[i] as [number, number];
      const [pm, ps] = points[i - 1] as [number, number];
      if (!(m > pm)) ctx.addIssue({ code: 'custom', path: ['points', i, 0], message: 'minutes must increase' });
      if (s < ps) ctx.addIssue({ code: 'custom', path: ['points', i, 1], message: 'cumulative share must not decrease' });
    }
    if ((points[0] as [number, number])[1] !== 0)
      ctx.addIssue({ code: 'custom', path: ['points', 0, 1], message: 'first cumulative share must be 0' });
    if ((points[points.length - 1] as [number, number])[1] !== 1)
      ctx.addIssue({ code: 'custom', path: ['points', points.length - 1, 1], message: 'last cumulative share must be 1' });
  });

/** How fans arrive at the outer perimeter. */
export const ArrivalSpec = z.discriminatedUnion('kind', [UniformArrivals, RegularArrivals, PoissonArrivals, ProfileArrivals]);
/** How fans arrive at the outer perimeter. */
export type ArrivalSpec = z.infer<typeof ArrivalSpec>;

/** Time a screening lane spends on one fan. */
export const ServiceSpec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), seconds: z.number().positive().finite() }),
  z.strictObject({ kind: z.literal('exponential'), meanSeconds: z.number().positive().finite() }),
  z.strictObject({
    kind: z.literal('lognormal'),
    meanSeconds: z.number().positive().finite(),
    sdSeconds: z.number().positive().finite(),
  }),
]);
/** Time a screening lane spends on one fan. */
export type ServiceSpec = z.infer<typeof ServiceSpec>;

/** Share of fans sent to a secondary search and its duration; by default done beside the lane (not blocking it). */
export const SecondarySearch = z.strictObject({
  rate: share,
  seconds: z.number().min(0).finite(),
  blocksLane: z.boolean().optional(),
});

/** Checks that a staffing schedule's minutes strictly increase and that the last count is at least 1. */
function scheduleIsUsable(field: 'lanes' | 'count') {
  return (v: { [k: string]: unknown }, ctx: z.RefinementCtx): void => {
    const schedule = v.schedule as Array<{ fromMinute: number } & Record<string, number>> | undefined;
    const base = v[field] as number;
    if (!schedule || schedule.length === 0) {
      if (base < 1) ctx.addIssue({ code: 'custom', path: [field], message: 'must be at least 1 (or give a schedule that ends open)' });
      return;
    }
    for (let i = 1; i < schedule.length; i++) {
      if (!((schedule[i]?.fromMinute ?? 0) > (schedule[i - 1]?.fromMinute ?? 0)))
        ctx.addIssue({ code: 'custom', path: ['schedule', i, 'fromMinute'], message: 'must be later than the previous entry' });
    }
    const last = schedule[schedule.length - 1];
    if (last && (last[field] ?? 0) < 1)
      ctx.addIssue({ code: 'custom', path: ['schedule', schedule.length - 1, field], message: 'the last entry must open at least 1' });
  };
}

/** Security screening at the outer perimeter: a single FIFO queue served by `lanes` lanes. */
export const ScreeningSpec = z
  .strictObject({
    lanes: count,
    service: ServiceSpec,
    secondary: SecondarySearch.optional(),
    /** Lanes open from each minute on (overrides `lanes` from then). */
    schedule: z.array(z.strictObject({ fromMinute: minute, lanes: count })).optional(),
  })
  .superRefine(scheduleIsUsable('lanes'));

/** Turnstiles (final ticket check at the inner perimeter): one FIFO queue, `count` turnstiles, fixed rate each. */
export const TurnstileSpec = z
  .strictObject({
    count,
    /** Persons per hour per turnstile; Green Guide maximum 660. */
    ratePerHour: z.number().positive().finite().optional(),
    schedule: z.array(z.strictObject({ fromMinute: minute, count })).optional(),
  })
  .superRefine(scheduleIsUsable('count'));

/** One gate: screening, a walk, then turnstiles. */
export const GateSpec = z.strictObject({
  id,
  share: share.optional(),
  screening: ScreeningSpec,
  walkSeconds: z.number().min(0).finite().optional(),
  turnstiles: TurnstileSpec,
});
/** One gate: screening, a walk, then turnstiles. */
export type GateSpec = z.infer<typeof GateSpec>;

/** A seating section whose fans use the listed gates, split by weights or choosing the shortest screening queue. */
export const SectionAssignment = z.strictObject({
  id,
  share,
  gates: z.array(id).min(1),
  choice: z.enum(['split', 'shortest-queue']).optional(),
  /** Weights of `gates` for choice "split" (default equal). */
  split: z.array(z.number().min(0)).optional(),
});

/** Kinds of exit route, each with its own Green Guide flow rate. */
export const RouteKind = z.enum(['level', 'ramp', 'stair']);

/** Flow rates per metre of width per minute, by route kind. */
export const RouteRates = z.strictObject({
  level: z.number().positive().finite().optional(),
  ramp: z.number().positive().finite().optional(),
  stair: z.number().positive().finite().optional(),
});

/** Exit routes after the match and the targets they are compared with. */
export const EgressSpec = z
  .strictObject({
    routes: z
      .array(z.strictObject({ id, widthMetres: z.number().positive().finite(), kind: RouteKind, share }))
      .min(1),
    ratePerMetreMinute: RouteRates.optional(),
    /** Normal egress target (Green Guide: at most 8 minutes). */
    targetMinutes: z.number().positive().finite().optional(),
    /** Emergency evacuation time from the risk assessment (Green Guide: 2.5 to 8 minutes). */
    emergencyEvacuationMinutes: z.number().min(2.5).max(8).optional(),
  })
  .superRefine((v, ctx) => {
    const sum = v.routes.reduce((s, r) => s + r.share, 0);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE)
      ctx.addIssue({ code: 'custom', path: ['routes'], message: `route shares must sum to 1 (got ${round6(sum)})` });
    duplicateIds(v.routes, ['routes'], ctx);
  });
/** Exit routes after the match and the targets they are compared with. */
export type EgressSpec = z.infer<typeof EgressSpec>;

/** Public transport after the final whistle: metro trains and shuttle buses (the rest leave on foot). */
export const TransitSpec = z
  .strictObject({
    metro: z
      .strictObject({
        trainsPerHour: z.number().positive().finite(),
        peoplePerTrain: z.number().int().positive(),
        share,
        walkMinutes: z.number().min(0).finite().optional(),
        firstDepartureMinute: z.number().min(0).finite().optional(),
      })
      .optional(),
    buses: z
      .strictObject({
        count: z.number().int().positive(),
        capacity: z.number().int().positive(),
        roundTripMinutes: z.number().positive().finite(),
        share,
        walkMinutes: z.number().min(0).finite().optional(),
        firstDepartureMinute: z.number().min(0).finite().optional(),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.metro?.share ?? 0) + (v.buses?.share ?? 0) > 1 + SHARE_TOLERANCE)
      ctx.addIssue({ code: 'custom', path: [], message: 'metro and bus shares must not exceed 1' });
  });
/** Public transport after the final whistle. */
export type TransitSpec = z.infer<typeof TransitSpec>;

/** A match-day ingress/egress scenario. */
export const CrowdScenario = z
  .looseObject({
    name: z.string().optional(),
    attendance: z.number().int().min(1).max(10_000_000),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    arrivals: ArrivalSpec,
    gates: z.array(GateSpec).min(1),
    sections: z.array(SectionAssignment).min(1).optional(),
    egress: EgressSpec.optional(),
    transit: TransitSpec.optional(),
  })
  .superRefine((v, ctx) => {
    duplicateIds(v.gates, ['gates'], ctx);
    if (!v.sections) {
      v.gates.forEach((g, i) => {
        if (g.share === undefined) ctx.addIssue({ code: 'custom', path: ['gates', i, 'share'], message: 'required when no sections are given' });
      });
      const sum = v.gates.reduce((s, g) => s + (g.share ?? 0), 0);
      if (v.gates.every((g) => g.share !== undefined) && Math.abs(sum - 1) > SHARE_TOLERANCE)
        ctx.addIssue({ code: 'custom', path: ['gates'], message: `gate shares must sum to 1 (got ${round6(sum)})` });
      return;
    }
    duplicateIds(v.sections, ['sections'], ctx);
    const known = new Set(v.gates.map((g) => g.id));
    const sum = v.sections.reduce((s, x) => s + x.share, 0);
    if (Math.abs(sum - 1) > SHARE_TOLERANCE)
      ctx.addIssue({ code: 'custom', path: ['sections'], message: `section shares must sum to 1 (got ${round6(sum)})` });
    v.sections.forEach((s, i) => {
      s.gates.forEach((g, j) => {
        if (!known.has(g)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'gates', j], message: `unknown gate "${g}"` });
      });
      if (s.split && s.split.length !== s.gates.length)
        ctx.addIssue({ code: 'custom', path: ['sections', i, 'split'], message: 'needs one weight per gate' });
      if (s.split && !(s.split.reduce((a, b) => a + b, 0) > 0))
        ctx.addIssue({ code: 'custom', path: ['sections', i, 'split'], message: 'weights must not all be 0' });
    });
  });
/** A match-day ingress/egress scenario. */
export type CrowdScenario = z.infer<typeof CrowdScenario>;

/** A stand or block of seats with its Green Guide P (physical) and S (safety management) factors. */
export const CapacitySection = z.strictObject({
  id,
  seats: z.number().int().positive(),
  physicalFactor: share,
  safetyFactor: share,
});

/** The capacity plan of a venue, checked with the Green Guide method. */
export const CapacityPlan = z
  .looseObject({
    venue: z.string().optional(),
    sections: z.array(CapacitySection).min(1),
    gates: z
      .array(
        z.strictObject({
          id,
          turnstiles: count,
          ratePerHour: z.number().positive().finite().optional(),
          sections: z.array(id).min(1),
        }),
      )
      .min(1),
    exits: z
      .array(
        z.strictObject({
          id,
          widthMetres: z.number().positive().finite(),
          kind: RouteKind,
          sections: z.array(id).min(1),
          use: z.enum(['normal-and-emergency', 'emergency-only']).optional(),
        }),
      )
      .min(1),
    /** Emergency evacuation time from the risk assessment, 2.5 to 8 minutes. */
    emergencyEvacuationMinutes: z.number().min(2.5).max(8),
    turnstileRatePerHour: z.number().positive().finite().optional(),
    entryWindowMinutes: z.number().positive().finite().optional(),
    normalEgressMinutes: z.number().positive().finite().optional(),
    ratePerMetreMinute: RouteRates.optional(),
  })
  .superRefine((v, ctx) => {
    duplicateIds(v.sections, ['sections'], ctx);
    duplicateIds(v.gates, ['gates'], ctx);
    duplicateIds(v.exits, ['exits'], ctx);
    const known = new Set(v.sections.map((s) => s.id));
    for (const key of ['gates', 'exits'] as const) {
      v[key].forEach((item, i) => {
        item.sections.forEach((s, j) => {
          if (!known.has(s)) ctx.addIssue({ code: 'custom', path: [key, i, 'sections', j], message: `unknown section "${s}"` });
        });
      });
    }
  });
/** The capacity plan of a venue, checked with the Green Guide method. */
export type CapacityPlan = z.infer<typeof CapacityPlan>;

/** Reports every repeated `id` in a list as an issue at that element. */
function duplicateIds(items: ReadonlyArray<{ id: string }>, path: Array<string | number>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

// ---------------------------------------------------------------------------------------------
// Results

/** A per-minute series: value i covers minute [startMinute + i, startMinute + i + 1) relative to kickoff. */
export const MinuteSeries = z.object({ startMinute: z.number(), values: z.array(z.number()) });

/** Outcome of ingress at one gate. */
export const GateIngressResult = z.object({
  id: z.string(),
  assigned: z.number(),
  admitted: z.number(),
  maxQueue: z.number(),
  maxScreeningQueue: z.number(),
  maxTurnstileQueue: z.number(),
  meanWaitMinutes: z.number(),
  p95WaitMinutes: z.number(),
  maxWaitMinutes: z.number(),
  firstArrivalMinute: z.number().nullable(),
  lastEntryMinute: z.number().nullable(),
  inByKickoffShare: z.number(),
  /** Fans queueing (screening + turnstile), the peak within each minute. */
  queue: MinuteSeries,
});
/** Outcome of ingress at one gate. */
export type GateIngressResult = z.infer<typeof GateIngressResult>;

/** Outcome of the whole ingress simulation. */
export const IngressResult = z.object({
  attendance: z.number(),
  admitted: z.number(),
  firstArrivalMinute: z.number(),
  lastEntryMinute: z.number(),
  meanWaitMinutes: z.number(),
  p50WaitMinutes: z.number(),
  p95WaitMinutes: z.number(),
  maxWaitMinutes: z.number(),
  maxQueue: z.number(),
  inByKickoffShare: z.number(),
  busiestGates: z.array(z.object({ id: z.string(), maxQueue: z.number(), p95WaitMinutes: z.number() })),
  gates: z.array(GateIngressResult),
  series: z.object({
    startMinute: z.number(),
    /** Fans queueing at all gates, the peak within each minute. */
    queue: z.array(z.number()),
    screeningQueue: z.array(z.number()),
    turnstileQueue: z.array(z.number()),
    arrivals: z.array(z.number()),
    entries: z.array(z.number()),
    /** Fans inside at the end of each minute. */
    inside: z.array(z.number()),
    /** Mean and maximum wait of the fans who arrived in each minute (0 when none arrived). */
    meanWaitMinutes: z.array(z.number()),
    maxWaitMinutes: z.array(z.number()),
  }),
});
/** Outcome of the whole ingress simulation. */
export type IngressResult = z.infer<typeof IngressResult>;

/** Normal egress and emergency evacuation times per route. */
export const EgressResult = z.object({
  normalEgressMinutes: z.number(),
  targetMinutes: z.number(),
  meetsTarget: z.boolean(),
  realisticEgressMinutes: z.number(),
  emergency: z
    .object({ evacuationMinutes: z.number(), worstRouteMinutes: z.number(), meets: z.boolean() })
    .nullable(),
  routes: z.array(
    z.object({
      id: z.string(),
      kind: RouteKind,
      people: z.number(),
      ratePerMetreMinute: z.number(),
      minutes: z.number(),
      realisticMinutes: z.number(),
      meetsTarget: z.boolean(),
    }),
  ),
});
/** Normal egress and emergency evacuation times per route. */
export type EgressResult = z.infer<typeof EgressResult>;

/** Dispersal by public transport: cumulative people departed per minute after the final whistle. */
export const TransitResult = z.object({
  lastDepartureMinute: z.number(),
  modes: z.array(z.object({ mode: z.enum(['walk', 'metro', 'bus']), people: z.number(), lastDepartureMinute: z.number() })),
  /** values[i] = people departed by minute i after the final whistle. */
  departedByMinute: z.array(z.number()),
});
/** Dispersal by public transport. */
export type TransitResult = z.infer<typeof TransitResult>;

/** What `crowd simulate` returns. */
export const SimulationResult = z.object({
  seed: z.number(),
  warnings: z.array(z.string()),
  ingress: IngressResult,
  egress: EgressResult.nullable(),
  transit: TransitResult.nullable(),
});
/** What `crowd simulate` returns. */
export type SimulationResult = z.infer<typeof SimulationResult>;

/** The four Green Guide capacities and which one limits. */
export const CapacityFactor = z.enum(['entry', 'holding', 'exit', 'emergency-evacuation']);
/** The four Green Guide capacities. */
export type CapacityFactor = z.infer<typeof CapacityFactor>;

const CapacityFigures = z.object({
  entry: z.number(),
  holding: z.number(),
  exit: z.number(),
  emergencyEvacuation: z.number(),
  final: z.number(),
  limitingFactor: CapacityFactor,
});

/** Result of the Green Guide capacity check, per section and for the venue. */
export const CapacityResult = z.object({
  venue: CapacityFigures.extend({ seats: z.number(), limitedBy: z.record(z.string(), z.number()) }),
  sections: z.array(CapacityFigures.extend({ id: z.string(), seats: z.number() })),
  parameters: z.object({
    turnstileRatePerHour: z.number(),
    entryWindowMinutes: z.number(),
    normalEgressMinutes: z.number(),
    emergencyEvacuationMinutes: z.number(),
    ratePerMetreMinute: z.object({ level: z.number(), ramp: z.number(), stair: z.number() }),
  }),
});
/** Result of the Green Guide capacity check. */
export type CapacityResult = z.infer<typeof CapacityResult>;

/** Recommended screening lanes per gate per time slot and the stewards they need. */
export const LaneRecommendation = z.object({
  slotMinutes: z.number(),
  targetP95WaitMinutes: z.number(),
  slots: z.array(z.object({ fromMinute: z.number(), lanes: z.number(), stewards: z.number() })),
  peakStewards: z.number(),
  mobileStewards: z.number(),
  gates: z.array(
    z.object({
      id: z.string(),
      feasible: z.boolean(),
      reason: z.string().nullable(),
      schedule: z.array(z.object({ fromMinute: z.number(), lanes: z.number() })),
      laneSlots: z.number(),
      p95WaitMinutes: z.number(),
      lastEntryMinute: z.number().nullable(),
    }),
  ),
});
/** Recommended screening lanes per gate per time slot. */
export type LaneRecommendation = z.infer<typeof LaneRecommendation>;

/** Turns zod issues into one line each, naming the field path, e.g. `gates[1].screening.lanes: Too small…`. */
export function describeIssues(error: z.ZodError): string[] {
  const name = (path: ReadonlyArray<PropertyKey>): string => {
    let out = '';
    for (const key of path) {
      if (typeof key === 'number') out += `[${key}]`;
      else out += out === '' ? String(key) : `.${String(key)}`;
    }
    return out === '' ? '(root)' : out;
  };
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${name([...issue.path, key])}: unknown field`)
      : [`${name(issue.path)}: ${issue.message}`],
  );
}
