/**
 * Pure rules of the crowd-flow planner: a venue plan (+ a match's attendance, arrivals, seed and options)
 * becomes the engine's scenario and capacity plan; the sign-off state machine; the seeded plans sized to
 * each stadium's capacity; run comparison. No I/O.
 * Sources: Green Guide 6th ed. 2018 and SGSA (REFERENCE.md §1), screening and transit figures (§4).
 */
import type { CapacityPlan, CrowdScenario, LaneRecommendation, SimulationResult } from '../../../common/contracts/crowd-scenario.ts';
import type { PlanStatus, RunOptions, RunResult, VenuePlan, VenuePlanInput } from '../../../common/contracts/crowd-plan.ts';
import type { ArrivalSpec } from '../../../common/contracts/crowd-scenario.ts';

// ---------------------------------------------------------------------------------------------
// Plan → engine inputs

/** What a run is made of besides the plan. */
export interface RunSetup {
  attendance: number;
  arrivals: ArrivalSpec;
  seed: number;
  options: RunOptions;
}

/** The Green Guide rate of an exit route of this kind, from the plan's parameters. */
function exitRate(plan: VenuePlan, kind: 'level' | 'ramp' | 'stair'): number {
  return plan.parameters.egressRatePerMetreMinute[kind];
}

/**
 * Builds the engine scenario. Fans are split among sections in proportion to seats; a section's fans
 * use its gates (equal split or shortest screening queue). After the match a section's fans split among
 * its normal exit routes in proportion to each route's flow capacity (width × Green Guide rate), so that
 * the routes of a section empty together, the way a crowd spreads over the exits it can see.
 */
export function planToScenario(plan: VenuePlan, setup: RunSetup): CrowdScenario {
  const totalSeats = plan.sections.reduce((s, x) => s + x.seats, 0);
  const schedules = new Map((setup.options.laneSchedules ?? []).map((l) => [l.gateId, l.schedule]));
  const rate = plan.parameters.turnstileRatePerHour;
  const gates = plan.gates.map((g) => {
    const schedule = schedules.get(g.id);
    const lanes = setup.options.lanesPerGate ?? g.screening.lanes;
    const sd = g.screening.serviceSdSeconds;
    return {
      id: g.id,
      screening: {
        lanes: schedule ? Math.max(0, [...schedule].sort((a, b) => a.fromMinute - b.fromMinute)[0]!.lanes) : lanes,
        service:
          sd > 0
            ? { kind: 'lognormal' as const, meanSeconds: g.screening.serviceSeconds, sdSeconds: sd }
            : { kind: 'fixed' as const, seconds: g.screening.serviceSeconds },
        ...(g.screening.secondaryShare > 0 && g.screening.secondarySeconds > 0
          ? { secondary: { rate: g.screening.secondaryShare, seconds: g.screening.secondarySeconds } }
          : {}),
        ...(schedule ? { schedule: withLastOpen(schedule, lanes) } : {}),
      },
      walkSeconds: g.walkSeconds,
      turnstiles: { count: g.turnstiles.count, ratePerHour: g.turnstiles.ratePerHour ?? rate },
    };
  });
  const sections = plan.sections.map((s) => ({
    id: s.id,
    share: s.seats / totalSeats,
    gates: [...s.gateIds],
    choice: setup.options.assignment,
  }));
  normaliseShares(sections);

  const routeShare = new Map<string, number>();
  for (const s of plan.sections) {
    const routes = plan.exits.filter((e) => e.use !== 'emergency-only' && e.sectionIds.includes(s.id));
    const flow = routes.reduce((sum, e) => sum + e.widthMetres * exitRate(plan, e.kind), 0);
    for (const e of routes) routeShare.set(e.id, (routeShare.get(e.id) ?? 0) + (s.seats / totalSeats) * ((e.widthMetres * exitRate(plan, e.kind)) / flow));
  }
  const routes = plan.exits
    .filter((e) => routeShare.has(e.id))
    .map((e) => ({ id: e.id, widthMetres: e.widthMetres, kind: e.kind, share: routeShare.get(e.id)! }));
  normaliseShares(routes);

  const { metro, shuttles } = plan.transit;
  const transit =
    metro || shuttles
      ? {
          ...(metro && metro.share > 0
            ? { metro: { trainsPerHour: metro.trainsPerHour, peoplePerTrain: metro.peoplePerTrain, share: metro.share, walkMinutes: metro.walkMinutes } }
            : {}),
          ...(shuttles && shuttles.share > 0
            ? { buses: { count: shuttles.count, capacity: shuttles.capacity, roundTripMinutes: shuttles.roundTripMinutes, share: shuttles.share, walkMinutes: shuttles.walkMinutes } }
            : {}),
        }
      : undefined;

  return {
    name: plan.venueName,
    attendance: setup.attendance,
    seed: setup.seed,
    arrivals: setup.arrivals,
    gates,
    sections,
    egress: {
      routes,
      ratePerMetreMinute: { ...plan.parameters.egressRatePerMetreMinute },
      targetMinutes: plan.parameters.normalEgressMinutes,
      emergencyEvacuationMinutes: setup.options.emergencyEvacuationMinutes ?? plan.parameters.emergencyEvacuationMinutes,
    },
    ...(transit && Object.keys(transit).length > 0 ? { transit } : {}),
  };
}

/** A lane schedule whose last count is at least 1 (the engine's rule); a trailing 0 keeps the gate's lanes. */
function withLastOpen(schedule: { fromMinute: number; lanes: number }[], fallback: number) {
  const sorted = [...schedule].sort((a, b) => a.fromMinute - b.fromMinute);
  const last = sorted[sorted.length - 1]!;
  if (last.lanes < 1) sorted[sorted.length - 1] = { fromMinute: last.fromMinute, lanes: Math.max(1, fallback) };
  return sorted;
}

/** Makes shares sum to exactly 1 in floating point (the engine checks the sum within 0.001). */
function normaliseShares(items: { share: number }[]): void {
  const sum = items.reduce((s, x) => s + x.share, 0);
  for (const x of items) x.share = x.share / sum;
}

/** Builds the Green Guide capacity plan (entry, holding, exit and emergency evacuation capacities). */
export function planToCapacityPlan(plan: VenuePlan, options: { emergencyEvacuationMinutes?: number | undefined } = {}): CapacityPlan {
  const p = plan.parameters;
  return {
    venue: plan.venueName,
    sections: plan.sections.map((s) => ({ id: s.id, seats: s.seats, physicalFactor: s.physicalFactor, safetyFactor: s.safetyFactor })),
    gates: plan.gates
      .map((g) => ({
        id: g.id,
        turnstiles: g.turnstiles.count,
        ratePerHour: g.turnstiles.ratePerHour ?? p.turnstileRatePerHour,
        sections: plan.sections.filter((s) => s.gateIds.includes(g.id)).map((s) => s.id),
      }))
      .filter((g) => g.sections.length > 0),
    exits: plan.exits.map((e) => ({ id: e.id, widthMetres: e.widthMetres, kind: e.kind, sections: [...e.sectionIds], use: e.use })),
    emergencyEvacuationMinutes: options.emergencyEvacuationMinutes ?? p.emergencyEvacuationMinutes,
    turnstileRatePerHour: p.turnstileRatePerHour,
    entryWindowMinutes: p.entryWindowMinutes,
    normalEgressMinutes: p.normalEgressMinutes,
    ratePerMetreMinute: { ...p.egressRatePerMetreMinute },
  };
}

// ---------------------------------------------------------------------------------------------
// Sign-off

export type SignStep = 'venue' | 'command';

/**
 * The sign-off state machine: the venue manager signs a draft, then the commander signs the venue-signed
 * version (it becomes approved). Any other order is refused. A signed version is frozen.
 */
export function nextStatus(status: PlanStatus, step: SignStep): PlanStatus | { refused: string } {
  if (step === 'venue') return status === 'draft' ? 'venue_signed' : { refused: status === 'venue_signed' ? 'already signed by the venue manager' : 'already approved' };
  if (status === 'venue_signed') return 'approved';
  return { refused: status === 'draft' ? 'the venue manager signs first' : 'already approved' };
}

/** A version may be edited only while it is a draft; after any signature changes make a new version. */
export function isFrozen(status: PlanStatus): boolean {
  return status !== 'draft';
}

// ---------------------------------------------------------------------------------------------
// Run summaries and comparison

/** The few figures a run list shows. */
export function headline(result: RunResult | null) {
  if (!result) return null;
  const s: SimulationResult | null = result.simulation;
  const r: LaneRecommendation | null = result.recommendation;
  return {
    p95WaitMinutes: s ? s.ingress.p95WaitMinutes : null,
    lastEntryMinute: s ? s.ingress.lastEntryMinute : null,
    inByKickoffShare: s ? s.ingress.inByKickoffShare : null,
    normalEgressMinutes: s?.egress ? s.egress.normalEgressMinutes : null,
    peakStewards: r ? r.peakStewards : null,
  };
}

/** Leaf values that differ between two JSON values, named by path (`options.lanesPerGate`). */
export function diffJson(a: unknown, b: unknown, path = '', out: { path: string; a: unknown; b: unknown }[] = [], limit = 50) {
  if (out.length >= limit) return out;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) diffJson(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k, out, limit);
    return out;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path: path || '(root)', a: a ?? null, b: b ?? null });
  return out;
}

/** Side-by-side figures of two runs' results. */
export function compareFigures(a: RunResult | null, b: RunResult | null) {
  const pick = (r: RunResult | null, f: (r: RunResult) => number | null | undefined) => {
    if (!r) return null;
    const v = f(r);
    return v === undefined ? null : v;
  };
  const keys: [string, (r: RunResult) => number | null | undefined][] = [
    ['meanWaitMinutes', (r) => r.simulation?.ingress.meanWaitMinutes],
    ['p95WaitMinutes', (r) => r.simulation?.ingress.p95WaitMinutes],
    ['maxWaitMinutes', (r) => r.simulation?.ingress.maxWaitMinutes],
    ['maxQueue', (r) => r.simulation?.ingress.maxQueue],
    ['lastEntryMinute', (r) => r.simulation?.ingress.lastEntryMinute],
    ['inByKickoffShare', (r) => r.simulation?.ingress.inByKickoffShare],
    ['normalEgressMinutes', (r) => r.simulation?.egress?.normalEgressMinutes],
    ['realisticEgressMinutes', (r) => r.simulation?.egress?.realisticEgressMinutes],
    ['transitLastDepartureMinute', (r) => r.simulation?.transit?.lastDepartureMinute],
    ['peakStewards', (r) => r.recommendation?.peakStewards],
    ['finalCapacity', (r) => r.capacity.venue.final],
  ];
  const figures = keys.map(([key, f]) => {
    const va = pick(a, f);
    const vb = pick(b, f);
    return { key, a: va, b: vb, delta: va !== null && vb !== null ? vb - va : null };
  });
  const gatesA = new Map((a?.simulation?.ingress.gates ?? []).map((g) => [g.id, g]));
  const gatesB = new Map((b?.simulation?.ingress.gates ?? []).map((g) => [g.id, g]));
  const ids = [...new Set([...gatesA.keys(), ...gatesB.keys()])];
  const gates = ids.map((id) => ({
    id,
    aP95: gatesA.get(id)?.p95WaitMinutes ?? null,
    bP95: gatesB.get(id)?.p95WaitMinutes ?? null,
    aMaxQueue: gatesA.get(id)?.maxQueue ?? null,
    bMaxQueue: gatesB.get(id)?.maxQueue ?? null,
  }));
  return { figures, gates };
}

// ---------------------------------------------------------------------------------------------
// Seeded plans

/** What the seed knows of a stadium (server/seed/data/qatar2022-stadiums.json). */
export interface StadiumFacts {
  name: string;
  capacity: number;
  metroStation: string | null;
  /** True when fans walk from the metro station; false when a shuttle bus links them. */
  metroWalkable: boolean;
  /** Shuttle ride one way, minutes (assumption where the facts only say "shuttle"). */
  shuttleRideMinutes: number;
}

const SECTION_NAMES = ['North', 'North-east', 'East', 'South-east', 'South', 'South-west', 'West', 'North-west'];
const SERVICE_SECONDS = 6;
const LANE_FANS_PER_HOUR = 600;
/** Doha Metro, Qatar 2022: a train every 165 s (REFERENCE.md §4, second-hand press). */
export const METRO_HEADWAY_SECONDS = 165;

/**
 * A plan sized to a stadium's tournament capacity. The real layouts are not public: every figure below
 * is an assumption, and the plan's `assumptions` list says so field by field.
 *  - gates: about one per 2,000 seats, rounded to a multiple of 8 so that every stand has as many (at least
 *    24), evenly spaced round the outer perimeter;
 *  - lanes: a lane screens about 600 fans an hour (6 s a fan, REFERENCE.md §4), sized for the late-surge
 *    peak (half a gate's fans in 30 minutes) plus one spare; turnstiles at 660/h sized the same way;
 *  - 8 sections of equal seats summing to the capacity, each served by the gates on its side;
 *  - per section a level and a stair exit, sized so that normal egress takes about 7.5 minutes at the
 *    Green Guide rates (82 and 66 p/(m·min)), under the 8-minute target.
 */
export function seedPlan(s: StadiumFacts): VenuePlanInput {
  const gateCount = Math.max(3, Math.round(s.capacity / 2000 / SECTION_NAMES.length)) * SECTION_NAMES.length;
  const perGate = s.capacity / gateCount;
  const peakPerHour = perGate; // half of a gate's fans within 30 minutes
  const lanes = Math.ceil(peakPerHour / LANE_FANS_PER_HOUR) + 1;
  const turnstiles = Math.ceil(peakPerHour / 660) + 1;
  const gates = Array.from({ length: gateCount }, (_, i) => ({
    id: `G${String(i + 1).padStart(2, '0')}`,
    name: `Gate ${i + 1}`,
    angle: round1((360 * (i + 0.5)) / gateCount),
    screening: { lanes, serviceSeconds: SERVICE_SECONDS, serviceSdSeconds: 2, secondaryShare: 0.1, secondarySeconds: 45 },
    walkSeconds: 90,
    turnstiles: { count: turnstiles },
  }));
  const base = Math.floor(s.capacity / SECTION_NAMES.length);
  const extra = s.capacity - base * SECTION_NAMES.length;
  const sections = SECTION_NAMES.map((name, i) => {
    const from = i * 45 - 22.5;
    const gateIds = gates
      .filter((g) => {
        const d = (((g.angle - from) % 360) + 360) % 360;
        return d < 45;
      })
      .map((g) => g.id);
    return {
      id: `S${i + 1}`,
      name: `${name} stand`,
      angle: i * 45,
      seats: base + (i < extra ? 1 : 0),
      physicalFactor: 1,
      safetyFactor: 1,
      gateIds,
    };
  });
  const targetMinutes = 7.5;
  const exits = sections.flatMap((sec, i) => {
    // Equal widths w on a level (82) and a stair (66) route: seats / ((82 + 66) · w) = 7.5 min.
    const width = Math.ceil((sec.seats / ((82 + 66) * targetMinutes)) * 2) / 2;
    return [
      { id: `E${i + 1}L`, name: `Exit ${i + 1} (level)`, angle: round1((i * 45 - 10 + 360) % 360), widthMetres: width, kind: 'level' as const, sectionIds: [sec.id] },
      { id: `E${i + 1}S`, name: `Exit ${i + 1} (stair)`, angle: round1(i * 45 + 10), widthMetres: width, kind: 'stair' as const, sectionIds: [sec.id] },
    ];
  });
  const shuttleShare = s.metroWalkable ? 0.2 : 0.7;
  const metroShare = s.metroWalkable ? 0.6 : 0;
  const shuttleRoundTrip = 2 * s.shuttleRideMinutes + 10;
  const busLoads = Math.ceil((s.capacity * shuttleShare) / 60);
  const busCount = Math.ceil(busLoads / Math.max(1, 90 / shuttleRoundTrip));
  return {
    venueName: s.name,
    perimeters: {
      outer: { description: 'Outer perimeter: security screening (walk-through metal detectors, bag search) and first ticket check.' },
      inner: { description: 'Inner perimeter: final ticket check at the turnstiles.' },
    },
    gates,
    sections,
    exits,
    transit: {
      metro: metroShare > 0 ? { station: s.metroStation ?? '', trainsPerHour: round1(3600 / METRO_HEADWAY_SECONDS), peoplePerTrain: 800, walkMinutes: 15, share: metroShare } : null,
      shuttles: { count: busCount, capacity: 60, roundTripMinutes: shuttleRoundTrip, walkMinutes: s.metroWalkable ? 15 : 10, share: shuttleShare },
    },
    parameters: {
      turnstileRatePerHour: 660,
      entryWindowMinutes: 60,
      egressRatePerMetreMinute: { level: 82, ramp: 82, stair: 66 },
      normalEgressMinutes: 8,
      emergencyEvacuationMinutes: 8,
      targetP95WaitMinutes: 15,
      spectatorsPerMobileSteward: 250,
    },
    assumptions: [
      { field: 'gates', note: `Assumption: ${gateCount} gates (about one per 2,000 seats, the same number for each of the 8 stands), evenly spaced; the real layout is not public.` },
      { field: 'gates[].screening', note: `Assumption: ${lanes} lanes a gate, 6 s ± 2 s a fan (walk-through metal detector 5–7 s, REFERENCE.md §4), 10 % sent to a 45 s secondary search (5–15 %, 30–60 s).` },
      { field: 'gates[].walkSeconds', note: 'Assumption: 90 s walk from screening to the turnstiles.' },
      { field: 'gates[].turnstiles', note: `Assumption: ${turnstiles} turnstiles a gate at the Green Guide maximum of 660 an hour.` },
      { field: 'sections', note: '8 sections of equal seats summing to the tournament capacity; P and S factors set to 1.0 pending the venue risk assessment (assumption).' },
      { field: 'exits', note: 'Assumption: one level and one stair route per section, widths sized for about 7.5 min normal egress at 82 and 66 p/(m·min) (Green Guide 6th ed.).' },
      { field: 'transit.metro', note: metroShare > 0 ? 'Headway 165 s at Qatar 2022 (second-hand press, REFERENCE.md §4); 800 people a train, 60 % of the crowd by metro and a 15-minute walk are assumptions.' : 'No metro within walking distance of this stadium.' },
      { field: 'transit.shuttles', note: `Assumption: ${busCount} buses of 60, round trip ${shuttleRoundTrip} min, ${Math.round(shuttleShare * 100)} % of the crowd.` },
      { field: 'parameters.emergencyEvacuationMinutes', note: 'Assumption: 8 minutes, the upper end of the Green Guide range (2.5–8), pending the venue risk assessment.' },
    ],
    notes: 'Seeded plan sized to the tournament capacity. The real layout of the stadium is not public: every figure is an assumption to be replaced by the venue safety officer.',
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
