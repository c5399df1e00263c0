/**
 * Seeded pseudo-random numbers for the crowd engine: sfc32 (Chris Doty-Humphrey's "small fast
 * counting" generator, PractRand-clean) seeded through splitmix32, so every run is reproducible
 * from one integer seed and independent streams can be derived per gate and purpose.
 */

/** A seeded stream of random numbers. */
export interface Random {
  /** Uniform in the open interval (0, 1): never 0, so `-Math.log(u)` is always finite. */
  next(): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Standard normal (Marsaglia polar method). */
  normal(): number;
  /** Fills `out[from, to)` with uniforms in (0, 1), the same values `next()` would give, in bulk for speed. */
  fill(out: Float64Array, from?: number, to?: number): void;
}

const TWO_POW_32 = 4294967296;

/** Mixes a 32-bit value (splitmix32 finaliser), used to spread seeds and stream keys over all bits. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** Derives the seed of an independent stream from a base seed and integer keys (e.g. purpose, gate index). */
export function deriveSeed(seed: number, ...keys: number[]): number {
  // Fold both halves of a seed up to 2^53 so that large seeds still differ.
  let h = mix32((seed >>> 0) ^ mix32(Math.floor(seed / TWO_POW_32) >>> 0));
  for (const k of keys) h = mix32(h ^ mix32(k >>> 0));
  return h;
}

/** Creates a seeded generator; the same seed always yields the same sequence. */
export function createRandom(seed: number): Random {
  const s0 = deriveSeed(seed);
  let a = mix32(s0);
  let b = mix32(a);
  let c = mix32(b);
  let d = 1;
  let spare = 0;
  let hasSpare = false;
  const nextUint = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The generator's authors recommend discarding the first outputs to decorrelate nearby seeds.
  for (let i = 0; i < 12; i++) nextUint();
  const next = (): number => (nextUint() + 0.5) / TWO_POW_32;
  const fill = (out: Float64Array, from = 0, to = out.length): void => {
    // Same recurrence as nextUint with the state in locals, so the loop stays in registers.
    let sa = a;
    let sb = b;
    let sc = c;
    let sd = d;
    for (let i = from; i < to; i++) {
      const t = (((sa + sb) | 0) + sd) | 0;
      sd = (sd + 1) | 0;
      sa = sb ^ (sb >>> 9);
      sb = (sc + (sc << 3)) | 0;
      sc = (sc << 21) | (sc >>> 11);
      sc = (sc + t) | 0;
      out[i] = ((t >>> 0) + 0.5) / TWO_POW_32;
    }
    a = sa;
    b = sb;
    c = sc;
    d = sd;
  };
  return {
    next,
    fill,
    exponential: (mean: number): number => -mean * Math.log(next()),
    normal: (): number => {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      let u = 0;
      let v = 0;
      let q = 0;
      do {
        u = 2 * next() - 1;
        v = 2 * next() - 1;
        q = u * u + v * v;
      } while (q >= 1 || q === 0);
      const f = Math.sqrt((-2 * Math.log(q)) / q);
      spare = v * f;
      hasSpare = true;
      return u * f;
    },
  };
}
