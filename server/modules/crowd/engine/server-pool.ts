/**
 * A bank of identical servers (screening lanes or turnstiles) whose number open can change over time,
 * serving one FIFO queue. Uses the "earliest free server" rule: with FIFO order, each customer starts at
 * max(ready time, earliest time any open server is free), kept in a binary min-heap of free times.
 */

/** How many servers are open from each time on; segment j is open from `from[j]` (seconds) until `from[j+1]`. */
export interface ServerSchedule {
  readonly from: Float64Array;
  readonly counts: Int32Array;
  /** The largest count in the schedule: the number of physical servers. */
  readonly max: number;
}

/** Builds a schedule from a base count and later changes given in minutes relative to kickoff. */
export function compileSchedule(base: number, changes?: ReadonlyArray<{ fromMinute: number; count: number }>): ServerSchedule {
  const list = changes ?? [];
  const from = new Float64Array(list.length + 1);
  const counts = new Int32Array(list.length + 1);
  from[0] = Number.NEGATIVE_INFINITY;
  counts[0] = base;
  let max = base;
  list.forEach((c, i) => {
    from[i + 1] = c.fromMinute * 60;
    counts[i + 1] = c.count;
    if (c.count > max) max = c.count;
  });
  return { from, counts, max };
}

/** The state of a server bank during one simulation of a FIFO queue. */
export interface ServerPool {
  /** Starts a customer ready at `ready` (nondecreasing from call to call) for `duration` seconds; returns the start (Infinity if never). */
  serve(ready: number, duration: number): number;
}

/**
 * Creates the cheapest bank that is exact for the schedule: a ring when the count is constant and every
 * service takes the same time (`equalService`), a heap of free times when only the count is constant,
 * and a heap that skips closed servers when the count changes over time.
 */
export function createServerPool(schedule: ServerSchedule, equalService = false): ServerPool {
  if (schedule.counts.length === 1) {
    const count = schedule.counts[0] as number;
    return equalService ? new RingPool(count) : new HeapPool(count);
  }
  return new ScheduledPool(schedule);
}

/** Constant count, equal service times: the earliest free server is the one that started c customers ago. */
class RingPool implements ServerPool {
  private readonly free: Float64Array;
  private at = 0;

  constructor(count: number) {
    // With no server at all nobody is ever served.
    this.free = new Float64Array(Math.max(1, count)).fill(count > 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
  }

  serve(ready: number, duration: number): number {
    const at = this.at;
    const t = Math.max(this.free[at] as number, ready);
    this.free[at] = t + duration;
    this.at = at + 1 === this.free.length ? 0 : at + 1;
    return t;
  }
}

/** Constant count: a binary min-heap of server free times (server identity does not matter). */
class HeapPool implements ServerPool {
  private readonly keys: Float64Array;

  constructor(count: number) {
    this.keys = new Float64Array(Math.max(1, count)).fill(count > 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
  }

  serve(ready: number, duration: number): number {
    const keys = this.keys;
    const t = Math.max(keys[0] as number, ready);
    // Replace the smallest free time with t + duration and sift it down.
    const key = t + duration;
    const n = keys.length;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ck = keys[c] as number;
      const r = c + 1;
      if (r < n) {
        const rk = keys[r] as number;
        if (rk < ck) {
          c = r;
          ck = rk;
        }
      }
      if (ck >= key) break;
      keys[i] = ck;
      i = c;
    }
    keys[i] = key;
    return t;
  }
}

/**
 * A count that changes over time. Server k is open while the scheduled count exceeds k; a server that
 * closes finishes its current customer first. Because ready times never decrease, a server found closed
 * can be pushed to its next opening without ever being needed earlier.
 */
class ScheduledPool implements ServerPool {
  private readonly keys: Float64Array;
  private readonly ids: Int32Array;
  private readonly size: number;
  private readonly from: Float64Array;
  private readonly counts: Int32Array;
  private readonly segments: number;
  private cursor = 0;

  constructor(schedule: ServerSchedule) {
    this.size = Math.max(1, schedule.max);
    this.from = schedule.from;
    this.counts = schedule.counts;
    this.segments = schedule.counts.length;
    this.keys = new Float64Array(this.size);
    this.ids = new Int32Array(this.size);
    for (let k = 0; k < this.size; k++) {
      this.ids[k] = k;
      this.keys[k] = this.openAt(k, Number.NEGATIVE_INFINITY);
    }
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  serve(ready: number, duration: number): number {
    const keys = this.keys;
    const from = this.from;
    while (this.cursor + 1 < this.segments && (from[this.cursor + 1] as number) <= ready) this.cursor++;
    for (;;) {
      const t = Math.max(keys[0] as number, ready);
      const open = this.openAt(this.ids[0] as number, t);
      if (open !== t) {
        // Closed at t: this server cannot start anyone before it reopens; later ready times are no earlier.
        keys[0] = open;
        this.siftDown(0);
        continue;
      }
      keys[0] = t + duration;
      this.siftDown(0);
      return t;
    }
  }

  /** The earliest time at or after t when server k is open. */
  private openAt(k: number, t: number): number {
    const from = this.from;
    const counts = this.counts;
    let j = this.cursor;
    while (j + 1 < this.segments && (from[j + 1] as number) <= t) j++;
    if ((counts[j] as number) > k) return t;
    for (j++; j < this.segments; j++) if ((counts[j] as number) > k) return from[j] as number;
    return Number.POSITIVE_INFINITY;
  }

  private siftDown(i: number): void {
    const keys = this.keys;
    const ids = this.ids;
    const n = this.size;
    const key = keys[i] as number;
    const id = ids[i] as number;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (keys[r] as number) < (keys[c] as number)) c = r;
      if ((keys[c] as number) >= key) break;
      keys[i] = keys[c] as number;
      ids[i] = ids[c] as number;
      i = c;
    }
    keys[i] = key;
    ids[i] = id;
  }
}
