/**
 * Screening one person against an indexed list: retrieve candidates through the index, score the
 * names, adjust by birth date, nationality and gender, explain, and keep the hits at or above the threshold.
 */
import { toCountryCodes } from './countries.ts';
import { compareDates, DATE_ADJUSTMENT, formatBirthDate, parsePartialDate } from './dates.ts';
import { type NamePart, type PreparedName, prepareName } from './names.ts';
import { compareNames, round, type SimilarityMemo } from './score.ts';
import type { BirthDate, Explanation, Gender, GenderOutcome, Hit, NationalityOutcome, PersonInput, ScreenOptions } from './types.ts';
import { queryKeys, type WatchlistIndex } from './watchlist-index.ts';

/**
 * Default alert threshold, as in OpenSanctions' matcher (0.70). On the held-out evaluation it keeps
 * recall ≥ 0.99 for spelling variants and typos and ≥ 0.98 across scripts (see docs/name-screening.md).
 */
export const DEFAULT_THRESHOLD = 0.7;

export const NATIONALITY_ADJUSTMENT: Record<NationalityOutcome, number> = { match: 0.05, different: -0.2, unknown: 0 };
export const GENDER_ADJUSTMENT: Record<GenderOutcome, number> = { match: 0, different: -0.2, unknown: 0 };

/** Candidate list names fully scored per applicant name. */
const MAX_CANDIDATES = 30;
/** Candidate ranking: penalty per list-name part beyond the applicant's number of parts. */
const EXTRA_PART_RANK_PENALTY = 0.08;
/** Postings read per applicant part before its weaker keys are skipped. */
const PART_BUDGET = 6000;
/** Posting lists of near keys (one edit away) longer than this are not read. */
const NEAR_KEY_CAP = 600;
/** A candidate must share keys worth this share of the applicant's name weight. */
const MIN_KEY_SHARE = 0.35;

export interface PreparedPerson {
  id: string;
  names: PreparedName[];
  birthDate?: BirthDate;
  rawBirthDate?: string;
  nationalities: string[];
  rawNationality?: string;
  gender?: Gender;
}

/** Applicant names to compare: the full name, and the parts joined when they differ from it. */
export function personNames(p: PersonInput): string[] {
  const out: string[] = [];
  const full = p.fullName?.trim();
  if (full) out.push(full);
  const joined = [p.firstName, p.middleName, p.lastName].map((x) => x?.trim()).filter(Boolean).join(' ');
  if (joined && joined.toLowerCase() !== full?.toLowerCase()) out.push(joined);
  return out;
}

export function preparePerson(p: PersonInput): PreparedPerson {
  const out: PreparedPerson = {
    id: p.id,
    names: personNames(p)
      .map(prepareName)
      .filter((n) => n.parts.length > 0),
    nationalities: toCountryCodes(p.nationality),
  };
  const bd = parsePartialDate(p.dateOfBirth);
  if (bd) out.birthDate = bd;
  if (p.dateOfBirth) out.rawBirthDate = p.dateOfBirth.trim();
  if (p.nationality) out.rawNationality = p.nationality.trim();
  if (p.gender) out.gender = p.gender;
  return out;
}

/**
 * Scratch arrays reused across calls (the engine is single-threaded per worker); sized to the index.
 */
interface Scratch {
  acc: Float64Array;
  stamp: Int32Array;
  touched: Int32Array;
  /** Number of parts of each list name, and the candidate rank (scratch). */
  nParts: Int32Array;
  rank: Float64Array;
  tick: number;
}
const scratchByIndex = new WeakMap<WatchlistIndex, Scratch>();

function scratchFor(index: WatchlistIndex): Scratch {
  let s = scratchByIndex.get(index);
  if (!s) {
    const n = index.names.length;
    s = {
      acc: new Float64Array(n),
      stamp: new Int32Array(n),
      touched: new Int32Array(n),
      nParts: Int32Array.from(index.names, (x) => x.prepared.parts.length),
      rank: new Float64Array(n),
      tick: 0,
    };
    scratchByIndex.set(index, s);
  }
  return s;
}

/** The posting lists of a part's query keys (those present in the list), best first, with the length above which each is skipped. */
interface KeyPlan {
  lists: Int32Array[];
  qualities: number[];
  limits: number[];
}
const plansByIndex = new WeakMap<WatchlistIndex, Map<string, KeyPlan>>();

/** The key plan of a part, memoised per list (the same name parts recur across applicants). */
function planFor(index: WatchlistIndex, p: NamePart): KeyPlan {
  let plans = plansByIndex.get(index);
  if (!plans) {
    plans = new Map();
    plansByIndex.set(index, plans);
  }
  const sig = `${p.script === 'arabic' ? 'a' : 'l'}${p.key}|${p.alts.slice(0, 3).join(',')}|${p.skels.join(',')}|${p.groups.join(',')}`;
  let plan = plans.get(sig);
  if (plan) return plan;
  plan = { lists: [], qualities: [], limits: [] };
  for (const k of queryKeys(p)) {
    const l = index.postings(k.key);
    if (!l) continue;
    plan.lists.push(l);
    plan.qualities.push(k.quality);
    plan.limits.push(k.key.startsWith('s:') || k.key.startsWith('d:') ? (k.quality >= 0.9 ? index.cap : NEAR_KEY_CAP) : index.cap);
  }
  if (plans.size >= 100_000) plans.clear();
  plans.set(sig, plan);
  return plan;
}

/** Candidate list names for one applicant name, best first (at most MAX_CANDIDATES). */
export function candidates(index: WatchlistIndex, q: PreparedName, weights: ArrayLike<number>): number[] {
  const s = scratchFor(index);
  const touched = s.touched;
  let nTouched = 0;
  let total = 0;
  const base = ++s.tick * 64;
  const allGeneric = q.parts.every((x) => x.isGeneric);
  q.parts.forEach((p, pi) => {
    const w = weights[pi] as number;
    total += w;
    const mark = base + pi + 1;
    let read = 0;
    let skipped: Int32Array | undefined;
    let skippedQuality = 0;
    const readList = (l: Int32Array, quality: number) => {
      const add = w * quality;
      read += l.length;
      for (let i = 0; i < l.length; i++) {
        const r = l[i] as number;
        const st = s.stamp[r] as number;
        if (st === mark) continue;
        if (st < base) {
          s.acc[r] = 0;
          touched[nTouched++] = r;
        }
        s.stamp[r] = mark;
        s.acc[r] = (s.acc[r] as number) + add;
      }
    };
    // Keys come best first: a name found under several keys of this part counts once, at the best
    // quality; once a part has read PART_BUDGET postings, its weaker keys are not read.
    const plan = planFor(index, p);
    for (let ki = 0; ki < plan.lists.length; ki++) {
      if (read >= PART_BUDGET) break;
      const l = plan.lists[ki] as Int32Array;
      const quality = plan.qualities[ki] as number;
      // Near keys (one edit away) of common skeletons match thousands of names: read them only when short.
      if (l.length > (plan.limits[ki] as number)) {
        if (!skipped || l.length < skipped.length) {
          skipped = l;
          skippedQuality = quality;
        }
        continue;
      }
      readList(l, quality);
    }
    // A name made only of generic parts with over-long lists: read the shortest one, so it can still
    // be found (with evidence it may alert); its weight is low anyway.
    if (read === 0 && skipped && allGeneric) readList(skipped, skippedQuality);
  });
  if (s.tick > 30_000_000) {
    s.tick = 0;
    s.stamp.fill(0);
  }
  // Top MAX_CANDIDATES by accumulated key weight (ties by name order), without sorting all touched names.
  const min = total * MIN_KEY_SHARE;
  // Rank: shared key weight, less a little per list part beyond the applicant's (extra parts lower the score).
  const nq = q.parts.length;
  const nParts = s.nParts;
  const rk = s.rank;
  const top: number[] = [];
  const better = (a: number, b: number) => (rk[a] as number) > (rk[b] as number) || ((rk[a] as number) === (rk[b] as number) && a < b);
  for (let i = 0; i < nTouched; i++) {
    const r = touched[i] as number;
    if ((s.acc[r] as number) < min) continue;
    const extra = (nParts[r] as number) - nq;
    rk[r] = (s.acc[r] as number) - (extra > 0 ? EXTRA_PART_RANK_PENALTY * extra : 0);
    if (top.length === MAX_CANDIDATES && !better(r, top[top.length - 1] as number)) continue;
    let j = top.length < MAX_CANDIDATES ? top.length : top.length - 1;
    top[j] = r;
    while (j > 0 && better(r, top[j - 1] as number)) {
      top[j] = top[j - 1] as number;
      top[j - 1] = r;
      j--;
    }
  }
  return top;
}

/** Screens one prepared person; hits at or above the threshold, best first. Pure and deterministic. */
export function screenPrepared(index: WatchlistIndex, person: PreparedPerson, options: ScreenOptions = {}): Hit[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const maxHits = options.maxHits ?? 10;
  const best = new Map<number, Hit>();
  for (const q of person.names) {
    if (q.parts.length > 30) continue;
    const memo: SimilarityMemo = q.parts.map(() => new Map());
    const wq = q.parts.map((p) => index.weight(p));
    for (const r of candidates(index, q, wq)) {
      const rec = index.names[r];
      if (!rec) continue;
      const entry = index.entries[rec.entry];
      if (!entry) continue;
      const name = entry.names[rec.name];
      if (!name) continue;
      // Evidence first (cheap): when even a perfect name cannot reach the threshold, the name is not compared.
      const dates = compareDates(person.birthDate, entry.birthDates);
      const dateAdj = DATE_ADJUSTMENT[dates.outcome];
      let nat: NationalityOutcome = 'unknown';
      if (person.nationalities.length > 0 && entry.nationalities.length > 0) {
        nat = person.nationalities.some((c) => entry.nationalities.includes(c)) ? 'match' : 'different';
      }
      let gen: GenderOutcome = 'unknown';
      if (person.gender && entry.gender) gen = person.gender === entry.gender ? 'match' : 'different';
      const adj = dateAdj + NATIONALITY_ADJUSTMENT[nat] + GENDER_ADJUSTMENT[gen];
      if (round(Math.min(1, Math.max(0, 1 + adj))) < threshold) continue;
      const quick = compareNames(q, rec.prepared, wq, rec.weights, memo, false);
      const score = round(Math.min(1, Math.max(0, quick.score + adj)));
      if (score < threshold) continue;
      const prev = best.get(rec.entry);
      if (prev && prev.score >= score) continue;
      const cmp = compareNames(q, rec.prepared, wq, rec.weights, memo, true);
      const explanation: Explanation = {
        queryName: q.raw,
        matchedName: name.full,
        matchedNameKind: name.kind,
        tokens: cmp.tokens,
        unmatchedQuery: cmp.unmatchedQuery,
        unmatchedEntry: cmp.unmatchedEntry,
        particles: [...q.particles, ...rec.prepared.particles],
        nameScore: cmp.score,
        genericOnly: cmp.genericOnly,
        birthDate: {
          outcome: dates.outcome,
          ...(person.rawBirthDate ? { query: person.rawBirthDate } : {}),
          ...(dates.entry ? { entry: formatBirthDate(dates.entry) } : {}),
          adjustment: dateAdj,
        },
        nationality: {
          outcome: nat,
          ...(person.rawNationality ? { query: person.rawNationality } : {}),
          entry: entry.nationalities,
          adjustment: NATIONALITY_ADJUSTMENT[nat],
        },
        gender: { outcome: gen, adjustment: GENDER_ADJUSTMENT[gen] },
        score,
        threshold,
      };
      best.set(rec.entry, { personId: person.id, entryId: entry.id, sourceRef: entry.sourceRef, score, matchedName: name.full, explanation });
    }
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0))
    .slice(0, maxHits);
}

/** Screens one person (raw input). */
export function screenPerson(index: WatchlistIndex, person: PersonInput, options: ScreenOptions = {}): Hit[] {
  return screenPrepared(index, preparePerson(person), options);
}

/** Screens many people in this thread; hits of each person in input order. */
export function screenPeople(index: WatchlistIndex, people: readonly PersonInput[], options: ScreenOptions = {}): Hit[][] {
  return people.map((p) => screenPerson(index, p, options));
}
