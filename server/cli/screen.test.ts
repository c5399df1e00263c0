import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CliError } from './cli-error.ts';
import { screenCommand } from './screen.ts';

let dir: string;
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const run = (...args: string[]) => screenCommand().parseAsync(args, { from: 'user' });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tansiq-screen-'));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const LIST_CSV = [
  'id,name,aliases,date_of_birth,nationality,gender',
  'L1,Nabil Karim Haddad,نبيل كريم حداد,1975-03-02,Lebanon,male',
  'L2,Zbigniew Kurzweil,,1960,PL,male',
  'L3,Mohammed Ali,,,,',
].join('\n');
const PEOPLE = [
  'id,full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality',
  'P1,Nabeel Kareem Hadad,,,,male,1975-03-02,Beirut,LB',
  'P2,,Jane,,Doe,female,1990,,GB',
  'P3,كرزويل زبيغنيو,,,,,,,',
  ',Mohammed Ali,,,,,,,',
].join('\n');

describe('tansiq screen', () => {
  it('writes one row per hit, best first, with explanation columns', async () => {
    const out = join(dir, 'out.csv');
    await run('--watchlist', file('list.csv', LIST_CSV), '--people', file('people.csv', PEOPLE), '--out', out);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {}).slice(0, 4)).toEqual(['person_id', 'entry_id', 'score', 'matched_name']);
    expect(rows.map((r) => [r.person_id, r.entry_id])).toEqual([
      ['P1', 'L1'],
      ['P3', 'L2'],
    ]);
    expect(Number(rows[0]?.score)).toBeGreaterThanOrEqual(0.7);
    expect(rows[0]?.explanation).toContain('dob exact');
  });

  it('reads a UN XML list (format from the extension) and honours --threshold', async () => {
    const xml = `<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>NABIL</FIRST_NAME><SECOND_NAME>HADDAD</SECOND_NAME><REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`;
    const out = join(dir, 'un.csv');
    await run('--watchlist', file('un.xml', xml), '--people', file('p2.csv', 'full_name\nNabeel Hadad\nJohn Smith\n'), '--out', out, '--threshold', '0.5');
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.person_id, r.entry_id])).toEqual([['1', 'QDi.001']]);
  });

  it('reads FtM JSON lines with --format', async () => {
    const ftm = JSON.stringify({ id: 'os-1', schema: 'Person', properties: { name: ['Zbigniew Kurzweil'] } });
    const out = join(dir, 'ftm.csv');
    await run('--watchlist', file('list.data', ftm), '--format', 'ftm', '--people', file('p3.csv', 'full_name\nZbigniew Kurcweil\n'), '--out', out);
    expect(readFileSync(out, 'utf8')).toContain('os-1');
  });

  it('fails with exit code 2 and a clear message on bad input', async () => {
    const people = file('ok.csv', 'full_name\nA B\n');
    const bad = async (args: string[], message: RegExp) => {
      const err = await run(...args).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CliError);
      expect((err as CliError).exitCode).toBe(2);
      expect((err as CliError).message).toMatch(message);
    };
    await bad(['--watchlist', join(dir, 'missing.csv'), '--people', people, '--out', join(dir, 'x.csv')], /cannot read watchlist file/);
    await bad(['--watchlist', file('broken.xml', '<CONSOLIDATED_LIST><INDIVIDUALS>'), '--people', people, '--out', join(dir, 'x.csv')], /invalid XML/);
    await bad(['--watchlist', file('l.csv', LIST_CSV), '--people', file('bad.csv', 'nom\nx\n'), '--out', join(dir, 'x.csv')], /no name column/);
    await bad(['--watchlist', file('l2.csv', LIST_CSV), '--people', people, '--out', join(dir, 'x.csv'), '--threshold', '2'], /--threshold/);
    await bad(['--watchlist', file('l3.csv', LIST_CSV), '--people', people, '--out', join(dir, 'x.csv'), '--format', 'pdf'], /--format/);
    await bad(['--people', people, '--out', join(dir, 'x.csv')], /--watchlist/);
  });

  it('has --help', () => {
    const help = screenCommand().helpInformation();
    for (const flag of ['--watchlist', '--format', '--people', '--out', '--threshold']) expect(help).toContain(flag);
  });
});
