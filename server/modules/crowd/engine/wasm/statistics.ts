// AssemblyScript (see ../kernels.ts): the per-fan and per-second passes of ../ingress-statistics.ts,
// which describes the whole-second grid and lays out the memory.

@inline function f(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}
@inline function addF(p: usize, i: i32, x: f64): void {
  store<f64>(p + (<usize>i << 3), load<f64>(p + (<usize>i << 3)) + x);
}
@inline function addI(p: usize, i: i32, x: i32): void {
  store<i32>(p + (<usize>i << 2), load<i32>(p + (<usize>i << 2)) + x);
}

/**
 * One pass over the n fans of a gate (f64 arrays: arrival, screening start, turnstile arrival and start):
 * each fan's wait into `waits` (at its index) and counted in its bucket for the gate and the venue
 * (i32 counts: 0 for exactly 0, else whole second + 1), ±1 at the first whole second at or after each
 * queue event for the gate and the venue (i32 arrays over the grid's seconds; events that never happen
 * or fall beyond the grid at the sentinel index `horizon`), the venue's per-minute totals (f64: arrivals, entries, wait sum and max by
 * arrival minute) and the gate's totals (f64[6]: admitted, in by kickoff, wait sum, max wait, last
 * entry, 1 if a wait was not counted).
 */
export function accumulateFans(
  n: i32,
  arrivals: usize,
  screeningStart: usize,
  turnstileArrival: usize,
  turnstileStart: usize,
  turnstileSeconds: f64,
  origin: f64,
  minuteOffset: i32,
  horizon: i32,
  gateScreening: usize,
  gateTurnstile: usize,
  venueScreening: usize,
  venueTurnstile: usize,
  waits: usize,
  gateCounts: usize,
  venueCounts: usize,
  arrivalsByMinute: usize,
  entriesByMinute: usize,
  waitSumByMinute: usize,
  waitMaxByMinute: usize,
  totals: usize,
): void {
  let admitted = f(totals, 0);
  let inByKickoff = f(totals, 1);
  let sum = f(totals, 2);
  let max = f(totals, 3);
  let last = f(totals, 4);
  // Times after this one (Infinity included) have no second on the grid: their first whole second would be
  // the sentinel's or beyond.
  const lastSecond = origin + <f64>(horizon - 1);
  for (let i = 0; i < n; i++) {
    const a = f(arrivals, i);
    const start = f(screeningStart, i);
    const arrive2 = f(turnstileArrival, i);
    const start2 = f(turnstileStart, i);
    // Offsets are taken before rounding (t − origin ≥ 0). Every arrival lies on the grid; a later event
    // of a fan never admitted may lie beyond it, and goes to the sentinel like one that never happens.
    let k = <i32>Math.ceil(a - origin);
    addI(gateScreening, k, 1);
    addI(venueScreening, k, 1);
    k = start > lastSecond ? horizon : <i32>Math.ceil(start - origin);
    addI(gateScreening, k, -1);
    addI(venueScreening, k, -1);
    if (arrive2 <= lastSecond) {
      k = <i32>Math.ceil(arrive2 - origin);
      addI(gateTurnstile, k, 1);
      addI(venueTurnstile, k, 1);
      k = start2 > lastSecond ? horizon : <i32>Math.ceil(start2 - origin);
      addI(gateTurnstile, k, -1);
      addI(venueTurnstile, k, -1);
    }
    const w = start - a + (start2 - arrive2);
    store<f64>(waits + (<usize>i << 3), w);
    // A wait lies within the run, so below the horizon, unless a fan is never served.
    if (w < <f64>horizon) {
      const b = w > 0 ? <i32>Math.floor(w) + 1 : 0;
      addI(gateCounts, b, 1);
      addI(venueCounts, b, 1);
    } else store<f64>(totals + 40, 1);
    const am = (<i32>Math.floor(a - origin) + minuteOffset) / 60;
    addF(arrivalsByMinute, am, 1);
    const e = start2 + turnstileSeconds;
    if (e == Infinity) continue;
    admitted++;
    sum += w;
    if (w > max) max = w;
    if (e > last) last = e;
    if (e <= 0) inByKickoff++;
    addF(waitSumByMinute, am, w);
    if (w > f(waitMaxByMinute, am)) store<f64>(waitMaxByMinute + (<usize>am << 3), w);
    addF(entriesByMinute, (<i32>Math.floor(e - origin) + minuteOffset) / 60, 1);
  }
  store<f64>(totals, admitted);
  store<f64>(totals + 8, inByKickoff);
  store<f64>(totals + 16, sum);
  store<f64>(totals + 24, max);
  store<f64>(totals + 32, last);
}

/**
 * Turns the ±1 arrays (i32 over the grid's seconds) of the screening and the turnstile queue into queue
 * lengths at each whole second, zeroing them as it goes (so that they can serve the next gate), and
 * writes the peak within each of `minutes` minutes of the screening queue, the turnstile queue and
 * both together (i32 arrays). Second k lies in minute ⌊(k + offset) / 60⌋. Writes the largest
 * peaks (screening, turnstile, combined) to `maxima` (i32[3]).
 */
export function sweepMinutes(
  minutes: i32,
  offset: i32,
  horizon: i32,
  screening: usize,
  turnstile: usize,
  screeningPeak: usize,
  turnstilePeak: usize,
  peak: usize,
  maxima: usize,
): void {
  let qs = 0;
  let qt = 0;
  let maxS = 0;
  let maxT = 0;
  let maxQ = 0;
  for (let m = 0; m < minutes; m++) {
    const end = min(horizon, 60 * m + 60 - offset);
    let ps = 0;
    let pt = 0;
    let pq = 0;
    for (let k = max(0, 60 * m - offset); k < end; k++) {
      const at = <usize>k << 2;
      qs += load<i32>(screening + at);
      qt += load<i32>(turnstile + at);
      store<i32>(screening + at, 0);
      store<i32>(turnstile + at, 0);
      if (qs > ps) ps = qs;
      if (qt > pt) pt = qt;
      const q = qs + qt;
      if (q > pq) pq = q;
    }
    const at = <usize>m << 2;
    store<i32>(screeningPeak + at, ps);
    store<i32>(turnstilePeak + at, pt);
    store<i32>(peak + at, pq);
    if (ps > maxS) maxS = ps;
    if (pt > maxT) maxT = pt;
    if (pq > maxQ) maxQ = pq;
  }
  store<i32>(maxima, maxS);
  store<i32>(maxima, maxT, 4);
  store<i32>(maxima, maxQ, 8);
}
