import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';
import { drawScreeningTimes, normalQuantile } from './screening-service.ts';

function stats(values: Float64Array): { mean: number; sd: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(sq / (values.length - 1)) };
}

describe('screening service times', () => {
  it('normal quantiles match table values to 1e-8', () => {
    // Standard normal table values: Φ⁻¹(0.975) = 1.959963985, Φ⁻¹(0.001) = −3.090232306, Φ(1) = 0.841344746.
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 8);
    expect(normalQuantile(0.9999)).toBeCloseTo(3.719016485455709, 8);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080407, 8);
  });

  it('lognormal, exponential and fixed times have the requested mean and s.d.; 10 % get a 45 s secondary search', () => {
    const n = 400_000;
    const lane = new Float64Array(n);
    const extra = new Float64Array(n);
    drawScreeningTimes({ kind: 'lognormal', meanSeconds: 6, sdSeconds: 2 }, { rate: 0.1, seconds: 45 }, createRandom(1), lane, extra, 0, n);
    const ln = stats(lane);
    expect(ln.mean).toBeCloseTo(6, 1);
    expect(ln.sd).toBeCloseTo(2, 1);
    expect(extra.filter((x) => x === 45).length / n).toBeCloseTo(0.1, 2);
    drawScreeningTimes({ kind: 'exponential', meanSeconds: 6 }, undefined, createRandom(2), lane, extra, 0, n);
    const ex = stats(lane);
    expect(ex.mean).toBeCloseTo(6, 1);
    expect(ex.sd).toBeCloseTo(6, 1);
    drawScreeningTimes({ kind: 'fixed', seconds: 6 }, { rate: 0.2, seconds: 30, blocksLane: true }, createRandom(3), lane, extra, 0, n);
    expect(stats(lane).mean).toBeCloseTo(6 + 0.2 * 30, 1);
    expect(extra.every((x) => x === 0)).toBe(true);
  });

  it('lognormal times are exp(μ + σ·normalQuantile(u)) of the stream uniforms, up to rounding (the draw loop writes Φ⁻¹ out)', () => {
    const n = 100_000;
    const lane = new Float64Array(n);
    drawScreeningTimes({ kind: 'lognormal', meanSeconds: 6, sdSeconds: 2 }, undefined, createRandom(4), lane, new Float64Array(n), 0, n);
    const u = new Float64Array(n);
    createRandom(4).fill(u);
    const sigma2 = Math.log(1 + 4 / 36);
    const mu = Math.log(6) - sigma2 / 2;
    // The draws run in WebAssembly, whose log and exp (AssemblyScript's, after musl) may round the last
    // bit differently from V8's; in the tails a log's last bit passes through Acklam's polynomial.
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const expected = Math.exp(mu + Math.sqrt(sigma2) * normalQuantile(u[i] as number));
      worst = Math.max(worst, Math.abs((lane[i] as number) - expected) / expected);
    }
    expect(worst).toBeLessThan(16 * Number.EPSILON);
  });
});
