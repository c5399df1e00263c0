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

/** Compares an applicant's name with a list name. */
export function compareNames(
  q: PreparedName,
  e: PreparedName,
  weightQ: PartWeight,
  weightE: PartWeight,
  memo?: SimilarityMemo,
): NameComparison {
  const nq = q.parts.length;
  const ne = e.parts.length;
  const cand: { i: number; j: number; s: PartSimilarity }[] = [];
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
  cand.sort((a, b) => b.s.similarity - a.s.similarity || a.i - b.i || a.j - b.j);
  const usedQ = new Uint8Array(nq);
  const usedE = new Uint8Array(ne);
  const tokens: TokenMatch[] = [];
  let num = 0;
  let den = 0;
  let informative = false;
  for (const c of cand) {
    if (usedQ[c.i] || usedE[c.j]) continue;
    usedQ[c.i] = 1;
    usedE[c.j] = 1;
    const qp = q.parts[c.i] as NamePart;
    const ep = e.parts[c.j] as NamePart;
    const wq = weightQ(qp);
    const we = weightE(ep);
    const w = (wq + we) / 2;
    num += c.s.similarity * w;
    den += w;
    const isGeneric = qp.isGeneric || ep.isGeneric || Math.min(wq, we) < COMMON_WEIGHT;
    if (!isGeneric && c.s.kind !== 'initial') informative = true;
    tokens.push({ query: qp.raw, entry: ep.raw, kind: c.s.kind, similarity: round(c.s.similarity), weight: round(w), isGeneric });
  }
  const unmatchedQuery: string[] = [];
  const unmatchedEntry: string[] = [];
  let uq = 0;
  let ue = 0;
  for (let i = 0; i < nq; i++) {
    if (usedQ[i]) continue;
    const p = q.parts[i] as NamePart;
    uq += Math.max(UNMATCHED_FLOOR, weightQ(p));
    unmatchedQuery.push(p.raw);
  }
  for (let j = 0; j < ne; j++) {
    if (usedE[j]) continue;
    const p = e.parts[j] as NamePart;
    ue += Math.max(UNMATCHED_FLOOR, weightE(p));
    unmatchedEntry.push(p.raw);
  }
  den += UNMATCHED_QUERY_WEIGHT * uq + UNMATCHED_ENTRY_WEIGHT * ue + CONFLICT_WEIGHT * Math.min(uq, ue);
  let score = den > 0 ? num / den : 0;
  const genericOnly = tokens.length > 0 && !informative;
  if (genericOnly) score = Math.min(score, GENERIC_CAP);
  return { score: round(score), tokens, unmatchedQuery, unmatchedEntry, genericOnly };
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
