/**
 * Similarity of two name parts, with the kind of correspondence an officer can read:
 * same, variant (known variant group or same consonant skeleton), transliteration (across scripts),
 * phonetic (close skeletons), typo (small edit distance), initial.
 */
import { osaDistance } from './distance.ts';
import { alignModel, latinAlignModel } from './knowledge.ts';
import type { NamePart } from './names.ts';
import type { TokenMatchKind } from './types.ts';

export interface PartSimilarity {
  similarity: number;
  kind: TokenMatchKind;
}

const NONE: PartSimilarity = { similarity: 0, kind: 'phonetic' };

/** Score of two consonant skeletons at edit distance `d`, the longer one `len` classes long (no vowel information). */
function skeletonScore(d: number, len: number): number {
  if (d === 0) return len >= 3 ? 0.9 : len === 2 ? 0.84 : 0.7;
  if (d === 1) return len >= 5 ? 0.82 : len === 4 ? 0.78 : len === 3 ? 0.68 : 0;
  if (d === 2) return len >= 7 ? 0.7 : len >= 6 ? 0.64 : 0;
  return 0;
}

/** Best ratio between two sets of strings (1 − distance / longer length). */
function bestRatio(as: readonly string[], bs: readonly string[]): number {
  let best = 0;
  for (const a of as) {
    for (const b of bs) {
      const len = Math.max(a.length, b.length);
      if (len === 0) continue;
      const r = 1 - osaDistance(a, b, Math.ceil(len / 2)) / len;
      if (r > best) best = r;
    }
  }
  return best;
}

function intersects(a: readonly number[], b: readonly number[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/**
 * Similarity of an Arabic-script part and a Latin spelling from the letter-level model: the cost of the
 * best alignment per Latin letter, mapped to 0..1 (calibrated on the dev split: 1.0 nat/letter or less
 * is a usual rendering; 3 and above is not a rendering).
 */
export function alignSimilarity(arabicKey: string, latinKey: string): number {
  const memoKey = `${arabicKey}\t${latinKey}`;
  let v = alignMemo.get(memoKey);
  if (v === undefined) {
    v = computeAlignSimilarity(arabicKey, latinKey);
    if (alignMemo.size >= 200_000) alignMemo.clear();
    alignMemo.set(memoKey, v);
  }
  return v;
}
/** Pairs recur (common names): their similarities are kept (bounded; cleared when full). */
const alignMemo = new Map<string, number>();

function computeAlignSimilarity(arabicKey: string, latinKey: string): number {
  let c = alignModel.cost_(arabicKey, latinKey) / latinKey.length;
  // A glued article on the Latin side (Alrashid) against an Arabic part whose article was set aside.
  if (/^(al|el)[^aeiouy]/.test(latinKey) && latinKey.length >= 5) c = Math.min(c, alignModel.cost_(arabicKey, latinKey.slice(2)) / (latinKey.length - 2));
  if (!Number.isFinite(c)) return 0;
  return Math.max(0, Math.min(ALIGN_TOP, ALIGN_TOP - ALIGN_SLOPE * (c - ALIGN_KNEE)));
}
export const ALIGN_TOP = 0.95;
export const ALIGN_KNEE = 1.0;
export const ALIGN_SLOPE = 0.16;

/**
 * Similarity of two Latin spellings from the learned Latin ↔ Latin model: the mean of both directions'
 * best-alignment cost per letter, mapped to 0..1 (calibrated on the dev split).
 */
export function spellingSimilarity(a: string, b: string): number {
  const memoKey = a < b ? `${a}\t${b}` : `${b}\t${a}`;
  let v = spellingMemo.get(memoKey);
  if (v === undefined) {
    const c = (latinAlignModel.cost_(a, b) / b.length + latinAlignModel.cost_(b, a) / a.length) / 2;
    v = Number.isFinite(c) ? Math.max(0, Math.min(SPELL_TOP, SPELL_TOP - SPELL_SLOPE * (c - SPELL_KNEE))) : 0;
    if (spellingMemo.size >= 200_000) spellingMemo.clear();
    spellingMemo.set(memoKey, v);
  }
  return v;
}
const spellingMemo = new Map<string, number>();
export const SPELL_TOP = 0.95;
export const SPELL_KNEE = 1.0;
export const SPELL_SLOPE = 0.25;

/** Compares two prepared name parts (applicant side first). Symmetric except for initials. */
export function partSimilarity(q: NamePart, e: NamePart): PartSimilarity {
  if (q.key === e.key) return { similarity: 1, kind: 'same' };
  const qArabic = q.script === 'arabic';
  const eArabic = e.script === 'arabic';
  const cross = qArabic !== eArabic;
  if (!qArabic && !eArabic) {
    if (q.key.length === 1 || e.key.length === 1) {
      const [short, long] = q.key.length === 1 ? [q.key, e.key] : [e.key, q.key];
      return long.startsWith(short) ? { similarity: 0.6, kind: 'initial' } : NONE;
    }
    if (q.loose === e.loose) return { similarity: 0.97, kind: 'variant' };
  }
  if (intersects(q.groups, e.groups)) return { similarity: 0.95, kind: cross ? 'transliteration' : 'variant' };

  // Latin forms: the part itself, or the learned renderings of an Arabic part.
  for (const a of q.looseForms) {
    for (const b of e.looseForms) if (a === b) return { similarity: 0.95, kind: cross ? 'transliteration' : 'variant' };
  }
  let bestD = 99;
  let bestLen = 0;
  for (const sa of q.skels) {
    for (const sb of e.skels) {
      const len = Math.max(sa.length, sb.length);
      const d = osaDistance(sa, sb, 2);
      if (d < bestD || (d === bestD && len > bestLen)) {
        bestD = d;
        bestLen = len;
      }
    }
  }
  const vowelsKnown = (!qArabic || q.isLearned) && (!eArabic || e.isLearned);
  const skelPossible = vowelsKnown ? bestD <= 1 : skeletonScore(bestD, bestLen) > 0;
  const phon = skelPossible ? bestRatio(q.phons, e.phons) : 0;
  let skel = 0;
  if (vowelsKnown) {
    // Both sides have real Latin spellings: the vowels tell Omar from Amir, Chris from Shiraishi.
    if (bestD === 0 && bestLen >= 1) skel = 0.3 + 0.65 * phon;
    else if (bestD === 1 && bestLen >= 3) skel = 0.2 + 0.65 * phon;
  } else if (skelPossible) {
    // A part never seen in training, in Arabic script: its short vowels are not written.
    skel = skeletonScore(bestD, bestLen) - 0.15 * (1 - phon);
  }
  let latin = 0;
  if (!cross) {
    // A typo: at most one edit in four letters.
    const len = Math.max(q.loose.length, e.loose.length);
    const max = Math.floor(len / 4);
    if (max >= 1 && Math.abs(q.loose.length - e.loose.length) <= max) {
      const d = osaDistance(q.loose, e.loose, max);
      if (d <= max) latin = 1 - d / len;
    }
  }
  const typo = latin >= 0.75 ? latin : 0;
  // Learned spelling correspondences (ou/u, ph/f, silent h, final e …) for parts not close by the rules.
  if (!cross && Math.max(skel, typo) < 0.9 && (bestD <= 1 || (bestD === 2 && bestLen >= 5)) && q.key.length >= 2 && e.key.length >= 2) {
    const sp = spellingSimilarity(q.key, e.key);
    if (sp > Math.max(skel, typo)) return { similarity: sp, kind: bestD === 0 ? 'variant' : 'phonetic' };
  }
  if (cross) {
    const [ar, la] = qArabic ? [q, e] : [e, q];
    // Far skeletons are no rendering: skip the alignment (most candidate pairs).
    const a = la.key.length >= 2 && (bestD <= 1 || (bestD === 2 && bestLen >= 4)) ? alignSimilarity(ar.key, la.key) : 0;
    const best = Math.max(skel, a);
    return best > 0 ? { similarity: best, kind: 'transliteration' } : NONE;
  }
  if (bestD === 0 && skel > 0) return { similarity: Math.max(skel, typo), kind: 'variant' };
  if (typo >= skel && typo > 0) return { similarity: typo, kind: 'typo' };
  if (skel > 0) return { similarity: skel, kind: 'phonetic' };
  return NONE;
}
