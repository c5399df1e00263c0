/** Accuracy of the screening engine on an evaluation set: recall per variant class, false-alert rates, curves. */
import { type PreparedPerson, preparePerson, screenPrepared } from '../../server/modules/vetting/engine/screen.ts';
import { buildIndex, type WatchlistIndex } from '../../server/modules/vetting/engine/watchlist-index.ts';
import type { EvaluationSet, ProbeKind } from './dataset.ts';
import { PROBE_KINDS } from './dataset.ts';

export const CURVE_THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

export interface AccuracyReport {
  threshold: number;
  /** Recall per class, names only. */
  recallNameOnly: Record<ProbeKind, number>;
  /** Recall per class, with birth date and nationality. */
  recallWithEvidence: Record<ProbeKind, number>;
  /** Share of non-matching people with at least one hit. */
  falseAlertNameOnly: number;
  falseAlertWithEvidence: number;
  /** Per threshold: recall over all probes and false-alert rate, names only and with evidence. */
  curve: { threshold: number; recallNameOnly: number; recallWithEvidence: number; falseNameOnly: number; falseWithEvidence: number; precisionNameOnly: number; precisionWithEvidence: number }[];
  misses: { kind: ProbeKind; name: string; expected: string; best?: string; bestScore?: number }[];
  falseAlerts: { name: string; matched: string; score: number }[];
  probes: number;
  negatives: number;
}

/**
 * Screens every probe and negative at the lowest curve threshold once and derives every figure from
 * the scores (a hit's score does not depend on the threshold).
 */
export function evaluate(set: EvaluationSet, threshold: number, index: WatchlistIndex = buildIndex(set.entries)): AccuracyReport {
  const low = Math.min(...CURVE_THRESHOLDS, threshold);
  const trueScore = (p: PreparedPerson, expected: string) => {
    const hits = screenPrepared(index, p, { threshold: low, maxHits: 50 });
    const h = hits.find((x) => x.entryId === expected);
    return { score: h?.score ?? 0, best: hits[0] };
  };
  const maxScore = (p: PreparedPerson) => screenPrepared(index, p, { threshold: low, maxHits: 1 })[0];
  const posName: { kind: ProbeKind; score: number }[] = [];
  const posEv: { kind: ProbeKind; score: number }[] = [];
  const misses: AccuracyReport['misses'] = [];
  for (const probe of set.probes) {
    const a = trueScore(preparePerson(probe.nameOnly), probe.entryId);
    const b = trueScore(preparePerson(probe.withEvidence), probe.entryId);
    posName.push({ kind: probe.kind, score: a.score });
    posEv.push({ kind: probe.kind, score: b.score });
    if (a.score < threshold && misses.length < 400)
      misses.push({
        kind: probe.kind,
        name: probe.nameOnly.fullName ?? '',
        expected: set.entries.find((e) => e.id === probe.entryId)?.names[0]?.full ?? '',
        ...(a.best ? { best: a.best.matchedName, bestScore: a.best.score } : {}),
      });
  }
  const negName: number[] = [];
  const negEv: number[] = [];
  const falseAlerts: AccuracyReport['falseAlerts'] = [];
  for (const n of set.negatives) {
    const a = maxScore(preparePerson(n.nameOnly));
    const b = maxScore(preparePerson(n.withEvidence));
    negName.push(a?.score ?? 0);
    negEv.push(b?.score ?? 0);
    if (b && b.score >= threshold && falseAlerts.length < 50) falseAlerts.push({ name: n.withEvidence.fullName ?? '', matched: b.matchedName, score: b.score });
  }
  const recallBy = (arr: { kind: ProbeKind; score: number }[], t: number) => {
    const out = {} as Record<ProbeKind, number>;
    for (const k of PROBE_KINDS) {
      const xs = arr.filter((x) => x.kind === k);
      out[k] = xs.length === 0 ? Number.NaN : xs.filter((x) => x.score >= t).length / xs.length;
    }
    return out;
  };
  const rate = (xs: number[], t: number) => xs.filter((x) => x >= t).length / Math.max(1, xs.length);
  const curve = CURVE_THRESHOLDS.map((t) => {
    const rN = rate(posName.map((x) => x.score), t);
    const rE = rate(posEv.map((x) => x.score), t);
    const fN = rate(negName, t);
    const fE = rate(negEv, t);
    // Precision with as many non-matching as matching applicants.
    const prec = (r: number, f: number) => (r + f === 0 ? 1 : r / (r + f));
    return { threshold: t, recallNameOnly: rN, recallWithEvidence: rE, falseNameOnly: fN, falseWithEvidence: fE, precisionNameOnly: prec(rN, fN), precisionWithEvidence: prec(rE, fE) };
  });
  return {
    threshold,
    recallNameOnly: recallBy(posName, threshold),
    recallWithEvidence: recallBy(posEv, threshold),
    falseAlertNameOnly: rate(negName, threshold),
    falseAlertWithEvidence: rate(negEv, threshold),
    curve,
    misses,
    falseAlerts,
    probes: set.probes.length,
    negatives: set.negatives.length,
  };
}
