/**
 * Letter-level Arabic ↔ Latin transliteration model: how each Arabic letter is written in Latin (a chunk
 * of 0–3 letters), and which Latin letters are written without an Arabic letter (mostly short vowels).
 * The probabilities are learned by expectation–maximisation from the training pairs only
 * (`scripts/build-name-variants.ts`); this file holds the shared encoding, the training step and the
 * scorer used by the engine: the cost of the best alignment of an Arabic part with a Latin spelling.
 */

/** Latin letter → 1..26; a chunk of up to three letters → l1 + 27·l2 + 729·l3 (0 = empty chunk). */
export const CHUNK_SPACE = 27 * 27 * 27;
export const MAX_CHUNK = 3;

/** Arabic letters whose reading depends on the position (alef, waw, yeh, ʿayn, heh, teh marbuta). */
export const ARABIC_POSITIONAL: ReadonlySet<string> = new Set(['ا', 'و', 'ي', 'ع', 'ه', 'ة', 'ء']);
/** Latin letters whose reading depends on the position (vowels, h, w, y: Yusuf/Iousouf, silent final e and h). */
export const LATIN_POSITIONAL: ReadonlySet<string> = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'h', 'w']);

/** Symbol of a source letter at a position: positional letters get `^` (first) or `$` (last). */
export function arabicSymbol(word: string, i: number, positional: ReadonlySet<string> = ARABIC_POSITIONAL): string {
  const ch = word[i] ?? '';
  if (!positional.has(ch)) return ch;
  if (i === 0) return `${ch}^`;
  if (i === word.length - 1) return `${ch}$`;
  return ch;
}

export function latinCodes(latin: string): Int32Array {
  const out = new Int32Array(latin.length);
  for (let i = 0; i < latin.length; i++) {
    const c = latin.charCodeAt(i) - 96;
    out[i] = c >= 1 && c <= 26 ? c : 0;
  }
  return out;
}

function chunkCode(codes: Int32Array, j: number, k: number): number {
  let code = 0;
  let mul = 1;
  for (let t = 0; t < k; t++) {
    code += (codes[j + t] as number) * mul;
    mul *= 27;
  }
  return code;
}

/** Serialised model: `symbol → { chunk: cost }` (cost = −ln p); symbol `_` is an inserted Latin letter. */
export interface AlignModelData {
  emit: Record<string, Record<string, number>>;
}

/** Scratch alignment grid (single-threaded per worker). */
const GRID = new Float64Array(41 * 61);

/** Costs above this for an operation not learned at all (a single letter). */
const UNSEEN_COST = 9;
const INF = 1e9;

export class AlignModel {
  private readonly symbols = new Map<string, number>();
  /** cost[(symbol) * CHUNK_SPACE + chunk]; symbol 0 = insertion. */
  private readonly cost: Float32Array;

  constructor(
    data: AlignModelData,
    private readonly positional: ReadonlySet<string> = ARABIC_POSITIONAL,
  ) {
    const syms = Object.keys(data.emit).filter((s) => s !== '_').sort();
    syms.forEach((s, i) => {
      this.symbols.set(s, i + 1);
    });
    this.cost = new Float32Array((syms.length + 1) * CHUNK_SPACE).fill(INF);
    for (let s = 0; s <= syms.length; s++) {
      // Any single letter (or dropping an Arabic letter) stays possible at a high cost.
      for (let c = 0; c <= 26; c++) this.cost[s * CHUNK_SPACE + c] = s === 0 && c === 0 ? INF : UNSEEN_COST;
    }
    for (const [sym, chunks] of Object.entries(data.emit)) {
      const s = sym === '_' ? 0 : (this.symbols.get(sym) as number);
      for (const [chunk, c] of Object.entries(chunks)) {
        const code = chunkCode(latinCodes(chunk), 0, chunk.length);
        if (s === 0 && code === 0) continue;
        this.cost[s * CHUNK_SPACE + code] = c;
      }
    }
  }

  private symbolIds(arabic: string): Int32Array {
    const out = new Int32Array(arabic.length);
    for (let i = 0; i < arabic.length; i++) out[i] = this.symbols.get(arabicSymbol(arabic, i, this.positional)) ?? this.symbols.get(arabic[i] ?? '') ?? -1;
    return out;
  }

  /**
   * Cost (−ln p) of the best alignment of a normalised Arabic part with a folded Latin spelling,
   * or Infinity when the Arabic part has letters the model does not know.
   */
  cost_(arabic: string, latin: string): number {
    const n = arabic.length;
    const m = latin.length;
    if (n === 0 || m === 0 || n > 40 || m > 60) return Number.POSITIVE_INFINITY;
    const syms = this.symbolIds(arabic);
    const codes = latinCodes(latin);
    const w = m + 1;
    const d = GRID;
    d.fill(INF, 0, (n + 1) * w);
    d[0] = 0;
    const cost = this.cost;
    for (let i = 0; i <= n; i++) {
      const s = i < n ? (syms[i] as number) : -2;
      if (s === -1) return Number.POSITIVE_INFINITY;
      for (let j = 0; j <= m; j++) {
        const here = d[i * w + j] as number;
        if (here >= INF) continue;
        // Inserted Latin letter (a short vowel, a silent letter).
        if (j < m) {
          const v = here + (cost[codes[j] as number] as number);
          if (v < (d[i * w + j + 1] as number)) d[i * w + j + 1] = v;
        }
        if (i === n) continue;
        const base = s * CHUNK_SPACE;
        let code = 0;
        let mul = 1;
        for (let k = 0; k <= MAX_CHUNK && j + k <= m; k++) {
          if (k > 0) {
            code += (codes[j + k - 1] as number) * mul;
            mul *= 27;
          }
          const c = cost[base + code] as number;
          if (c >= INF) continue;
          const v = here + c;
          const at = (i + 1) * w + j + k;
          if (v < (d[at] as number)) d[at] = v;
        }
      }
    }
    return d[n * w + m] as number;
  }
}

/**
 * One EM pass over the pairs (forward–backward on the alignment grid): expected counts of every
 * operation under the current model `prob(symbol, chunk)` (chunk codes as above; symbol `_` inserts).
 */
export function emPass(
  pairs: readonly { arabic: string; latin: string; weight: number }[],
  prob: (symbol: string, chunk: number) => number,
  positional: ReadonlySet<string> = ARABIC_POSITIONAL,
): Map<string, Map<number, number>> {
  const counts = new Map<string, Map<number, number>>();
  const addCount = (sym: string, chunk: number, x: number) => {
    let m = counts.get(sym);
    if (!m) {
      m = new Map();
      counts.set(sym, m);
    }
    m.set(chunk, (m.get(chunk) ?? 0) + x);
  };
  for (const { arabic, latin, weight } of pairs) {
    const n = arabic.length;
    const m = latin.length;
    const w = m + 1;
    const codes = latinCodes(latin);
    const syms: string[] = [];
    for (let i = 0; i < n; i++) syms.push(arabicSymbol(arabic, i, positional));
    // Operation probabilities on this grid, computed once.
    const ins = new Float64Array(m);
    for (let j = 0; j < m; j++) ins[j] = prob('_', codes[j] as number);
    const emit = new Float64Array(n * w * (MAX_CHUNK + 1));
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= m; j++)
        for (let k = 0; k <= MAX_CHUNK && j + k <= m; k++) emit[(i * w + j) * (MAX_CHUNK + 1) + k] = prob(syms[i] as string, chunkCode(codes, j, k));
    const a = new Float64Array((n + 1) * w);
    a[0] = 1;
    for (let i = 0; i <= n; i++)
      for (let j = 0; j <= m; j++) {
        const here = a[i * w + j] as number;
        if (here === 0) continue;
        if (j < m) a[i * w + j + 1] = (a[i * w + j + 1] as number) + here * (ins[j] as number);
        if (i < n) for (let k = 0; k <= MAX_CHUNK && j + k <= m; k++) a[(i + 1) * w + j + k] = (a[(i + 1) * w + j + k] as number) + here * (emit[(i * w + j) * (MAX_CHUNK + 1) + k] as number);
      }
    const z = a[n * w + m] as number;
    if (!(z > 0)) continue;
    const b = new Float64Array((n + 1) * w);
    b[n * w + m] = 1;
    for (let i = n; i >= 0; i--)
      for (let j = m; j >= 0; j--) {
        let v = i === n && j === m ? 1 : 0;
        if (j < m) v += (ins[j] as number) * (b[i * w + j + 1] as number);
        if (i < n) for (let k = 0; k <= MAX_CHUNK && j + k <= m; k++) v += (emit[(i * w + j) * (MAX_CHUNK + 1) + k] as number) * (b[(i + 1) * w + j + k] as number);
        b[i * w + j] = v;
      }
    for (let i = 0; i <= n; i++)
      for (let j = 0; j <= m; j++) {
        const here = a[i * w + j] as number;
        if (here === 0) continue;
        if (j < m) {
          const x = (here * (ins[j] as number) * (b[i * w + j + 1] as number)) / z;
          if (x > 1e-6) addCount('_', codes[j] as number, x * weight);
        }
        if (i < n)
          for (let k = 0; k <= MAX_CHUNK && j + k <= m; k++) {
            const x = (here * (emit[(i * w + j) * (MAX_CHUNK + 1) + k] as number) * (b[(i + 1) * w + j + k] as number)) / z;
            if (x > 1e-6) addCount(syms[i] as string, chunkCode(codes, j, k), x * weight);
          }
      }
  }
  return counts;
}

export function chunkString(code: number): string {
  let s = '';
  let c = code;
  while (c > 0) {
    s += String.fromCharCode(96 + (c % 27));
    c = Math.floor(c / 27);
  }
  return s;
}
