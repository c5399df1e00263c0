/**
 * Name score: parts are paired regardless of order (best similarity first), each pair counts with the
 * mean weight of its two parts (rare parts weigh more, Splink-style term-frequency weighting), and
 * parts left without a counterpart lower the score — more on the applicant's side than on the list's.
 */
import type { NamePart, PreparedName } from './names.ts';
import { partSimilarity, type PartSimilarity } from './similarity.ts';
import type { TokenMatch } from './types.ts';

/** Parts below this similarity are not paired. */
export const MIN_PART_SIMILARITY = 0.6;
/** Weight of an unmatched applicant part, relative to a matched one. */
export const UNMATCHED_QUERY_WEIGHT = 0.35;
/** Weight of an unmatched list part (lists often carry extra names: grandfather, tribe, kunya). */
export const UNMATCHED_ENTRY_WEIGHT = 0.2;
/**
 * Extra weight when both sides keep unmatched parts: a part present on both sides that does not match
 * is a conflict (Huber Meligeni vs Neto Meligeni), not merely a missing name.
 */
export const CONFLICT_WEIGHT = 0.7;
/** An unmatched part counts with at least this weight: a mismatch on a common name is still a mismatch. */
export const UNMATCHED_FLOOR = 0.7;
/** Ceiling of the name score when only generic or very common parts matched. */
export const GENERIC_CAP = 0.6;
/** Parts whose weight is below this count as common (not informative on their own). */
export const COMMON_WEIGHT = 0.35;

export interface NameComparison {
  score: number;
  tokens: TokenMatch[];
  unmatchedQuery: string[];
  unmatchedEntry: string[];
  genericOnly: boolean;
}

/** Weight of a part in 0.1..1 (generic parts at most 0.3). */
export type PartWeight = (part: NamePart) => number;

/** Weight without list statistics: 1, generic parts 0.3. */
export const defaultWeight: PartWeight = (p) => (p.isGeneric ? 0.3 : 1);

/** Optional memo of part similarities, keyed by the list part (one memo per applicant part). */
export type SimilarityMemo = Map<NamePart, PartSimilarity>[];

interface Pair {
  i: number;
  j: number;
  s: PartSimilarity;
}

/**
 * Compares an applicant's name with a list name, given the weights of their parts (same order as
 * `parts`). Without `explain` only the score is computed (no token list), which is what the
 * screening loop needs for most candidates.
 */
export function compareNames(
  q: PreparedName,
  e: PreparedName,
  wq: ArrayLike<number>,
  we: ArrayLike<number>,
  memo?: SimilarityMemo,
  explain = true,
): NameComparison {
  const nq = q.parts.length;
  const ne = e.parts.length;
  const cand: Pair[] = [];
  for (let i = 0; i < nq; i++) {
    const qp = q.parts[i] as NamePart;
    const m = memo?.[i];
    for (let j = 0; j < ne; j++) {
      const ep = e.parts[j] as NamePart;
      let s = m?.get(ep);
      if (!s) {
        s = partSimilarity(qp, ep);
        m?.set(ep, s);
      }
      if (s.similarity >= MIN_PART_SIMILARITY) cand.push({ i, j, s });
    }
  }
  if (cand.length > 1) cand.sort((a, b) => b.s.similarity - a.s.similarity || a.i - b.i || a.j - b.j);
  let usedQ = 0;
  let usedE = 0;
  const tokens: TokenMatch[] = [];
  let num = 0;
  let den = 0;
  let informative = false;
  let matched = 0;
  for (const c of cand) {
    if (usedQ & (1 << c.i) || usedE & (1 << c.j)) continue;
    usedQ |= 1 << c.i;
    usedE |= 1 << c.j;
    matched++;
    const qp = q.parts[c.i] as NamePart;
    const ep = e.parts[c.j] as NamePart;
    const a = wq[c.i] as number;
    const b = we[c.j] as number;
    const w = (a + b) / 2;
    num += c.s.similarity * w;
    den += w;
    const isGeneric = qp.isGeneric || ep.isGeneric || Math.min(a, b) < COMMON_WEIGHT;
    if (!isGeneric && c.s.kind !== 'initial') informative = true;
    if (explain) tokens.push({ query: qp.raw, entry: ep.raw, kind: c.s.kind, similarity: round(c.s.similarity), weight: round(w), isGeneric });
  }
  const unmatchedQuery: string[] = [];
  const unmatchedEntry: string[] = [];
  let uq = 0;
  let ue = 0;
  for (let i = 0; i < nq; i++) {
    if (usedQ & (1 << i)) continue;
    uq += Math.max(UNMATCHED_FLOOR, wq[i] as number);
    if (explain) unmatchedQuery.push((q.parts[i] as NamePart).raw);
  }
  for (let j = 0; j < ne; j++) {
    if (usedE & (1 << j)) continue;
    ue += Math.max(UNMATCHED_FLOOR, we[j] as number);
    if (explain) unmatchedEntry.push((e.parts[j] as NamePart).raw);
  }
  den += UNMATCHED_QUERY_WEIGHT * uq + UNMATCHED_ENTRY_WEIGHT * ue + CONFLICT_WEIGHT * Math.min(uq, ue);
  let score = den > 0 ? num / den : 0;
  const genericOnly = matched > 0 && !informative;
  if (genericOnly) score = Math.min(score, GENERIC_CAP);
  return { score: round(score), tokens, unmatchedQuery, unmatchedEntry, genericOnly };
}

/** Compares two names without list statistics (every part weighs 1, generic parts 0.3). */
export function compareNamesPlain(q: PreparedName, e: PreparedName): NameComparison {
  return compareNames(q, e, q.parts.map(defaultWeight), e.parts.map(defaultWeight));
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
