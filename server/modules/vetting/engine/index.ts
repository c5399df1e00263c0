/**
 * Name-screening engine (pure, deterministic): watchlist parsers, list index, person screening with
 * explanations. The same code serves the CLI, the API and batch jobs; `screenBatch` (worker-pool.ts)
 * spreads a batch over worker threads.
 */
export { toCountryCode, toCountryCodes } from './countries.ts';
export { compareDates, formatBirthDate, parsePartialDate } from './dates.ts';
export { explanationText } from './explain.ts';
export { knowledgeSize } from './knowledge.ts';
export { type NamePart, type PreparedName, prepareName } from './names.ts';
export {
  detectWatchlistFormat,
  diffWatchlists,
  parseFtm,
  parsePeopleCsv,
  parseUnXml,
  parseWatchlist,
  parseWatchlistCsv,
  ScreeningInputError,
  type WatchlistDiff,
} from './parsers.ts';
export { compareNames, compareNamesPlain, defaultWeight, type NameComparison } from './score.ts';
export { DEFAULT_THRESHOLD, preparePerson, screenPeople, screenPerson, screenPrepared } from './screen.ts';
export type * from './types.ts';
export { buildIndex, type IndexOptions, type WatchlistIndex } from './watchlist-index.ts';
export { type BatchOptions, screenBatch } from './worker-pool.ts';
