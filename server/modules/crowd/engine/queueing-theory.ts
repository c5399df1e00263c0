/**
 * Closed-form results for the M/M/c queue (Poisson arrivals, exponential service, c servers, FIFO),
 * used to check the simulation and to bound searches. Erlang C formula: A. K. Erlang (1917); see
 * Gross, Shortle, Thompson & Harris, Fundamentals of Queueing Theory, 4th ed., §2.3.
 */

/**
 * Erlang C: the probability that an arrival must wait in an M/M/c queue with offered load a = λ/μ
 * (Erlangs) and c servers; 1 when the queue is unstable (a ≥ c). Computed through the Erlang B
 * recursion B(k) = a·B(k−1) / (k + a·B(k−1)), which avoids factorial overflow.
 */
export function erlangC(servers: number, offeredLoad: number): number {
  if (offeredLoad >= servers) return 1;
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  const rho = offeredLoad / servers;
  return b / (1 - rho * (1 - b));
}

/** Mean time in queue (excluding service) of an M/M/c queue: Wq = C(c, λ/μ) / (cμ − λ); rates per unit time. */
export function mmcMeanWait(servers: number, arrivalRate: number, serviceRate: number): number {
  const load = arrivalRate / serviceRate;
  if (load >= servers) return Number.POSITIVE_INFINITY;
  return erlangC(servers, load) / (servers * serviceRate - arrivalRate);
}
