// AssemblyScript (see ../kernels.ts): the two-stage queue of one gate, fan by fan, as described in
// ../gate-queue.ts, which lays out the memory and calls `gateQueue`.

/** Bank kinds (see `Bank`). */
const RING: i32 = 0;
const HEAP: i32 = 1;
const SCHEDULED: i32 = 2;

/**
 * A bank of servers (screening lanes or turnstiles) serving one FIFO queue, the record ../gate-queue.ts
 * writes: a ring of free times when the count is constant and every service takes equally long (the
 * earliest free server is the one that started `size` customers ago); a min-heap of free times when
 * only the count is constant; a min-heap of (free time, server) skipping closed servers when the count
 * follows a schedule (segment j: `counts[j]` servers from `from[j]` seconds; a server that closes
 * finishes its customer first). The same rules as ServerPool in ../server-pool.ts.
 */
@unmanaged
class Bank {
  kind: i32;
  /** Servers in the ring or heap. */
  size: i32;
  /** The ring's next server, or the schedule's current segment. */
  at: i32;
  segments: i32;
  /** f64[size]: free times. */
  keys: usize;
  /** i32[size]: server numbers (schedules). */
  ids: usize;
  /** f64[segments], i32[segments]: the schedule. */
  from: usize;
  counts: usize;
}

@inline function key(bank: Bank, i: i32): f64 {
  return load<f64>(bank.keys + (<usize>i << 3));
}
@inline function setKey(bank: Bank, i: i32, value: f64): void {
  store<f64>(bank.keys + (<usize>i << 3), value);
}
@inline function id(bank: Bank, i: i32): i32 {
  return load<i32>(bank.ids + (<usize>i << 2));
}
@inline function setId(bank: Bank, i: i32, value: i32): void {
  store<i32>(bank.ids + (<usize>i << 2), value);
}

/** The earliest time at or after t when server k of a scheduled bank is open (Infinity if never again). */
function openAt(bank: Bank, k: i32, t: f64): f64 {
  let j = bank.at;
  while (j + 1 < bank.segments && load<f64>(bank.from + (<usize>(j + 1) << 3)) <= t) j++;
  if (load<i32>(bank.counts + (<usize>j << 2)) > k) return t;
  for (j++; j < bank.segments; j++) if (load<i32>(bank.counts + (<usize>j << 2)) > k) return load<f64>(bank.from + (<usize>j << 3));
  return Infinity;
}

/** Sifts entry i of a bank's heap down (with its server number when `withIds`). */
function siftDown(bank: Bank, i: i32, withIds: bool): void {
  const n = bank.size;
  const k = key(bank, i);
  const server = withIds ? id(bank, i) : 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    let ck = key(bank, c);
    if (c + 1 < n) {
      const rk = key(bank, c + 1);
      if (rk < ck) {
        c++;
        ck = rk;
      }
    }
    if (ck >= k) break;
    setKey(bank, i, ck);
    if (withIds) setId(bank, i, id(bank, c));
    i = c;
  }
  setKey(bank, i, k);
  if (withIds) setId(bank, i, server);
}

/** Sets a bank's free times before anyone is served (`size` and the schedule already written). */
export function initBank(address: usize): void {
  const bank = changetype<Bank>(address);
  bank.at = 0;
  if (bank.kind != SCHEDULED) {
    // With no server at all nobody is ever served.
    const free = load<i32>(bank.counts) > 0 ? -Infinity : Infinity;
    for (let k = 0; k < bank.size; k++) setKey(bank, k, free);
    return;
  }
  for (let k = 0; k < bank.size; k++) {
    setId(bank, k, k);
    setKey(bank, k, openAt(bank, k, -Infinity));
  }
  for (let i = (bank.size >> 1) - 1; i >= 0; i--) siftDown(bank, i, true);
}

/** Starts a customer ready at `ready` (nondecreasing from call to call) for `duration` seconds; returns the start (Infinity if never). */
function serve(bank: Bank, ready: f64, duration: f64): f64 {
  if (bank.kind == RING) {
    const at = bank.at;
    const t = Math.max(key(bank, at), ready);
    setKey(bank, at, t + duration);
    bank.at = at + 1 == bank.size ? 0 : at + 1;
    return t;
  }
  if (bank.kind == HEAP) {
    const t = Math.max(key(bank, 0), ready);
    setKey(bank, 0, t + duration);
    siftDown(bank, 0, false);
    return t;
  }
  while (bank.at + 1 < bank.segments && load<f64>(bank.from + (<usize>(bank.at + 1) << 3)) <= ready) bank.at++;
  for (;;) {
    const t = Math.max(key(bank, 0), ready);
    const open = openAt(bank, id(bank, 0), t);
    if (open != t) {
      // Closed at t: this server cannot start anyone before it reopens; later ready times are no earlier.
      setKey(bank, 0, open);
      siftDown(bank, 0, true);
      continue;
    }
    setKey(bank, 0, t + duration);
    siftDown(bank, 0, true);
    return t;
  }
}

/**
 * Simulates n fans of one gate (f64 arrays: `arrivals` sorted ascending, `laneTimes`, `extraTimes`
 * or 0 when nobody has off-lane time) through screening (`lanes`) and turnstiles (`turnstiles`) and
 * writes each fan's screening start, turnstile arrival and turnstile start. Screening completions
 * reach the turnstile queue in completion order through a min-heap of (time, fan) at `heapKeys` (f64)
 * and `heapIds` (i32), n entries each; an entry is released once the current screening start passes
 * it, since no later fan can finish earlier. Returns the latest turnstile start (FIFO: the last one).
 */
export function gateQueue(
  n: i32,
  arrivals: usize,
  laneTimes: usize,
  extraTimes: usize,
  walkSeconds: f64,
  turnstileSeconds: f64,
  lanes: usize,
  turnstiles: usize,
  screeningStart: usize,
  turnstileArrival: usize,
  turnstileStart: usize,
  heapKeys: usize,
  heapIds: usize,
): f64 {
  const laneBank = changetype<Bank>(lanes);
  const turnstileBank = changetype<Bank>(turnstiles);
  let heapSize = 0;
  let previousStart = -Infinity;
  let lastTurnstileStart = -Infinity;
  // i == n is the drain: it releases every remaining completion.
  for (let i = 0; i <= n; i++) {
    let s = Infinity;
    let lane: f64 = 0;
    if (i < n) {
      const at = <usize>i << 3;
      lane = load<f64>(laneTimes + at);
      s = serve(laneBank, Math.max(load<f64>(arrivals + at), previousStart), lane);
      store<f64>(screeningStart + at, s);
      previousStart = s;
    }

    // Release every completion at or before s to the turnstiles, in completion order.
    while (heapSize > 0 && load<f64>(heapKeys) <= s) {
      const done = load<f64>(heapKeys);
      const fan = load<i32>(heapIds);
      // Pop: move the last entry to the root and sift it down (ties: lower fan first).
      heapSize--;
      const k = load<f64>(heapKeys + (<usize>heapSize << 3));
      const f = load<i32>(heapIds + (<usize>heapSize << 2));
      let p = 0;
      for (;;) {
        let c = 2 * p + 1;
        if (c >= heapSize) break;
        if (c + 1 < heapSize) {
          const rk = load<f64>(heapKeys + (<usize>(c + 1) << 3));
          const ck = load<f64>(heapKeys + (<usize>c << 3));
          if (rk < ck || (rk == ck && load<i32>(heapIds + (<usize>(c + 1) << 2)) < load<i32>(heapIds + (<usize>c << 2)))) c++;
        }
        const ck = load<f64>(heapKeys + (<usize>c << 3));
        const cf = load<i32>(heapIds + (<usize>c << 2));
        if (ck > k || (ck == k && cf > f)) break;
        store<f64>(heapKeys + (<usize>p << 3), ck);
        store<i32>(heapIds + (<usize>p << 2), cf);
        p = c;
      }
      store<f64>(heapKeys + (<usize>p << 3), k);
      store<i32>(heapIds + (<usize>p << 2), f);

      const a2 = done + walkSeconds;
      store<f64>(turnstileArrival + (<usize>fan << 3), a2);
      lastTurnstileStart = serve(turnstileBank, a2, turnstileSeconds);
      store<f64>(turnstileStart + (<usize>fan << 3), lastTurnstileStart);
    }
    if (i == n) break;

    // Push this fan's completion: sift up from the end.
    const completion = s + lane + (extraTimes == 0 ? 0 : load<f64>(extraTimes + (<usize>i << 3)));
    let j = heapSize++;
    while (j > 0) {
      const p = (j - 1) >> 1;
      const pk = load<f64>(heapKeys + (<usize>p << 3));
      if (pk < completion || (pk == completion && load<i32>(heapIds + (<usize>p << 2)) < i)) break;
      store<f64>(heapKeys + (<usize>j << 3), pk);
      store<i32>(heapIds + (<usize>j << 2), load<i32>(heapIds + (<usize>p << 2)));
      j = p;
    }
    store<f64>(heapKeys + (<usize>j << 3), completion);
    store<i32>(heapIds + (<usize>j << 2), i);
  }
  return lastTurnstileStart;
}
