/**
 * Turns a scenario into per-gate inputs for the queue simulation: how many fans use each gate, when
 * they arrive and how long each takes at screening. Random draws use one seeded stream per gate and
 * purpose, so a gate's fans do not change when another gate is edited (common random numbers).
 */
import type { CrowdScenario, GateSpec } from '../../../../common/contracts/crowd-scenario.ts';
import { apportion, generateArrivals } from './arrivals.ts';
import type { GateQueueInput } from './gate-queue.ts';
import { createRandom, deriveSeed } from './random.ts';
import { drawScreeningTimes } from './screening-service.ts';
import { compileSchedule, createServerPool, type ServerPool } from './server-pool.ts';

/** Green Guide maximum turnstile rate (6th ed.; second-hand quote in REFERENCE.md §1): 660 persons per hour. */
export const DEFAULT_TURNSTILE_RATE_PER_HOUR = 660;

/** Stream keys, so that each purpose draws from its own independent sequence. */
const STREAM_GATE_ARRIVALS = 1;
const STREAM_GATE_SERVICE = 2;
const STREAM_SECTION_ARRIVALS = 3;
const STREAM_SECTION_SERVICE = 4;

/** One gate ready to simulate. */
export interface PreparedGate extends GateQueueInput {
  readonly id: string;
  readonly spec: GateSpec;
}

/** A scenario's gates ready to simulate, with the seed used and any warnings. */
export interface PreparedIngress {
  readonly seed: number;
  readonly attendance: number;
  readonly gates: PreparedGate[];
  readonly warnings: string[];
}

/** Lane and turnstile schedules, walk and turnstile time of a gate spec. */
function gateConstants(gate: GateSpec) {
  return {
    lanes: compileSchedule(
      gate.screening.lanes,
      gate.screening.schedule?.map((c) => ({ fromMinute: c.fromMinute, count: c.lanes })),
    ),
    turnstiles: compileSchedule(gate.turnstiles.count, gate.turnstiles.schedule),
    walkSeconds: gate.walkSeconds ?? 0,
    turnstileSeconds: 3600 / (gate.turnstiles.ratePerHour ?? DEFAULT_TURNSTILE_RATE_PER_HOUR),
    // Fixed service with no lane-blocking search: every fan holds a lane equally long (ring of lanes).
    equalLaneTimes:
      gate.screening.service.kind === 'fixed' &&
      !(gate.screening.secondary?.blocksLane && gate.screening.secondary.rate > 0 && gate.screening.secondary.seconds > 0),
  };
}

/** Prepares every gate's fans for a scenario and seed (assignment by gate share, or by section). */
export function prepareIngress(scenario: CrowdScenario, seed: number): PreparedIngress {
  const warnings: string[] = [];
  const gates = scenario.sections ? prepareBySection(scenario, seed) : prepareByShare(scenario, seed);
  const spec = scenario.arrivals;
  if (spec.kind === 'poisson') {
    let last = Number.NEGATIVE_INFINITY;
    for (const g of gates) if (g.arrivals.length > 0) last = Math.max(last, g.arrivals[g.arrivals.length - 1] as number);
    if (last > spec.to * 60)
      warnings.push(
        `arrivals: at ${spec.ratePerMinute}/min the last of ${scenario.attendance} fans arrives at minute ${(last / 60).toFixed(1)}, after "to" (${spec.to})`,
      );
  }
  return { seed, attendance: scenario.attendance, gates, warnings };
}

/** Assignment by share: gates are independent, each with its own count (largest remainder) and streams. */
function prepareByShare(scenario: CrowdScenario, seed: number): PreparedGate[] {
  const shares = scenario.gates.map((g) => g.share ?? 0);
  const shareSum = shares.reduce((a, b) => a + b, 0);
  const counts = apportion(scenario.attendance, shares);
  const n = scenario.attendance;
  const arrivals = new Float64Array(n);
  const lane = new Float64Array(n);
  const extra = new Float64Array(n);
  const out: PreparedGate[] = [];
  let offset = 0;
  scenario.gates.forEach((gate, g) => {
    const m = counts[g] as number;
    const gateArrivals = arrivals.subarray(offset, offset + m);
    generateArrivals(scenario.arrivals, createRandom(deriveSeed(seed, STREAM_GATE_ARRIVALS, g)), gateArrivals, (shares[g] as number) / shareSum);
    const hasExtra = drawScreeningTimes(
      gate.screening.service,
      gate.screening.secondary,
      createRandom(deriveSeed(seed, STREAM_GATE_SERVICE, g)),
      lane,
      extra,
      offset,
      m,
    );
    out.push({
      id: gate.id,
      spec: gate,
      arrivals: gateArrivals,
      laneSeconds: lane.subarray(offset, offset + m),
      extraSeconds: hasExtra ? extra.subarray(offset, offset + m) : null,
      ...gateConstants(gate),
    });
    offset += m;
  });
  return out;
}

/**
 * Assignment by section: each section's fans arrive on their own, then, in time order, pick a gate among
 * those serving the section, either in fixed proportions (smooth weighted round robin, exact and
 * deterministic) or the gate with the fewest fans waiting for screening at that moment (ties: first listed).
 */
function prepareBySection(scenario: CrowdScenario, seed: number): PreparedGate[] {
  const sections = scenario.sections ?? [];
  const n = scenario.attendance;
  const gateIndex = new Map(scenario.gates.map((g, i) => [g.id, i]));
  const counts = apportion(n, sections.map((s) => s.share));
  const shareSum = sections.reduce((a, s) => a + s.share, 0);

  // Each section's sorted arrivals, then a stable merge into one venue-wide time order.
  const lists: Array<{ times: Float64Array; section: number }> = sections.map((s, k) => {
    const times = new Float64Array(counts[k] as number);
    generateArrivals(scenario.arrivals, createRandom(deriveSeed(seed, STREAM_SECTION_ARRIVALS, k)), times, s.share / shareSum);
    return { times, section: k };
  });
  const { times, owner } = mergeSorted(lists, n);

  const gateCount = scenario.gates.length;
  const constants = scenario.gates.map(gateConstants);
  const pools = constants.map((c) => createServerPool(c.lanes));
  const lastStart = new Float64Array(gateCount).fill(Number.NEGATIVE_INFINITY);
  // Screening start times of fans still waiting, per gate (FIFO, so starts are nondecreasing).
  const waiting: number[][] = scenario.gates.map(() => []);
  const waitingHead = new Int32Array(gateCount);
  const credit = sections.map((s) => new Float64Array(s.gates.length));
  const weights = sections.map((s) => s.split ?? s.gates.map(() => 1));
  const rng = createRandom(deriveSeed(seed, STREAM_SECTION_SERVICE));
  const gateOf = new Int32Array(n);
  const lane = new Float64Array(n);
  const extra = new Float64Array(n);
  const perGate = new Int32Array(gateCount);
  let anyExtra = false;
  // Only gates that some shortest-queue section chooses from need their screening queue tracked here.
  const tracked = new Uint8Array(gateCount);
  for (const s of sections) if (s.choice === 'shortest-queue') for (const id of s.gates) tracked[gateIndex.get(id) as number] = 1;

  for (let i = 0; i < n; i++) {
    const t = times[i] as number;
    const k = owner[i] as number;
    const section = sections[k];
    if (!section) continue;
    let g = 0;
    if (section.choice === 'shortest-queue') {
      let best = Number.POSITIVE_INFINITY;
      for (const gid of section.gates) {
        const gi = gateIndex.get(gid) as number;
        const q = waiting[gi] as number[];
        let h = waitingHead[gi] as number;
        while (h < q.length && (q[h] as number) <= t) h++;
        waitingHead[gi] = h;
        if (h > 4096 && h * 2 > q.length) {
          q.splice(0, h);
          waitingHead[gi] = 0;
          h = 0;
        }
        if (q.length - h < best) {
          best = q.length - h;
          g = gi;
        }
      }
    } else {
      // Smooth weighted round robin (as in nginx upstream balancing): exact long-run proportions.
      const c = credit[k] as Float64Array;
      const w = weights[k] as number[];
      let total = 0;
      let pick = 0;
      for (let j = 0; j < w.length; j++) {
        c[j] = (c[j] as number) + (w[j] as number);
        total += w[j] as number;
        if ((c[j] as number) > (c[pick] as number)) pick = j;
      }
      c[pick] = (c[pick] as number) - total;
      g = gateIndex.get(section.gates[pick] as string) as number;
    }
    const spec = scenario.gates[g] as GateSpec;
    if (drawScreeningTimes(spec.screening.service, spec.screening.secondary, rng, lane, extra, i, 1)) anyExtra = true;
    gateOf[i] = g;
    perGate[g] = (perGate[g] as number) + 1;
    if (tracked[g] === 1) {
      const ready = Math.max(t, lastStart[g] as number);
      const s = (pools[g] as ServerPool).serve(ready, lane[i] as number);
      lastStart[g] = s;
      (waiting[g] as number[]).push(s);
    }
  }

  // Gather each gate's fans, still in time order, into contiguous blocks.
  const offsets = new Int32Array(gateCount + 1);
  for (let g = 0; g < gateCount; g++) offsets[g + 1] = (offsets[g] as number) + (perGate[g] as number);
  const fill = offsets.slice(0, gateCount);
  const arrivals = new Float64Array(n);
  const laneByGate = new Float64Array(n);
  const extraByGate = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = gateOf[i] as number;
    const at = fill[g] as number;
    fill[g] = at + 1;
    arrivals[at] = times[i] as number;
    laneByGate[at] = lane[i] as number;
    extraByGate[at] = extra[i] as number;
  }
  return scenario.gates.map((gate, g) => {
    const from = offsets[g] as number;
    const to = offsets[g + 1] as number;
    return {
      id: gate.id,
      spec: gate,
      arrivals: arrivals.subarray(from, to),
      laneSeconds: laneByGate.subarray(from, to),
      extraSeconds: anyExtra ? extraByGate.subarray(from, to) : null,
      ...constants[g],
    } as PreparedGate;
  });
}

/** Merges sorted lists into one sorted array, remembering which list each value came from (stable). */
function mergeSorted(lists: Array<{ times: Float64Array; section: number }>, n: number): { times: Float64Array; owner: Int32Array } {
  let runs = lists.map((l) => ({ times: l.times, owner: new Int32Array(l.times.length).fill(l.section) }));
  if (runs.length === 0) return { times: new Float64Array(0), owner: new Int32Array(0) };
  while (runs.length > 1) {
    const next: typeof runs = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r] as (typeof runs)[number];
      const b = runs[r + 1];
      if (!b) {
        next.push(a);
        continue;
      }
      const times = new Float64Array(a.times.length + b.times.length);
      const owner = new Int32Array(times.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < a.times.length && j < b.times.length) {
        if ((a.times[i] as number) <= (b.times[j] as number)) {
          times[k] = a.times[i] as number;
          owner[k++] = a.owner[i++] as number;
        } else {
          times[k] = b.times[j] as number;
          owner[k++] = b.owner[j++] as number;
        }
      }
      while (i < a.times.length) {
        times[k] = a.times[i] as number;
        owner[k++] = a.owner[i++] as number;
      }
      while (j < b.times.length) {
        times[k] = b.times[j] as number;
        owner[k++] = b.owner[j++] as number;
      }
      next.push({ times, owner });
    }
    runs = next;
  }
  const only = runs[0] as (typeof runs)[number];
  if (only.times.length !== n) throw new Error('internal: merged arrival count differs from attendance');
  return only;
}
