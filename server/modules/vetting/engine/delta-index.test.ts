import { describe, expect, it } from 'vitest';
import { buildIndex, diffWatchlists, screenPerson } from './index.ts';
import type { WatchlistEntry } from './types.ts';

const entry = (id: string, name: string, extra: Partial<WatchlistEntry> = {}): WatchlistEntry => ({
  id,
  source: 'csv',
  sourceRef: id,
  names: [{ full: name, kind: 'primary' }],
  birthDates: [],
  nationalities: [],
  ...extra,
});

// "Haddad" is common in this list, "Zerhouni" rare.
const list = [
  ...Array.from({ length: 40 }, (_, i) => entry(`C${i}`, `Karim${i} Haddad`)),
  entry('R1', 'Yassine Zerhouni'),
  entry('N1', 'Omar Haddad Zerhouni'),
];

describe('re-screening against a list delta', () => {
  it('weighs name parts as the whole list does, so delta and full screening agree', () => {
    const delta = [list[list.length - 1]!];
    const full = buildIndex(list);
    const deltaOnly = buildIndex(delta);
    const weighted = buildIndex(delta, { frequenciesFrom: list });
    const person = { id: 'p', fullName: 'Omar Haddad Zerhouni' };
    const fromFull = screenPerson(full, person).find((h) => h.sourceRef === 'N1');
    const fromWeighted = screenPerson(weighted, person).find((h) => h.sourceRef === 'N1');
    expect(fromWeighted?.score).toBe(fromFull?.score);
    expect(fromWeighted?.explanation.tokens.map((t) => t.weight)).toEqual(fromFull?.explanation.tokens.map((t) => t.weight));
    // Without the whole list's frequencies, the common part would look rare.
    const haddad = (idx: typeof full) => screenPerson(idx, person).find((h) => h.sourceRef === 'N1')?.explanation.tokens.find((t) => /haddad/i.test(t.entry))?.weight;
    expect(haddad(deltaOnly)).toBeGreaterThan(haddad(full)!);
  });
});

describe('list diff', () => {
  it('ignores the order of object keys (entries read back from jsonb)', () => {
    const a = entry('X', 'Ali Ben Salah', { birthDates: [{ kind: 'exact', year: 1980, month: 5, day: 1 }] });
    const b: WatchlistEntry = JSON.parse(JSON.stringify({ ...a, birthDates: [{ day: 1, month: 5, year: 1980, kind: 'exact' }], names: [{ kind: 'primary', full: 'Ali Ben Salah' }] }));
    expect(diffWatchlists([a], [b]).changed).toEqual([]);
    expect(diffWatchlists([a], [{ ...b, birthDates: [{ kind: 'exact', year: 1981 }] }]).changed[0]?.fields).toEqual(['birthDates']);
  });
});
