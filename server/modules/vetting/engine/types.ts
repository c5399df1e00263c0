/** Shared types of the name-screening engine (pure data, no behaviour). */

/** Where a watchlist entry came from. */
export type WatchlistSource = 'un-xml' | 'ftm' | 'csv';

/** How a name of a list entry is qualified by its source. */
export type NameKind = 'primary' | 'alias' | 'weak-alias' | 'original-script';

export interface EntryName {
  /** The name as written in the source (any script). */
  full: string;
  kind: NameKind;
}

/**
 * A birth date as far as it is known: an exact date (to year, month or day precision),
 * an approximate year, or a range of years.
 */
export type BirthDate =
  | { kind: 'exact'; year: number; month?: number; day?: number }
  | { kind: 'approximate'; year: number }
  | { kind: 'range'; fromYear: number; toYear: number };

export type Gender = 'male' | 'female';

/** One person on a watchlist, whatever the source format. */
export interface WatchlistEntry {
  /** Stable id of the entry inside the list (the source reference when there is one). */
  id: string;
  source: WatchlistSource;
  /** The source's own reference (UN: reference number such as `QDi.001`; FtM: entity id; CSV: id column). */
  sourceRef: string;
  names: EntryName[];
  birthDates: BirthDate[];
  /** ISO 3166-1 alpha-2 codes, upper case. */
  nationalities: string[];
  gender?: Gender;
  /** Extra identifiers kept from the source (e.g. UN DATAID). */
  extra?: Record<string, string>;
}

/** A person to be screened (an applicant for a badge). */
export interface PersonInput {
  id: string;
  fullName?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  gender?: Gender;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  dateOfBirth?: string;
  placeOfBirth?: string;
  /** ISO code (alpha-2 or alpha-3) or English country name. */
  nationality?: string;
}

export type Script = 'latin' | 'arabic' | 'cyrillic' | 'greek' | 'other';

/** How two name parts were found to correspond. */
export type TokenMatchKind = 'same' | 'variant' | 'transliteration' | 'phonetic' | 'typo' | 'initial';

export interface TokenMatch {
  /** The applicant's name part as written. */
  query: string;
  /** The list entry's name part as written. */
  entry: string;
  kind: TokenMatchKind;
  /** Similarity of the two parts, 0..1. */
  similarity: number;
  /** Weight of the part in the score (rare parts weigh more), 0..1. */
  weight: number;
  /** True when the part is a generic name (Mohammed, Abdullah, …) or very common in the list. */
  isGeneric: boolean;
}

export type DateOutcome =
  | 'exact'
  | 'day-month-swapped'
  | 'same-year'
  | 'in-range'
  | 'near-year'
  | 'different-day'
  | 'different-year'
  | 'unknown';

export type NationalityOutcome = 'match' | 'different' | 'unknown';
export type GenderOutcome = 'match' | 'different' | 'unknown';

/**
 * Why a person hit a list entry: a structured object, rendered by the web app in Arabic, French or
 * English, and summarised in English by `explanationText`.
 */
export interface Explanation {
  /** The applicant's name that was compared (as written). */
  queryName: string;
  /** The list entry's name that matched best (as written). */
  matchedName: string;
  matchedNameKind: NameKind;
  /** Name parts paired with each other, best first. */
  tokens: TokenMatch[];
  /** Applicant name parts that found no counterpart. */
  unmatchedQuery: string[];
  /** List name parts that found no counterpart. */
  unmatchedEntry: string[];
  /** Particles ignored or weighed lightly (al-, bin, abu …). */
  particles: string[];
  /** Score from the names alone, 0..1. */
  nameScore: number;
  /** True when only generic or very common parts matched; the name score was then capped. */
  genericOnly: boolean;
  birthDate: { outcome: DateOutcome; query?: string; entry?: string; adjustment: number };
  nationality: { outcome: NationalityOutcome; query?: string; entry: string[]; adjustment: number };
  gender: { outcome: GenderOutcome; adjustment: number };
  /** Final score after evidence, 0..1. */
  score: number;
  threshold: number;
}

export interface Hit {
  personId: string;
  entryId: string;
  sourceRef: string;
  score: number;
  matchedName: string;
  explanation: Explanation;
}

export interface ScreenOptions {
  /** Hits below this score are dropped. Default `DEFAULT_THRESHOLD`. */
  threshold?: number;
  /** Keep at most this many hits per person (best first). Default 10. */
  maxHits?: number;
}
