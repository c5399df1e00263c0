import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  compareDates,
  DEFAULT_THRESHOLD,
  explanationText,
  parsePartialDate,
  prepareName,
  screenPerson,
  toCountryCode,
  type PersonInput,
  type WatchlistEntry,
} from './index.ts';
import { compareNamesPlain } from './score.ts';
import { compareEvidence, packedEvidence, preparePerson } from './screen.ts';
import { partSimilarity } from './similarity.ts';
import { dateAdjustment } from './dates.ts';
import { screenBatch } from './worker-pool.ts';

const part = (s: string) => {
  const p = prepareName(s).parts[0];
  if (!p) throw new Error(`no part in ${s}`);
  return p;
};
const sim = (a: string, b: string) => partSimilarity(part(a), part(b));
const nameScore = (a: string, b: string) => compareNamesPlain(prepareName(a), prepareName(b)).score;

function entry(id: string, names: string[], extra: Partial<WatchlistEntry> = {}): WatchlistEntry {
  return {
    id,
    source: 'csv',
    sourceRef: id,
    names: names.map((full, i) => ({ full, kind: i === 0 ? 'primary' : 'alias' })),
    birthDates: [],
    nationalities: [],
    ...extra,
  };
}

/** A small list with filler entries so term frequencies look like a real list. */
function list(extra: WatchlistEntry[]): WatchlistEntry[] {
  const fillers: WatchlistEntry[] = [];
  const given = ['Mohammed', 'Ahmed', 'Ali', 'Abdullah', 'Omar', 'Hassan'];
  const family = ['Haddad', 'Najjar', 'Khoury', 'Saleh', 'Mansour', 'Darwish', 'Hamdan', 'Jaber', 'Nasser', 'Qasim'];
  for (let i = 0; i < 120; i++) fillers.push(entry(`F${i}`, [`${given[i % 6]} ${given[(i + 2) % 6]} ${family[i % 10]}`]));
  return [...extra, ...fillers];
}

describe('name parts: variant classes', () => {
  it.each([
    ['Mohamed', 'Muhammad'],
    ['Mohammed', 'Mohamad'],
    ['Youssef', 'Yusuf'],
    ['Youssef', 'Youcef'],
    ['Hussein', 'Hocine'],
    ['Abd al-Rahman', 'Abderrahmane'],
  ])('%s ~ %s is a spelling variant', (a, b) => {
    const s = sim(a, b);
    expect(s.similarity).toBeGreaterThanOrEqual(0.8);
    expect(s.kind).toBe('variant');
  });

  it('normalises Abd compounds to one form (Abdulrahman = Abd al-Rahman = Abdel Rahman)', () => {
    expect(part('Abdulrahman').key).toBe(part('Abd al-Rahman').key);
    expect(part('Abdel Rahman').key).toBe(part('Abd al-Rahman').key);
    expect(sim('Abdulrahman', 'Abd al-Rahman').kind).toBe('same');
  });

  it.each([
    ['Mohamed', 'محمد'],
    ['Youssef', 'يوسف'],
    ['Hussein', 'حسين'],
    ['Abdulrahman', 'عبد الرحمن'],
    ['Kurzweil', 'كرزويل'],
  ])('%s ~ %s is a transliteration', (a, b) => {
    const s = sim(a, b);
    expect(s.similarity).toBeGreaterThanOrEqual(0.8);
    expect(s.kind).toBe('transliteration');
  });

  it('romanises Cyrillic and Greek', () => {
    expect(part('Хусейн').key).toBe('khusein');
    expect(part('Γιώργος').key).toBe('giorgos');
    expect(sim('Абдулла', 'Abdullah').similarity).toBeGreaterThanOrEqual(0.8);
  });

  it('folds Persian letters to Arabic ones', () => {
    expect(part('علی').key).toBe(part('علي').key);
    expect(part('کریم').key).toBe(part('كريم').key);
  });

  it('finds typos', () => {
    const s = sim('Kurzweil', 'Kurzwiel');
    expect(s.similarity).toBeGreaterThanOrEqual(0.85);
    expect(sim('Schneider', 'Schnieder').similarity).toBeGreaterThanOrEqual(0.8);
    expect(sim('Gordon', 'Gcrdon').kind).toBe('typo');
  });

  it('keeps different names apart', () => {
    expect(sim('Smith', 'Jones').similarity).toBe(0);
    expect(sim('Chris', 'Shiraishi').similarity).toBeLessThan(0.7);
    expect(sim('Ali', 'Ola').similarity).toBeLessThan(0.6);
  });
});

describe('particles and order', () => {
  it('sets articles and kinship particles aside', () => {
    const n = prepareName('Mohamed bin Abd al-Rahman El-Masri');
    expect(n.parts.map((p) => p.key)).toEqual(['mohamed', 'abdrahman', 'masri']);
    expect(n.particles).toEqual(['bin', 'al', 'El']);
    expect(prepareName('Ben Youssef').parts).toHaveLength(1);
    expect(prepareName('محمد بن سلمان آل سعود').particles).toContain('بن');
    expect(prepareName('Ahmed Ould Abdallah').particles).toEqual(['Ould']);
  });

  it('ignores name order', () => {
    expect(nameScore('Haddad Karim Nabil', 'Nabil Karim Haddad')).toBe(1);
  });

  it('tolerates a missing or extra part, more on the list side than on the applicant side', () => {
    const missingOnList = nameScore('Nabil Karim Haddad', 'Nabil Haddad');
    const missingOnApplicant = nameScore('Nabil Haddad', 'Nabil Karim Haddad');
    expect(missingOnApplicant).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(missingOnList).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(missingOnApplicant).toBeGreaterThan(missingOnList);
  });

  it('treats a differing part on both sides as a conflict', () => {
    expect(nameScore('Huber Meligeni', 'Neto Meligeni')).toBeLessThan(0.6);
  });

  it('matches across scripts, full names', () => {
    expect(nameScore('Abdulrahman Youssef Haddad', 'عبد الرحمن يوسف حداد')).toBeGreaterThanOrEqual(0.85);
  });
});

describe('screening with a list', () => {
  const target = entry('T1', ['Nabil Karim Haddad', 'نبيل كريم حداد'], {
    birthDates: [{ kind: 'exact', year: 1975, month: 3, day: 2 }],
    nationalities: ['LB'],
    gender: 'male',
  });
  const generic = entry('G1', ['Mohammed Ali']);
  const rare = entry('R1', ['Zbigniew Kurzweil']);
  const index = buildIndex(list([target, generic, rare]));
  const screen = (p: Omit<PersonInput, 'id'>) => screenPerson(index, { id: 'p', ...p });

  it('finds a spelling variant with its explanation', () => {
    const [hit] = screen({ fullName: 'Nabeel Kareem Hadad' });
    expect(hit?.entryId).toBe('T1');
    expect(hit?.explanation.tokens.map((t) => t.kind)).not.toContain('same');
    expect(hit?.explanation.tokens).toHaveLength(3);
  });

  it('generic names never alert on their own', () => {
    expect(screen({ fullName: 'Mohammed Ali' }).find((h) => h.entryId === 'G1')).toBeUndefined();
    expect(screen({ fullName: 'Abu Mohammed' })).toEqual([]);
    expect(screen({ fullName: 'Abdullah Hassan' })).toEqual([]);
  });

  it('weighs rare parts more than common ones (term frequency over the list)', () => {
    const p = prepareName('Mohammed Haddad').parts;
    const w = p.map((x) => index.weight(x));
    expect(w[0]).toBeLessThan(w[1] as number);
    const k = index.weight(part('Kurzweil'));
    expect(k).toBeGreaterThan(w[1] as number);
  });

  it('uses birth date as evidence: exact, year only, range, swapped day and month, different', () => {
    const score = (dob: string) => screenPerson(index, { id: 'p', fullName: 'Nabil Karim Haddad', dateOfBirth: dob }, { threshold: 0 }).find((h) => h.entryId === 'T1');
    expect(score('1975-03-02')?.explanation.birthDate.outcome).toBe('exact');
    expect(score('1975-02-03')?.explanation.birthDate.outcome).toBe('day-month-swapped');
    expect(score('1975')?.explanation.birthDate.outcome).toBe('same-year');
    expect(score('1975-07-19')?.explanation.birthDate.outcome).toBe('different-day');
    expect(score('1980-03-02')?.explanation.birthDate.outcome).toBe('different-year');
    const exact = score('1975-03-02')?.score ?? 0;
    const none = screen({ fullName: 'Nabil Karim Haddad' })[0]?.score ?? 0;
    const wrong = score('1980-03-02')?.score ?? 0;
    expect(exact).toBeGreaterThan(wrong);
    expect(none).toBeGreaterThan(wrong);
    expect(compareDates(parsePartialDate('1961'), [{ kind: 'range', fromYear: 1960, toYear: 1962 }]).outcome).toBe('in-range');
    // A full date agreeing is rarer by chance than a year; a year inside a wide range weighs less than the year itself.
    expect(dateAdjustment('exact')).toBeGreaterThan(2 * dateAdjustment('same-year'));
    expect(dateAdjustment('in-range', { kind: 'range', fromYear: 1960, toYear: 1964 })).toBeLessThan(dateAdjustment('in-range', { kind: 'range', fromYear: 1960, toYear: 1961 }));
    expect(dateAdjustment('in-range', { kind: 'range', fromYear: 1960, toYear: 1961 })).toBeLessThan(dateAdjustment('same-year'));
    expect(compareDates(parsePartialDate('1970-01-01'), [{ kind: 'approximate', year: 1971 }]).outcome).toBe('near-year');
  });

  it('uses nationality and gender as evidence', () => {
    const s = (nationality: string, gender?: 'male' | 'female') =>
      screenPerson(index, { id: 'p', fullName: 'Nabil Karim Haddad', nationality, ...(gender ? { gender } : {}) }, { threshold: 0 }).find((h) => h.entryId === 'T1');
    expect(s('Lebanon')?.explanation.nationality.outcome).toBe('match');
    expect(s('LBN')?.explanation.nationality.outcome).toBe('match');
    expect(s('FR')?.explanation.nationality.outcome).toBe('different');
    expect((s('FR')?.score ?? 0) < (s('LB')?.score ?? 0)).toBe(true);
    expect(s('LB', 'female')?.explanation.gender.outcome).toBe('different');
  });

  it('explains a hit as a structured object and as English text', () => {
    const [hit] = screenPerson(index, { id: 'p', fullName: 'نبيل كريم حداد', dateOfBirth: '1975-03-02', nationality: 'Lebanon' });
    expect(hit?.entryId).toBe('T1');
    const e = hit?.explanation;
    expect(e?.birthDate).toMatchObject({ outcome: 'exact', query: '1975-03-02', entry: '1975-03-02' });
    expect(e?.nationality).toMatchObject({ outcome: 'match', entry: ['LB'] });
    expect(e?.score).toBe(hit?.score);
    const text = explanationText(e as NonNullable<typeof e>);
    expect(text).toContain('dob exact');
    expect(text).toContain('nationality match');
  });

  it('is deterministic', () => {
    const people: PersonInput[] = [
      { id: '1', fullName: 'Nabeel Haddad', dateOfBirth: '1975' },
      { id: '2', fullName: 'نبيل حداد' },
      { id: '3', fullName: 'Zbigniew Kurcweil' },
    ];
    const a = people.map((p) => screenPerson(buildIndex(list([target, generic, rare])), p));
    const b = people.map((p) => screenPerson(index, p));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('screens a batch across worker threads with the same result', async () => {
    const entries = list([target, generic, rare]);
    const people: PersonInput[] = Array.from({ length: 60 }, (_, i) => ({ id: String(i), fullName: i % 2 ? 'Nabeel Karim Hadad' : 'Zbigniew Kurzweil' }));
    const viaWorkers = await screenBatch(entries, people, { workers: 2, chunkSize: 20 });
    const inline = people.map((p) => screenPerson(buildIndex(entries), p));
    expect(JSON.stringify(viaWorkers)).toBe(JSON.stringify(inline));
  });
});

describe('evidence in candidate retrieval', () => {
  // 80 namesakes sharing both parts: more than are scored per applicant (30).
  const namesakes = Array.from({ length: 80 }, (_, i) =>
    entry(`N${i}`, [`Johnson Whitaker ${['Lee', 'Ray', 'Kay', 'Roy'][i % 4]}`], {
      birthDates: i % 3 === 0 ? [{ kind: 'range', fromYear: 1950 + (i % 40), toYear: 1954 + (i % 40) }] : [{ kind: 'exact', year: 1950 + (i % 40), month: 1 + (i % 12), day: 1 + (i % 28) }],
      nationalities: i % 5 === 0 ? ['SY', 'IQ'] : ['JO'],
      gender: i % 2 === 0 ? 'male' : 'female',
    }),
  );
  const index = buildIndex(list(namesakes));

  it('scores the namesakes whose birth date and nationality agree first', () => {
    // N79: 1989-08-24 (79 % 40 = 39; month 1 + 79 % 12 = 8; day 1 + 79 % 28 = 24), JO, female.
    const hits = screenPerson(index, { id: 'p', fullName: 'Johnson Whitaker', dateOfBirth: '1989-08-24', nationality: 'JO', gender: 'female' });
    expect(hits[0]?.entryId).toBe('N79');
    expect(hits[0]?.explanation.birthDate.outcome).toBe('exact');
  });

  it('ranks with the same evidence adjustment as the explanation gives', () => {
    const people = ['1989-08-24', '1989', '1952', '1989-24-08', '1955-02'].flatMap((dob) =>
      [['JO', 'female'], ['IQ', 'male'], ['FR', undefined]].map(([nat, g]) => preparePerson({ id: 'p', fullName: 'x', dateOfBirth: dob, nationality: nat, ...(g ? { gender: g as 'male' } : {}) })),
    );
    for (const p of people) for (let r = 0; r < index.names.length; r++) expect(packedEvidence(index, p, r)).toBeCloseTo(compareEvidence(p, index.entries[index.names[r]?.entry ?? 0] as WatchlistEntry).adj, 12);
  });
});

describe('countries and dates', () => {
  it('normalises nationalities', () => {
    expect(toCountryCode('Iraq')).toBe('IQ');
    expect(toCountryCode('IRQ')).toBe('IQ');
    expect(toCountryCode('iq')).toBe('IQ');
    expect(toCountryCode('Syrian Arab Republic')).toBe('SY');
    expect(toCountryCode('Atlantis')).toBeUndefined();
  });
  it('parses partial dates', () => {
    expect(parsePartialDate('1975')).toEqual({ kind: 'exact', year: 1975 });
    expect(parsePartialDate('1975-03')).toEqual({ kind: 'exact', year: 1975, month: 3 });
    expect(parsePartialDate('02/03/1975')).toEqual({ kind: 'exact', year: 1975, month: 3, day: 2 });
    expect(parsePartialDate('yesterday')).toBeUndefined();
  });
});
