/** Birth dates: parsing partial dates and comparing them as evidence. */
import type { BirthDate, DateOutcome } from './types.ts';

/**
 * Score adjustments for birth-date evidence (added to the name score), by how rarely the outcome occurs
 * between two different people: a full date agreeing (about 1 in 20,000 for birth years spread over
 * decades) weighs far more than a year agreeing (about 1 in 50), and a year inside a list's range weighs
 * the year's bonus divided by the range's width (see dateAdjustment).
 */
export const DATE_ADJUSTMENT: Record<DateOutcome, number> = {
  exact: 0.15,
  'day-month-swapped': 0.05,
  'same-year': 0.04,
  /** For a one-year range; wider ranges get less (dateAdjustment). */
  'in-range': 0.04,
  'near-year': 0,
  'different-day': -0.15,
  'different-year': -0.3,
  unknown: 0,
};

/** The adjustment of a date outcome; `in-range` gets the same-year bonus divided by the range's width in years. */
export function dateAdjustment(outcome: DateOutcome, entry?: BirthDate): number {
  if (outcome === 'in-range' && entry?.kind === 'range') return Math.round((DATE_ADJUSTMENT['in-range'] / (entry.toYear - entry.fromYear + 1)) * 1000) / 1000;
  return DATE_ADJUSTMENT[outcome];
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (also `/` or `.` separators, or `DD/MM/YYYY`); undefined when not a date. */
export function parsePartialDate(text: string | undefined | null): BirthDate | undefined {
  if (!text) return undefined;
  const s = text.trim();
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?$/.exec(s);
  if (m) return build(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

function build(year: number, month?: number, day?: number): BirthDate | undefined {
  if (year < 1800 || year > 2100) return undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  const d: BirthDate = { kind: 'exact', year };
  if (month !== undefined) d.month = month;
  if (month !== undefined && day !== undefined) d.day = day;
  return d;
}

/** Human-readable form of a birth date (`1975-03-02`, `c. 1975`, `1970–1975`). */
export function formatBirthDate(d: BirthDate): string {
  if (d.kind === 'range') return `${d.fromYear}–${d.toYear}`;
  if (d.kind === 'approximate') return `c. ${d.year}`;
  const mm = d.month === undefined ? '' : `-${String(d.month).padStart(2, '0')}`;
  const dd = d.day === undefined ? '' : `-${String(d.day).padStart(2, '0')}`;
  return `${d.year}${mm}${dd}`;
}

const RANK: Record<DateOutcome, number> = {
  exact: 7,
  'day-month-swapped': 6,
  'same-year': 5,
  'in-range': 4,
  'near-year': 3,
  unknown: 2,
  'different-day': 1,
  'different-year': 0,
};

/** Compares an applicant's date with one list date. */
export function compareDate(q: BirthDate, e: BirthDate): DateOutcome {
  if (q.kind !== 'exact') return 'unknown';
  if (e.kind === 'range') {
    if (q.year >= e.fromYear && q.year <= e.toYear) return 'in-range';
    if (q.year >= e.fromYear - 1 && q.year <= e.toYear + 1) return 'near-year';
    return 'different-year';
  }
  if (e.kind === 'approximate') {
    if (q.year === e.year) return 'same-year';
    if (Math.abs(q.year - e.year) <= 2) return 'near-year';
    return 'different-year';
  }
  if (q.year !== e.year) {
    // A one-year difference with full dates around New Year is still a difference: count it as such.
    return 'different-year';
  }
  if (q.month === undefined || e.month === undefined) return 'same-year';
  if (q.day === undefined || e.day === undefined) return q.month === e.month ? 'same-year' : 'different-day';
  if (q.month === e.month && q.day === e.day) return 'exact';
  if (q.month === e.day && q.day === e.month) return 'day-month-swapped';
  return 'different-day';
}

/** The best outcome over all the list's dates (a list may give several possible dates). */
export function compareDates(q: BirthDate | undefined, entryDates: readonly BirthDate[]): { outcome: DateOutcome; entry?: BirthDate } {
  if (!q || entryDates.length === 0) return { outcome: 'unknown' };
  let best: { outcome: DateOutcome; entry?: BirthDate } = { outcome: 'different-year' };
  let bestRank = -1;
  for (const e of entryDates) {
    const o = compareDate(q, e);
    if (RANK[o] > bestRank) {
      bestRank = RANK[o];
      best = { outcome: o, entry: e };
    }
  }
  return best;
}
