/**
 * Screening one person against an indexed list: retrieve candidates through the index, score the
 * names, adjust by birth date, nationality and gender, explain, and keep the hits at or above the threshold.
 */
import { toCountryCodes } from './countries.ts';
import { compareDates, DATE_ADJUSTMENT, dateAdjustment, formatBirthDate, parsePartialDate } from './dates.ts';
import { type NamePart, type PreparedName, prepareName } from './names.ts';
import { compareNames, round, type SimilarityMemo } from './score.ts';
import type { BirthDate, Explanation, Gender, GenderOutcome, Hit, NationalityOutcome, PersonInput, ScreenOptions, WatchlistEntry } from './types.ts';
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
  /**
   * Evidence of each list name's entry, packed for ranking thousands of candidates per applicant with one
   * memory access each: EV_STRIDE numbers per name — date kind (see dateCode) | gender << 4 | several
   * nationalities << 8; date a; date b; nationality id (−1: none).
   */
  ev: Int32Array;
  entryOf: Int32Array;
  natStart: Int32Array;
  natIds: Int32Array;
  natId: Map<string, number>;
}

/**
 * An entry's birth date as numbers: kind 0 none; 1 full date (a = yyyymmdd); 2 year only (a = year); 3 range
 * (a..b); 4 approximate year (a); 5 anything else (several dates, year and month), compared by compareDates.
 */
function dateCode(dates: readonly BirthDate[]): [number, number, number] {
  if (dates.length === 0) return [0, 0, 0];
  const d = dates[0] as BirthDate;
  if (dates.length > 1) return [5, 0, 0];
  if (d.kind === 'range') return [3, d.fromYear, d.toYear];
  if (d.kind === 'approximate') return [4, d.year, 0];
  if (d.month === undefined) return [2, d.year, 0];
  if (d.day === undefined) return [5, 0, 0];
  return [1, d.year * 10000 + d.month * 100 + d.day, 0];
}
const genderCodeOf = (g: Gender | undefined) => (g === 'male' ? 1 : g === 'female' ? 2 : 0);
const EV_STRIDE = 4;
const scratchByIndex = new WeakMap<WatchlistIndex, Scratch>();

function scratchFor(index: WatchlistIndex): Scratch {
  let s = scratchByIndex.get(index);
  if (!s) {
    const n = index.names.length;
    const natId = new Map<string, number>();
    const natStart = new Int32Array(index.entries.length + 1);
    const natIds: number[] = [];
    index.entries.forEach((e, i) => {
      for (const c of e.nationalities) {
        if (!natId.has(c)) natId.set(c, natId.size);
        natIds.push(natId.get(c) as number);
      }
      natStart[i + 1] = natIds.length;
    });
    const codes = index.entries.map((e) => dateCode(e.birthDates));
    const ev = new Int32Array(n * EV_STRIDE);
    index.names.forEach((x, r) => {
      const e = index.entries[x.entry] as WatchlistEntry;
      const [kind, a, b] = codes[x.entry] as [number, number, number];
      ev[r * EV_STRIDE] = kind | (genderCodeOf(e.gender) << 4) | (e.nationalities.length > 1 ? 1 << 8 : 0);
      ev[r * EV_STRIDE + 1] = a;
      ev[r * EV_STRIDE + 2] = b;
      ev[r * EV_STRIDE + 3] = e.nationalities.length > 0 ? (natId.get(e.nationalities[0] as string) as number) : -1;
    });
    s = {
      acc: new Float64Array(n),
      stamp: new Int32Array(n),
      touched: new Int32Array(n),
      nParts: Int32Array.from(index.names, (x) => x.prepared.parts.length),
      rank: new Float64Array(n),
      tick: 0,
      ev,
      entryOf: Int32Array.from(index.names, (x) => x.entry),
      natStart,
      natIds: Int32Array.from(natIds),
      natId,
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

/** Birth date, nationality and gender of a person compared with a list entry, and their score adjustment. */
export interface EvidenceComparison {
  dates: ReturnType<typeof compareDates>;
  dateAdj: number;
  nat: NationalityOutcome;
  gen: GenderOutcome;
  adj: number;
}

export function compareEvidence(person: PreparedPerson, entry: WatchlistEntry): EvidenceComparison {
  const dates = compareDates(person.birthDate, entry.birthDates);
  const dateAdj = dateAdjustment(dates.outcome, dates.entry);
  let nat: NationalityOutcome = 'unknown';
  if (person.nationalities.length > 0 && entry.nationalities.length > 0) {
    nat = person.nationalities.some((c) => entry.nationalities.includes(c)) ? 'match' : 'different';
  }
  let gen: GenderOutcome = 'unknown';
  if (person.gender && entry.gender) gen = person.gender === entry.gender ? 'match' : 'different';
  return { dates, dateAdj, nat, gen, adj: dateAdj + NATIONALITY_ADJUSTMENT[nat] + GENDER_ADJUSTMENT[gen] };
}

/**
 * Evidence counts in a candidate's rank only when it shares at least this share of the applicant's key
 * weight: below it a name could rarely reach the threshold, and comparing the many weak names that good
 * evidence would promote doubled the screening time.
 */
const EVIDENCE_MIN_SHARE = 0.4;
/** The largest evidence adjustment (exact birth date, same nationality, same gender). */
const MAX_EVIDENCE_GAIN = Math.max(...Object.values(DATE_ADJUSTMENT)) + Math.max(...Object.values(NATIONALITY_ADJUSTMENT)) + Math.max(...Object.values(GENDER_ADJUSTMENT));

/** compareEvidence(person, entry).adj of list name r, computed from the packed numbers where it can be. */
function rankEvidence(s: Scratch, r: number, index: WatchlistIndex, person: PreparedPerson, pNat: number[], pGender: number): number {
  const o4 = r * EV_STRIDE;
  const head = s.ev[o4] as number;
  let adj = person.birthDate ? rankDateAdjustment(s, r, index, person.birthDate) : 0;
  const nat0 = s.ev[o4 + 3] as number;
  if (pNat.length > 0 && nat0 >= 0) {
    let match = pNat.includes(nat0);
    if (!match && head & 256) {
      const e = s.entryOf[r] as number;
      for (let i = (s.natStart[e] as number) + 1; i < (s.natStart[e + 1] as number) && !match; i++) match = pNat.includes(s.natIds[i] as number);
    }
    adj += NATIONALITY_ADJUSTMENT[match ? 'match' : 'different'];
  }
  const g = (head >> 4) & 15;
  if (pGender !== 0 && g !== 0) adj += GENDER_ADJUSTMENT[pGender === g ? 'match' : 'different'];
  return adj;
}

/** rankEvidence for one list name (for tests: it must equal compareEvidence(person, entry).adj). */
export function packedEvidence(index: WatchlistIndex, person: PreparedPerson, r: number): number {
  const s = scratchFor(index);
  return rankEvidence(s, r, index, person, person.nationalities.map((c) => s.natId.get(c) ?? -1), genderCodeOf(person.gender));
}

/** dateAdjustment(compareDates(bd, entry dates)) of list name r, from the packed numbers (compareDate's rules). */
function rankDateAdjustment(s: Scratch, r: number, index: WatchlistIndex, bd: BirthDate): number {
  const o4 = r * EV_STRIDE;
  const kind = (s.ev[o4] as number) & 15;
  const a = s.ev[o4 + 1] as number;
  const b = s.ev[o4 + 2] as number;
  const y = bd.kind === 'exact' ? bd.year : 0;
  if (kind === 0 || y === 0) return 0;
  if (kind === 2) return DATE_ADJUSTMENT[a === y ? 'same-year' : 'different-year'];
  if (kind === 3) {
    if (y >= a && y <= b) return dateAdjustment('in-range', { kind: 'range', fromYear: a, toYear: b });
    return DATE_ADJUSTMENT[y >= a - 1 && y <= b + 1 ? 'near-year' : 'different-year'];
  }
  if (kind === 4) return DATE_ADJUSTMENT[a === y ? 'same-year' : Math.abs(a - y) <= 2 ? 'near-year' : 'different-year'];
  if (kind === 1 && bd.kind === 'exact') {
    if (Math.floor(a / 10000) !== y) return DATE_ADJUSTMENT['different-year'];
    if (bd.month === undefined) return DATE_ADJUSTMENT['same-year'];
    if (bd.day !== undefined) {
      const m = Math.floor(a / 100) % 100;
      const d = a % 100;
      return DATE_ADJUSTMENT[bd.month === m && bd.day === d ? 'exact' : bd.month === d && bd.day === m ? 'day-month-swapped' : 'different-day'];
    }
  }
  const c = compareDates(bd, (index.entries[s.entryOf[r] as number] as WatchlistEntry).birthDates);
  return dateAdjustment(c.outcome, c.entry);
}

/**
 * Candidate list names for one applicant name, best first (at most MAX_CANDIDATES).
 *
 * With `person` (birth date, nationality, gender), a name's rank also counts its entry's evidence
 * adjustment, in the same units as the final score: when more list names share the applicant's common
 * parts than can be scored (Johnson, Andrew …), those whose birth date and nationality agree are scored
 * first, and those the evidence rules out make room.
 */
export function candidates(index: WatchlistIndex, q: PreparedName, weights: ArrayLike<number>, person?: PreparedPerson): number[] {
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
  // Top MAX_CANDIDATES by rank (ties by name order), without sorting all touched names.
  const min = total * MIN_KEY_SHARE;
  // Rank: shared key weight, less a little per list part beyond the applicant's (extra parts lower the score),
  // plus the evidence adjustment times the applicant's weight (same units as the final score).
  const nq = q.parts.length;
  const nParts = s.nParts;
  const rk = s.rank;
  const withEvidence = person !== undefined && (person.birthDate !== undefined || person.nationalities.length > 0 || person.gender !== undefined);
  const pNat = (person?.nationalities ?? []).map((c) => s.natId.get(c) ?? -1);
  const pGender = genderCodeOf(person?.gender);
  const maxGain = withEvidence ? MAX_EVIDENCE_GAIN * total : 0;
  const evMin = EVIDENCE_MIN_SHARE * total;
  const top: number[] = [];
  const better = (a: number, b: number) => (rk[a] as number) > (rk[b] as number) || ((rk[a] as number) === (rk[b] as number) && a < b);
  for (let i = 0; i < nTouched; i++) {
    const r = touched[i] as number;
    if ((s.acc[r] as number) < min) continue;
    const extra = (nParts[r] as number) - nq;
    const base = (s.acc[r] as number) - (extra > 0 ? EXTRA_PART_RANK_PENALTY * extra : 0);
    // Not computing the evidence of a name that could not enter the top even with the best evidence.
    if (top.length === MAX_CANDIDATES && base + maxGain < (rk[top[top.length - 1] as number] as number)) continue;
    const ev = withEvidence && base >= evMin ? rankEvidence(s, r, index, person as PreparedPerson, pNat, pGender) * total : 0;
    rk[r] = base + ev;
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
    for (const r of candidates(index, q, wq, person)) {
      const rec = index.names[r];
      if (!rec) continue;
      const entry = index.entries[rec.entry];
      if (!entry) continue;
      const name = entry.names[rec.name];
      if (!name) continue;
      // Evidence first (cheap): when even a perfect name cannot reach the threshold, the name is not compared.
      const { dates, dateAdj, nat, gen, adj } = compareEvidence(person, entry);
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
