/** Compact English text form of a hit's explanation (for CSV and logs); the web app renders the structured object. */
import type { Explanation } from './types.ts';

const f2 = (x: number) => x.toFixed(2);
const signed = (x: number) => (x > 0 ? `+${f2(x)}` : x < 0 ? f2(x) : '±0');

/** e.g. `name 0.93 [Mohamed=محمد transliteration 0.95 (generic); Rahman=Rehman variant 0.91] dob exact (1975-03-02/1975-03-02) +0.08; nationality match (IQ) +0.05 → 1.00 ≥ 0.70` */
export function explanationText(e: Explanation): string {
  const parts = e.tokens.map((t) => `${t.query}=${t.entry} ${t.kind} ${f2(t.similarity)}${t.isGeneric ? ' (common)' : ''}`);
  let s = `name ${f2(e.nameScore)} [${parts.join('; ')}]`;
  if (e.unmatchedQuery.length > 0) s += ` applicant-only: ${e.unmatchedQuery.join(' ')};`;
  if (e.unmatchedEntry.length > 0) s += ` list-only: ${e.unmatchedEntry.join(' ')};`;
  if (e.particles.length > 0) s += ` particles: ${e.particles.join(' ')};`;
  if (e.genericOnly) s += ' only common names matched (name score capped);';
  const bd = e.birthDate;
  s += ` dob ${bd.outcome}${bd.query || bd.entry ? ` (${bd.query ?? '?'}/${bd.entry ?? '?'})` : ''} ${signed(bd.adjustment)};`;
  const nat = e.nationality;
  s += ` nationality ${nat.outcome}${nat.query || nat.entry.length > 0 ? ` (${nat.query ?? '?'}/${nat.entry.join(',') || '?'})` : ''} ${signed(nat.adjustment)};`;
  if (e.gender.outcome !== 'unknown') s += ` gender ${e.gender.outcome} ${signed(e.gender.adjustment)};`;
  s += ` → ${f2(e.score)} ≥ ${f2(e.threshold)}`;
  return s;
}
