/**
 * Candidate retrieval: an inverted index from name-part keys to list names, so a person is compared
 * only with the few list names that share a key, never with the whole list.
 *
 * Keys per part: its consonant skeleton(s) and their one-deletion neighbourhood (typos, one-letter
 * transliteration differences), its variant-group ids, and its exact key. Parts are weighted by how
 * often their skeleton occurs in the list (term-frequency weighting); posting lists of very common
 * keys are capped so generic names cannot make retrieval scan the list.
 */
import { type NamePart, type PreparedName, prepareName } from './names.ts';
import type { WatchlistEntry } from './types.ts';

export interface IndexedName {
  entry: number;
  name: number;
  prepared: PreparedName;
  /** Weights of the prepared parts (same order). */
  weights: Float64Array;
}

export interface WatchlistIndex {
  entries: readonly WatchlistEntry[];
  names: readonly IndexedName[];
  /** Weight of a part (0.1..1) from its frequency in the list; generic parts at most 0.3. */
  weight(part: NamePart): number;
  /** Names sharing at least one key with the part (capped posting lists are skipped). */
  postings(key: string): Int32Array | undefined;
  /** Posting lists longer than this are not read. */
  readonly cap: number;
}

function latinKeys(p: NamePart): string[] {
  return p.script === 'arabic' ? p.alts.slice(0, 3) : [p.loose];
}

function deletions(s: string, min = 3): string[] {
  const out: string[] = [];
  if (s.length >= min) for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/** Spelling typos: the one-deletion neighbourhood of the Latin form (3 to 10 letters). */
function spellingDeletions(l: string): string[] {
  return l.length <= 10 ? deletions(l, 3) : [];
}

/** Keys under which a list part is indexed. */
export function indexKeys(p: NamePart): string[] {
  const keys = new Set<string>();
  for (const l of latinKeys(p)) keys.add(`k:${l}`);
  const first = latinKeys(p)[0];
  if (first) for (const d of spellingDeletions(first)) keys.add(`l:${d}`);
  for (const s of p.skels) {
    if (s.length === 0) continue;
    keys.add(`s:${s}`);
    for (const d of deletions(s)) keys.add(`d:${d}`);
  }
  for (const g of p.groups) keys.add(`g:${g}`);
  return [...keys];
}

/** A key looked up for an applicant part, with how close a name found under it is (0..1). */
export interface QueryKey {
  key: string;
  quality: number;
}

/**
 * Keys looked up for an applicant part, best first: same spelling, same variant group, same skeleton,
 * then skeletons one edit apart (symmetric deletion neighbourhood).
 */
export function queryKeys(p: NamePart): QueryKey[] {
  const out: QueryKey[] = [];
  const seen = new Set<string>();
  const add = (key: string, quality: number) => {
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ key, quality });
    }
  };
  for (const l of latinKeys(p)) add(`k:${l}`, 1);
  for (const g of p.groups) add(`g:${g}`, 0.95);
  for (const s of p.skels) if (s.length > 0) add(`s:${s}`, 0.9);
  // Spelling typos before the wider skeleton neighbourhood, so a part's read budget reaches them.
  const first = latinKeys(p)[0];
  if (first) {
    add(`l:${first}`, 0.75);
    for (const d of spellingDeletions(first)) {
      add(`k:${d}`, 0.75);
      add(`l:${d}`, 0.7);
    }
  }
  for (const s of p.skels) if (s.length >= 2) add(`d:${s}`, 0.7);
  for (const s of p.skels) for (const d of deletions(s)) add(`s:${d}`, 0.7);
  for (const s of p.skels) for (const d of deletions(s)) add(`d:${d}`, 0.6);
  return out;
}

/** Frequency key of a part for term-frequency weighting. */
function tfKey(p: NamePart): string {
  return p.skels[0] || p.key;
}

export interface IndexOptions {
  /**
   * The population whose name-part frequencies weigh the parts (default: `entries`). Re-screening against
   * only the entries a list version added or changed indexes those, but must weigh parts as the whole list
   * does, or a part common in the list would look rare in the delta and score differently.
   */
  frequenciesFrom?: readonly WatchlistEntry[];
}

/** Builds the index of a list. Deterministic: the same entries (and options) give the same index. */
export function buildIndex(entries: readonly WatchlistEntry[], options: IndexOptions = {}): WatchlistIndex {
  const names: IndexedName[] = [];
  const lists = new Map<string, number[]>();
  const df = new Map<string, number>();
  entries.forEach((entry, ei) => {
    const seen = new Set<string>();
    entry.names.forEach((n, ni) => {
      const prepared = prepareName(n.full);
      if (prepared.parts.length === 0) return;
      const id = names.length;
      names.push({ entry: ei, name: ni, prepared, weights: new Float64Array(prepared.parts.length) });
      const keys = new Set<string>();
      for (const p of prepared.parts) {
        for (const k of indexKeys(p)) keys.add(k);
        const t = tfKey(p);
        // Count each key once per entry, so aliases do not inflate frequencies.
        if (!seen.has(t)) {
          seen.add(t);
          df.set(t, (df.get(t) ?? 0) + 1);
        }
      }
      for (const k of keys) {
        const l = lists.get(k);
        if (l) l.push(id);
        else lists.set(k, [id]);
      }
    });
  });
  const population = options.frequenciesFrom;
  if (population) {
    df.clear();
    for (const entry of population) {
      const seen = new Set<string>();
      for (const n of entry.names) for (const p of prepareName(n.full).parts) seen.add(tfKey(p));
      for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  const postings = new Map<string, Int32Array>();
  for (const [k, l] of lists) postings.set(k, Int32Array.from(l));
  const n = population ? population.length : entries.length;
  // Smoothed relative frequency: small lists do not make every part look common.
  const denom = Math.log(1000);
  const weightCache = new Map<string, number>();
  const weight = (p: NamePart): number => {
    const t = tfKey(p);
    let w = weightCache.get(t);
    if (w === undefined) {
      const f = (df.get(t) ?? 0) + 1;
      w = Math.min(1, Math.max(0.1, Math.log((n + 500) / f) / denom));
      weightCache.set(t, w);
    }
    return p.isGeneric ? Math.min(w, 0.3) : w;
  };
  for (const rec of names) rec.prepared.parts.forEach((p, i) => {
    rec.weights[i] = weight(p);
  });
  const cap = Math.max(5000, Math.floor(names.length * 0.05));
  return {
    entries,
    names,
    weight,
    postings: (key) => postings.get(key),
    cap,
  };
}
