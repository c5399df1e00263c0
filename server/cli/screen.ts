/**
 * `tansiq screen`: screens a people file against a watchlist and writes one CSV row per hit.
 * Thin: reads the files, calls the vetting engine (in worker threads for large files), writes the CSV.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, type CommanderError } from 'commander';
import { stringify } from 'csv-stringify/sync';
import {
  buildIndex,
  DEFAULT_THRESHOLD,
  detectWatchlistFormat,
  explanationText,
  type Hit,
  parsePeopleCsv,
  parseWatchlist,
  type PersonInput,
  ScreeningInputError,
  screenPerson,
  type WatchlistEntry,
  type WatchlistSource,
} from '../modules/vetting/engine/index.ts';
import { screenBatch } from '../modules/vetting/engine/index.ts';
import { CliError } from './cli-error.ts';

const FORMATS: WatchlistSource[] = ['un-xml', 'ftm', 'csv'];
/** Below this many people, screening runs in this thread (starting workers costs more than it saves). */
const WORKER_MIN_PEOPLE = 2000;

/** CSV columns of the result file: the four stable ones first, explanation columns after. */
export const RESULT_COLUMNS = [
  'person_id',
  'entry_id',
  'score',
  'matched_name',
  'source_ref',
  'name_score',
  'birth_date',
  'nationality',
  'gender',
  'explanation',
] as const;

interface ScreenOpts {
  watchlist: string;
  format?: string;
  people: string;
  out: string;
  threshold?: string;
  workers?: string;
}

/** Builds the `screen` command. */
export function screenCommand(): Command {
  const command = new Command('screen')
    .description('Screen people (CSV) against a watchlist (UN XML, OpenSanctions FtM JSON lines or CSV); one output row per hit')
    .requiredOption('--watchlist <file>', 'watchlist file: UN Security Council Consolidated List XML, FtM JSON lines, or CSV id,name,aliases,date_of_birth,nationality,gender')
    .option('--format <format>', `watchlist format: ${FORMATS.join('|')} (default: from the file extension, then the content)`)
    .requiredOption('--people <file>', 'people CSV: id,full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality')
    .requiredOption('--out <file>', 'result CSV: person_id,entry_id,score,matched_name, then explanation columns')
    .option('--threshold <t>', `alert threshold between 0 and 1 (default ${DEFAULT_THRESHOLD})`)
    .option('--workers <n>', 'worker threads for large files (default 2)')
    .action(async (opts: ScreenOpts) => {
      await runScreen(opts);
    });
  command.configureOutput({ outputError: () => {} });
  command.exitOverride((err: CommanderError) => {
    if (err.exitCode === 0) throw err;
    throw new CliError(err.message.replace(/^error: /, ''));
  });
  return command;
}

function readInput(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new CliError(`cannot read ${what} file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function parseThreshold(value: string | undefined): number {
  if (value === undefined) return DEFAULT_THRESHOLD;
  const t = Number(value);
  if (!Number.isFinite(t) || t < 0 || t > 1) throw new CliError(`--threshold must be a number between 0 and 1 (got "${value}")`);
  return t;
}

function parseWorkers(value: string | undefined): number {
  if (value === undefined) return 2;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliError(`--workers must be a whole number from 1 to 64 (got "${value}")`);
  return n;
}

function progressReporter(total: number): (done: number) => void {
  if (total < WORKER_MIN_PEOPLE) return () => {};
  const tty = process.stderr.isTTY === true;
  let lastShown = -1;
  return (done) => {
    const pct = Math.floor((done / total) * 100);
    if (tty) {
      if (pct === lastShown) return;
      lastShown = pct;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      process.stderr.write(`\rscreening [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${done}/${total}`);
      if (done === total) process.stderr.write('\n');
    } else {
      const step = Math.floor(pct / 25) * 25;
      if (step === lastShown) return;
      lastShown = step;
      process.stderr.write(`screening: ${step}% (${done}/${total})\n`);
    }
  };
}

async function runScreen(opts: ScreenOpts): Promise<void> {
  const threshold = parseThreshold(opts.threshold);
  const workers = parseWorkers(opts.workers);
  if (opts.format !== undefined && !FORMATS.includes(opts.format as WatchlistSource)) {
    throw new CliError(`--format must be one of ${FORMATS.join(', ')} (got "${opts.format}")`);
  }
  const started = performance.now();
  const listBytes = readInput(opts.watchlist, 'watchlist');
  const peopleBytes = readInput(opts.people, 'people');
  const format = (opts.format as WatchlistSource | undefined) ?? detectWatchlistFormat(opts.watchlist, listBytes);
  let entries: WatchlistEntry[];
  let people: PersonInput[];
  try {
    entries = parseWatchlist(format, listBytes);
    people = parsePeopleCsv(peopleBytes);
  } catch (err) {
    if (err instanceof ScreeningInputError) throw new CliError(err.message);
    throw err;
  }
  if (entries.length === 0) throw new CliError(`watchlist ${opts.watchlist}: no person entries found (format ${format})`);

  const progress = progressReporter(people.length);
  let results: Hit[][];
  if (people.length >= WORKER_MIN_PEOPLE && workers > 1) {
    results = await screenBatch(entries, people, { threshold, workers, onProgress: (done) => progress(done) });
  } else {
    const index = buildIndex(entries);
    results = people.map((p, i) => {
      const hits = screenPerson(index, p, { threshold });
      if ((i + 1) % 500 === 0 || i + 1 === people.length) progress(i + 1);
      return hits;
    });
  }

  const rows: string[][] = [];
  for (const hits of results) {
    for (const h of hits) {
      const e = h.explanation;
      rows.push([
        h.personId,
        h.entryId,
        h.score.toFixed(3),
        h.matchedName,
        h.sourceRef,
        e.nameScore.toFixed(3),
        e.birthDate.outcome,
        e.nationality.outcome,
        e.gender.outcome,
        explanationText(e),
      ]);
    }
  }
  try {
    writeFileSync(opts.out, stringify(rows, { header: true, columns: [...RESULT_COLUMNS] }));
  } catch (err) {
    throw new CliError(`cannot write ${opts.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const flagged = results.filter((h) => h.length > 0).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `screened ${people.length} people against ${entries.length} list entries (${format}) in ${seconds} s: ${rows.length} hits for ${flagged} people at threshold ${threshold.toFixed(2)} → ${opts.out}\n`,
  );
}
