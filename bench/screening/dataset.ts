/**
 * Evaluation data for name screening, synthesised from HELD-OUT transliteration pairs only.
 *
 * - `test` uses netranslit `wd_arabic_20` and google-ar2en `ar2en-test.txt` (never read by the build of
 *   the engine's knowledge, which reads only `wd_arabic_64` and `ar2en-train.txt`);
 * - `dev` uses `wd_arabic_16` and `ar2en-eval.txt` (for tuning; figures are reported on `test`).
 *
 * netranslit pairs seen only once are dropped (many are misaligned in the mined data: `yam` ↔ رن);
 * the filter does not use the engine. The Latin spellings in netranslit's splits are disjoint, so every
 * Latin spelling in the evaluation is one the engine has never seen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PersonInput, WatchlistEntry } from '../../server/modules/vetting/engine/types.ts';

export const DATA_DIR = join(import.meta.dirname, '../../../shared/data/names');

export type Split = 'dev' | 'test';

export const SPLIT_FILES: Record<Split, { netranslit: string; google: string }> = {
  dev: { netranslit: 'netranslit/wd_arabic_16', google: 'google-ar2en/ar2en-eval.txt' },
  test: { netranslit: 'netranslit/wd_arabic_20', google: 'google-ar2en/ar2en-test.txt' },
};

/** One name part: its Arabic form and its Latin renderings, most frequent first. */
export interface VocabToken {
  arabic: string;
  latins: string[];
  count: number;
}

/**
 * Spelling-share rule (evaluation definition, fixed from the data before looking at engine results):
 * a Latin rendering is used as a *spelling* of an Arabic part only if it accounts for at least this share
 * of the part's occurrences in the split. Rarer renderings are mostly another name that Arabic script
 * happens to merge (Johns ↔ جونز, 5 of 1,981; Hell ↔ هيل; Fell ↔ فيل) or a labelling error, and the
 * generator used to pick among renderings uniformly, so a 0.25 % rendering was drawn as often as the
 * 99.75 % one. The most frequent rendering is always kept. `0` gives the original definition.
 */
export const DEFAULT_MIN_SPELLING_SHARE = 0.05;

export function loadVocab(split: Split, dataDir = DATA_DIR, minSpellingShare = 0): VocabToken[] {
  const files = SPLIT_FILES[split];
  const byArabic = new Map<string, Map<string, number>>();
  const add = (ar: string, la: string, n: number) => {
    const latin = la.toLowerCase();
    if (ar.length < 2 || latin.length < 3 || !/^[\p{L}'-]+$/u.test(latin)) return;
    let m = byArabic.get(ar);
    if (!m) {
      m = new Map();
      byArabic.set(ar, m);
    }
    m.set(latin, (m.get(latin) ?? 0) + n);
  };
  for (const line of readFileSync(join(dataDir, files.netranslit), 'utf8').split('\n')) {
    const [la, ar, c] = line.split('\t');
    const n = Number(c);
    if (la && ar && n >= 2) add(ar.replace(/ /g, ''), la, n);
  }
  for (const line of readFileSync(join(dataDir, files.google), 'utf8').split('\n')) {
    const [ar, la] = line.split('\t');
    if (la && ar) add(ar, la, 1);
  }
  const out: VocabToken[] = [];
  for (const ar of [...byArabic.keys()].sort()) {
    const m = byArabic.get(ar) as Map<string, number>;
    const latins = [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const count = latins.reduce((s, [, n]) => s + n, 0);
    const kept = latins.filter(([, n], i) => i === 0 || n >= minSpellingShare * count);
    out.push({ arabic: ar, latins: kept.map(([l]) => l), count });
  }
  return out;
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['IQ', 'SY', 'YE', 'SA', 'EG', 'LY', 'TN', 'DZ', 'MA', 'JO', 'LB', 'PS', 'SD', 'SO', 'AF', 'PK', 'IR', 'TR', 'QA', 'AE', 'KW', 'OM', 'BH', 'ML', 'NE'];

export type ProbeKind = 'latin-variant' | 'typo' | 'arabic-to-latin' | 'latin-to-arabic' | 'parts-particles';
export const PROBE_KINDS: ProbeKind[] = ['latin-variant', 'typo', 'arabic-to-latin', 'latin-to-arabic', 'parts-particles'];

export interface Identity {
  tokens: VocabToken[];
  birth: { year: number; month: number; day: number };
  nationality: string;
  gender: 'male' | 'female';
}

export interface Probe {
  kind: ProbeKind;
  /** Applicant without birth date and nationality. */
  nameOnly: PersonInput;
  /** Applicant with birth date (sometimes year only or day/month swapped) and nationality. */
  withEvidence: PersonInput;
  /** Id of the list entry the applicant is. */
  entryId: string;
}

export interface NegativePerson {
  nameOnly: PersonInput;
  withEvidence: PersonInput;
}

export interface EvaluationSet {
  entries: WatchlistEntry[];
  probes: Probe[];
  negatives: NegativePerson[];
  vocabSize: number;
}

export interface EvaluationOptions {
  split: Split;
  entries: number;
  probesPerKind: number;
  negatives: number;
  seed?: number;
  /** See DEFAULT_MIN_SPELLING_SHARE; 0 = the original class definition (every rendering seen twice). */
  minSpellingShare?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Builds the synthetic list, the matching applicants (one set per variant class) and non-matching applicants. */
export function buildEvaluationSet(opts: EvaluationOptions): EvaluationSet {
  const vocab = loadVocab(opts.split, DATA_DIR, opts.minSpellingShare ?? DEFAULT_MIN_SPELLING_SHARE);
  const rand = rng(opts.seed ?? 20221120);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)] as T;
  const common = [...vocab].sort((a, b) => b.count - a.count || (a.arabic < b.arabic ? -1 : 1)).slice(0, 40);
  const sampleToken = () => (rand() < 0.25 ? pick(common) : pick(vocab));
  const sampleParts = () => {
    const r = rand();
    const n = r < 0.3 ? 2 : r < 0.75 ? 3 : 4;
    const out: VocabToken[] = [];
    while (out.length < n) {
      const t = sampleToken();
      if (!out.includes(t)) out.push(t);
    }
    return out;
  };
  const sampleIdentity = (): Identity => ({
    tokens: sampleParts(),
    birth: { year: 1950 + Math.floor(rand() * 55), month: 1 + Math.floor(rand() * 12), day: 1 + Math.floor(rand() * 28) },
    nationality: pick(COUNTRIES),
    gender: rand() < 0.8 ? 'male' : 'female',
  });
  const latinName = (toks: VocabToken[]) => toks.map((t) => t.latins[0]).join(' ');
  const arabicName = (toks: VocabToken[]) => toks.map((t) => t.arabic).join(' ');

  const identities: Identity[] = [];
  const entries: WatchlistEntry[] = [];
  const isArabicEntry: boolean[] = [];
  const identityKeys = new Set<string>();
  for (let i = 0; i < opts.entries; i++) {
    const id = sampleIdentity();
    identities.push(id);
    identityKeys.add(id.tokens.map((t) => t.arabic).sort().join(' '));
    const arabic = rand() < 0.3;
    isArabicEntry.push(arabic);
    const names: WatchlistEntry['names'] = [{ full: arabic ? arabicName(id.tokens) : latinName(id.tokens), kind: 'primary' }];
    if (!arabic && rand() < 0.5 && id.tokens.length > 1) {
      // Alias: family name first (an order variant, as lists often give).
      const rot = [...id.tokens.slice(-1), ...id.tokens.slice(0, -1)];
      names.push({ full: latinName(rot), kind: 'alias' });
    }
    const r = rand();
    const b = id.birth;
    const birthDates: WatchlistEntry['birthDates'] =
      r < 0.75
        ? [{ kind: 'exact', year: b.year, month: b.month, day: b.day }]
        : r < 0.9
          ? [{ kind: 'exact', year: b.year }]
          : [{ kind: 'range', fromYear: b.year - 2, toYear: b.year + 2 }];
    entries.push({
      id: `E${i + 1}`,
      source: 'csv',
      sourceRef: `E${i + 1}`,
      names,
      birthDates,
      nationalities: [id.nationality],
      gender: id.gender,
    });
  }

  const typo = (s: string): string => {
    const letters = 'abcdefghijklmnoprstuvwyz';
    const i = Math.floor(rand() * s.length);
    const op = Math.floor(rand() * 4);
    if (op === 0) return s.slice(0, i) + pick([...letters]) + s.slice(i + 1);
    if (op === 1 && s.length > 3) return s.slice(0, i) + s.slice(i + 1);
    if (op === 2) return s.slice(0, i) + pick([...letters]) + s.slice(i);
    if (i < s.length - 1) return s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2);
    return s.slice(0, i) + pick([...letters]) + s.slice(i + 1);
  };
  const shuffleMaybe = (a: string[], p: number) => (rand() < p && a.length > 1 ? [...a.slice(1), a[0] as string] : a);

  const evidenceOf = (id: Identity, probeId: string, name: string): PersonInput => {
    const b = id.birth;
    const r = rand();
    const dob =
      r < 0.8
        ? `${b.year}-${pad(b.month)}-${pad(b.day)}`
        : r < 0.9
          ? `${b.year}`
          : b.day <= 12
            ? `${b.year}-${pad(b.day)}-${pad(b.month)}`
            : `${b.year}-${pad(b.month)}-${pad(b.day)}`;
    return { id: probeId, fullName: name, dateOfBirth: dob, nationality: id.nationality, gender: id.gender };
  };

  const probes: Probe[] = [];
  for (const kind of PROBE_KINDS) {
    let made = 0;
    let guard = 0;
    while (made < opts.probesPerKind && guard++ < opts.probesPerKind * 50) {
      const ei = Math.floor(rand() * entries.length);
      const id = identities[ei] as Identity;
      const arabicEntry = isArabicEntry[ei] as boolean;
      let name: string | undefined;
      if (kind === 'latin-variant') {
        if (arabicEntry) continue;
        const changeable = id.tokens.filter((t) => t.latins.length > 1);
        if (changeable.length === 0) continue;
        const parts = id.tokens.map((t) => (t.latins.length > 1 && (t === changeable[0] || rand() < 0.5) ? pick(t.latins.slice(1)) : (t.latins[0] as string)));
        name = shuffleMaybe(parts, 0.3).join(' ');
      } else if (kind === 'typo') {
        if (arabicEntry) continue;
        const parts = id.tokens.map((t) => t.latins[0] as string);
        const long = parts.map((p, i) => (p.length >= 4 ? i : -1)).filter((i) => i >= 0);
        if (long.length === 0) continue;
        const first = pick(long);
        parts[first] = typo(parts[first] as string);
        if (rand() < 0.3 && long.length > 1) {
          const second = pick(long.filter((i) => i !== first));
          parts[second] = typo(parts[second] as string);
        }
        name = shuffleMaybe(parts, 0.3).join(' ');
      } else if (kind === 'arabic-to-latin') {
        if (arabicEntry) continue;
        name = shuffleMaybe(id.tokens.map((t) => t.arabic), 0.2).join(' ');
      } else if (kind === 'latin-to-arabic') {
        if (!arabicEntry) continue;
        name = shuffleMaybe(id.tokens.map((t) => pick(t.latins)), 0.2).join(' ');
      } else {
        if (arabicEntry) continue;
        const parts = id.tokens.map((t) => t.latins[0] as string);
        if (parts.length >= 3 && rand() < 0.5) parts.splice(1, 1);
        else parts.splice(1, 0, pick(vocab).latins[0] as string);
        // Particles: an article before the last part, a kinship particle before the second.
        parts[parts.length - 1] = `al-${parts[parts.length - 1]}`;
        if (rand() < 0.5) parts.splice(1, 0, pick(['bin', 'ben', 'ibn']));
        name = parts.join(' ');
      }
      const pid = `${kind}-${made + 1}`;
      probes.push({
        kind,
        nameOnly: { id: pid, fullName: name },
        withEvidence: evidenceOf(id, pid, name),
        entryId: (entries[ei] as WatchlistEntry).id,
      });
      made++;
    }
  }

  const negatives: NegativePerson[] = [];
  while (negatives.length < opts.negatives) {
    const id = sampleIdentity();
    if (identityKeys.has(id.tokens.map((t) => t.arabic).sort().join(' '))) continue;
    const arabic = rand() < 0.3;
    const name = arabic ? arabicName(id.tokens) : id.tokens.map((t) => pick(t.latins)).join(' ');
    const pid = `neg-${negatives.length + 1}`;
    const b = id.birth;
    negatives.push({
      nameOnly: { id: pid, fullName: name },
      withEvidence: { id: pid, fullName: name, dateOfBirth: `${b.year}-${pad(b.month)}-${pad(b.day)}`, nationality: id.nationality, gender: id.gender },
    });
  }
  return { entries, probes, negatives, vocabSize: vocab.length };
}
