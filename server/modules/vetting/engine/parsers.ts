/**
 * Watchlist and people-file parsers: pure (string or Buffer in, entries out). Bad input throws a
 * `ScreeningInputError` saying what is wrong and where (line or row).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { toCountryCodes } from './countries.ts';
import { parsePartialDate } from './dates.ts';
import type { BirthDate, EntryName, Gender, PersonInput, WatchlistEntry, WatchlistSource } from './types.ts';

/** Input that cannot be read as the expected format. */
export class ScreeningInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScreeningInputError';
  }
}

type Input = string | Buffer | Uint8Array;

function text(input: Input): string {
  const s = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

export function parseGender(value: unknown): Gender | undefined {
  const v = String(value ?? '').trim().toLowerCase();
  if (v === 'm' || v === 'male' || v === 'man' || v === 'ذكر' || v === 'homme') return 'male';
  if (v === 'f' || v === 'female' || v === 'woman' || v === 'أنثى' || v === 'انثى' || v === 'femme') return 'female';
  return undefined;
}

function addName(names: EntryName[], full: unknown, kind: EntryName['kind']): void {
  const s = String(full ?? '').replace(/\s+/g, ' ').trim();
  if (!s) return;
  if (names.some((n) => n.full.toLowerCase() === s.toLowerCase())) return;
  names.push({ full: s, kind });
}

// ---------------------------------------------------------------- UN Security Council Consolidated List

const UN_ARRAYS = new Set(['INDIVIDUAL', 'INDIVIDUAL_ALIAS', 'INDIVIDUAL_DATE_OF_BIRTH', 'NATIONALITY', 'VALUE']);

function asArray<T>(v: T | T[] | undefined): T[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return '';
  return String(v).trim();
}

/** Parses the UN Security Council Consolidated List (official XML). Individuals only; entities are skipped. */
export function parseUnXml(input: Input): WatchlistEntry[] {
  const xml = text(input);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ScreeningInputError(`UN list: invalid XML at line ${valid.err.line}: ${valid.err.msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => UN_ARRAYS.has(name),
  });
  const doc = parser.parse(xml) as Record<string, unknown>;
  const root = doc.CONSOLIDATED_LIST as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object') throw new ScreeningInputError('UN list: no CONSOLIDATED_LIST element (is this the UN Security Council Consolidated List XML?)');
  const individuals = asArray((root.INDIVIDUALS as Record<string, unknown> | undefined)?.INDIVIDUAL) as Record<string, unknown>[];
  const out: WatchlistEntry[] = [];
  individuals.forEach((ind, i) => {
    const ref = str(ind.REFERENCE_NUMBER);
    const dataId = str(ind.DATAID);
    const sourceRef = ref || dataId;
    if (!sourceRef) throw new ScreeningInputError(`UN list: INDIVIDUAL #${i + 1} has neither REFERENCE_NUMBER nor DATAID`);
    const names: EntryName[] = [];
    addName(names, ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((k) => str(ind[k])).filter(Boolean).join(' '), 'primary');
    addName(names, str(ind.NAME_ORIGINAL_SCRIPT), 'original-script');
    for (const a of asArray(ind.INDIVIDUAL_ALIAS) as Record<string, unknown>[]) {
      const quality = str(a.QUALITY).toLowerCase();
      addName(names, str(a.ALIAS_NAME), quality === 'low' ? 'weak-alias' : 'alias');
    }
    if (names.length === 0) throw new ScreeningInputError(`UN list: ${sourceRef} has no name`);
    const birthDates: BirthDate[] = [];
    for (const d of asArray(ind.INDIVIDUAL_DATE_OF_BIRTH) as Record<string, unknown>[]) {
      const type = str(d.TYPE_OF_DATE).toUpperCase();
      const from = Number(str(d.FROM_YEAR));
      const to = Number(str(d.TO_YEAR));
      if (type === 'BETWEEN' && from > 0 && to >= from) {
        birthDates.push({ kind: 'range', fromYear: from, toYear: to });
        continue;
      }
      const date = parsePartialDate(str(d.DATE)) ?? parsePartialDate(str(d.YEAR));
      if (!date || date.kind !== 'exact') continue;
      if (type === 'APPROXIMATELY') birthDates.push({ kind: 'approximate', year: date.year });
      else birthDates.push(date);
    }
    const nationalities = new Set<string>();
    for (const n of asArray(ind.NATIONALITY) as Record<string, unknown>[]) {
      for (const v of asArray(n?.VALUE)) for (const c of toCountryCodes(str(v))) nationalities.add(c);
    }
    const entry: WatchlistEntry = { id: sourceRef, source: 'un-xml', sourceRef, names, birthDates, nationalities: [...nationalities] };
    const gender = parseGender(str(ind.GENDER));
    if (gender) entry.gender = gender;
    if (dataId) entry.extra = { dataId };
    out.push(entry);
  });
  return out;
}

// ---------------------------------------------------------------- OpenSanctions FollowTheMoney JSON lines

/** Parses person entities from FollowTheMoney JSON lines (one entity per line; other schemata are skipped). */
export function parseFtm(input: Input): WatchlistEntry[] {
  const out: WatchlistEntry[] = [];
  text(input)
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        throw new ScreeningInputError(`FtM: line ${i + 1} is not valid JSON`);
      }
      if (!obj || typeof obj !== 'object') throw new ScreeningInputError(`FtM: line ${i + 1} is not a JSON object`);
      const e = obj as { id?: unknown; schema?: unknown; properties?: Record<string, unknown> };
      if (e.schema !== 'Person') return;
      if (typeof e.id !== 'string' || !e.id) throw new ScreeningInputError(`FtM: line ${i + 1}: a Person without an id`);
      const props = e.properties ?? {};
      const values = (k: string): string[] => asArray(props[k] as unknown).map((v) => str(v)).filter(Boolean);
      const names: EntryName[] = [];
      for (const n of values('name')) addName(names, n, 'primary');
      for (const n of values('alias')) addName(names, n, 'alias');
      const first = values('firstName')[0];
      const last = values('lastName')[0];
      if (first || last) addName(names, [first, ...values('middleName').slice(0, 1), last].filter(Boolean).join(' '), names.length === 0 ? 'primary' : 'alias');
      for (const n of values('weakAlias')) addName(names, n, 'weak-alias');
      if (names.length === 0) throw new ScreeningInputError(`FtM: line ${i + 1}: Person ${e.id} has no name`);
      const birthDates: BirthDate[] = [];
      for (const d of values('birthDate')) {
        const p = parsePartialDate(d);
        if (p) birthDates.push(p);
      }
      const nationalities = new Set<string>();
      for (const k of ['nationality', 'citizenship', 'country']) for (const v of values(k)) for (const c of toCountryCodes(v)) nationalities.add(c);
      const entry: WatchlistEntry = { id: e.id, source: 'ftm', sourceRef: e.id, names, birthDates, nationalities: [...nationalities] };
      const gender = parseGender(values('gender')[0]);
      if (gender) entry.gender = gender;
      out.push(entry);
    });
  return out;
}

// ---------------------------------------------------------------- CSV lists and people

function readCsv(input: Input, what: string): { header: string[]; rows: Record<string, string>[] } {
  let records: string[][];
  try {
    records = parseCsv(text(input), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw new ScreeningInputError(`${what}: not a readable CSV file (${(err as Error).message})`);
  }
  const [first, ...rest] = records;
  if (!first) throw new ScreeningInputError(`${what}: the file is empty`);
  const header = first.map((h) => h.trim().toLowerCase());
  const rows = rest.map((r) => {
    const o: Record<string, string> = {};
    header.forEach((h, i) => {
      o[h] = (r[i] ?? '').trim();
    });
    return o;
  });
  return { header, rows };
}

/** Parses a CSV list with columns `id,name,aliases,date_of_birth,nationality,gender` (aliases and dates separated by `;`). */
export function parseWatchlistCsv(input: Input): WatchlistEntry[] {
  const { header, rows } = readCsv(input, 'CSV list');
  if (!header.includes('name')) throw new ScreeningInputError(`CSV list: missing column "name" (expected id,name,aliases,date_of_birth,nationality,gender; found ${header.join(',')})`);
  const seen = new Set<string>();
  return rows.map((r, i) => {
    const line = i + 2;
    const id = r.id || String(i + 1);
    if (seen.has(id)) throw new ScreeningInputError(`CSV list: line ${line}: duplicate id "${id}"`);
    seen.add(id);
    const names: EntryName[] = [];
    addName(names, r.name, 'primary');
    for (const a of (r.aliases ?? '').split(';')) addName(names, a, 'alias');
    if (names.length === 0) throw new ScreeningInputError(`CSV list: line ${line}: no name`);
    const birthDates: BirthDate[] = [];
    for (const d of (r.date_of_birth ?? '').split(';').map((x) => x.trim()).filter(Boolean)) {
      const p = parsePartialDate(d);
      if (!p) throw new ScreeningInputError(`CSV list: line ${line}: date_of_birth "${d}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
      birthDates.push(p);
    }
    const entry: WatchlistEntry = { id, source: 'csv', sourceRef: id, names, birthDates, nationalities: toCountryCodes(r.nationality) };
    const gender = parseGender(r.gender);
    if (gender) entry.gender = gender;
    return entry;
  });
}

const PEOPLE_NAME_COLUMNS = ['full_name', 'first_name', 'middle_name', 'last_name'];

/** Parses the people file: `id,full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality`. */
export function parsePeopleCsv(input: Input): PersonInput[] {
  const { header, rows } = readCsv(input, 'People file');
  if (!PEOPLE_NAME_COLUMNS.some((c) => header.includes(c))) {
    throw new ScreeningInputError(`People file: no name column (expected full_name or first_name/middle_name/last_name; found ${header.join(',')})`);
  }
  const out: PersonInput[] = [];
  rows.forEach((r, i) => {
    const line = i + 2;
    if (Object.values(r).every((v) => !v)) return;
    const p: PersonInput = { id: r.id || String(i + 1) };
    if (r.full_name) p.fullName = r.full_name;
    if (r.first_name) p.firstName = r.first_name;
    if (r.middle_name) p.middleName = r.middle_name;
    if (r.last_name) p.lastName = r.last_name;
    if (!p.fullName && !p.firstName && !p.middleName && !p.lastName) throw new ScreeningInputError(`People file: line ${line}: no name`);
    const g = parseGender(r.gender);
    if (g) p.gender = g;
    if (r.date_of_birth) {
      if (!parsePartialDate(r.date_of_birth)) throw new ScreeningInputError(`People file: line ${line}: date_of_birth "${r.date_of_birth}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
      p.dateOfBirth = r.date_of_birth;
    }
    if (r.place_of_birth) p.placeOfBirth = r.place_of_birth;
    if (r.nationality) p.nationality = r.nationality;
    out.push(p);
  });
  return out;
}

// ---------------------------------------------------------------- format detection

/** Guesses the list format from the file name, then from the content. */
export function detectWatchlistFormat(fileName: string, input: Input): WatchlistSource {
  const f = fileName.toLowerCase();
  if (f.endsWith('.xml')) return 'un-xml';
  if (f.endsWith('.jsonl') || f.endsWith('.ndjson') || f.endsWith('.json') || f.endsWith('.ftm')) return 'ftm';
  if (f.endsWith('.csv')) return 'csv';
  const head = text(typeof input === 'string' ? input.slice(0, 200) : Buffer.from(input).subarray(0, 200)).trimStart();
  if (head.startsWith('<')) return 'un-xml';
  if (head.startsWith('{')) return 'ftm';
  return 'csv';
}

/** Parses a list in the given format. */
export function parseWatchlist(format: WatchlistSource, input: Input): WatchlistEntry[] {
  if (format === 'un-xml') return parseUnXml(input);
  if (format === 'ftm') return parseFtm(input);
  return parseWatchlistCsv(input);
}

// ---------------------------------------------------------------- list versions

export interface WatchlistDiff {
  added: WatchlistEntry[];
  removed: WatchlistEntry[];
  changed: { before: WatchlistEntry; after: WatchlistEntry; fields: ('names' | 'birthDates' | 'nationalities' | 'gender')[] }[];
}

/** JSON with object keys sorted, so entries read back from a database (jsonb reorders keys) compare equal. */
function sortedJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  const keys = Object.keys(v as Record<string, unknown>).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** Order-insensitive form of a field: list items compared as a set. */
function canon(v: unknown): string {
  if (Array.isArray(v)) return JSON.stringify(v.map(sortedJson).sort());
  return sortedJson(v);
}

/** Differences between two versions of a list, by source reference (entries in each group ordered by reference). */
export function diffWatchlists(before: readonly WatchlistEntry[], after: readonly WatchlistEntry[]): WatchlistDiff {
  const old = new Map(before.map((e) => [e.sourceRef, e]));
  const cur = new Map(after.map((e) => [e.sourceRef, e]));
  const byRef = (a: WatchlistEntry, b: WatchlistEntry) => (a.sourceRef < b.sourceRef ? -1 : a.sourceRef > b.sourceRef ? 1 : 0);
  const diff: WatchlistDiff = { added: [], removed: [], changed: [] };
  for (const e of [...cur.values()].sort(byRef)) {
    const o = old.get(e.sourceRef);
    if (!o) {
      diff.added.push(e);
      continue;
    }
    const fields: WatchlistDiff['changed'][number]['fields'] = [];
    if (canon(o.names) !== canon(e.names)) fields.push('names');
    if (canon(o.birthDates) !== canon(e.birthDates)) fields.push('birthDates');
    if (canon(o.nationalities) !== canon(e.nationalities)) fields.push('nationalities');
    if ((o.gender ?? null) !== (e.gender ?? null)) fields.push('gender');
    if (fields.length > 0) diff.changed.push({ before: o, after: e, fields });
  }
  for (const o of [...old.values()].sort(byRef)) if (!cur.has(o.sourceRef)) diff.removed.push(o);
  return diff;
}
