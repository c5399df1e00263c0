import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../../cli/cli-error.ts';
import { crowdCommand } from '../../../cli/crowd.ts';

const examples = new URL('./examples/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tansiq-crowd-'));

/** Runs `crowd …args` in-process and returns what it printed. */
async function run(...args: string[]): Promise<string> {
  let printed = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
  try {
    await crowdCommand().parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return printed;
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

afterEach(() => vi.restoreAllMocks());

describe('tansiq crowd', () => {
  it('simulate --json prints the contract fields, minutes relative to kickoff', async () => {
    const out = JSON.parse(await run('simulate', '--scenario', `${examples}sample.scenario.json`, '--json'));
    expect(Object.keys(out.ingress)).toEqual(
      expect.arrayContaining(['admitted', 'lastEntryMinute', 'meanWaitMinutes', 'p95WaitMinutes', 'maxWaitMinutes', 'maxQueue', 'inByKickoffShare', 'gates']),
    );
    expect(Object.keys(out.ingress.gates[0])).toEqual(
      expect.arrayContaining(['id', 'admitted', 'maxQueue', 'meanWaitMinutes', 'p95WaitMinutes', 'lastEntryMinute']),
    );
    expect(out.ingress.admitted).toBe(40_000);
    expect(out.seed).toBe(7);
    expect(out.egress.routes.map((r: { id: string }) => r.id)).toEqual(['E1', 'E2', 'E3', 'E4']);
    // The worst route is the 16 m stair with 20 % of 40,000: 8,000 / (66 × 16) minutes.
    expect(out.egress.normalEgressMinutes).toBeCloseTo(8_000 / (66 * 16), 12);
    expect(out.egress.meetsTarget).toBe(true);
  });

  it('--seed overrides the scenario seed; the same seed gives the same output', async () => {
    const a = await run('simulate', '--scenario', `${examples}sample.scenario.json`, '--json', '--seed', '1');
    const b = await run('simulate', '--scenario', `${examples}sample.scenario.json`, '--json', '--seed', '1');
    const c = await run('simulate', '--scenario', `${examples}sample.scenario.json`, '--json', '--seed', '2');
    expect(JSON.parse(a).seed).toBe(1);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('simulate without --json prints a readable summary', async () => {
    const text = await run('simulate', '--scenario', `${examples}sample.scenario.json`);
    expect(text).toContain('Ingress');
    expect(text).toContain('last entry');
    expect(text).toContain('normal egress');
  });

  it('capacity --json and recommend --json run on the examples', async () => {
    const capacity = JSON.parse(await run('capacity', '--plan', `${examples}sample.capacity-plan.json`, '--json'));
    expect(capacity.venue.limitingFactor).toBeTypeOf('string');
    expect(capacity.sections).toHaveLength(3);
    const recommend = JSON.parse(await run('recommend', '--scenario', `${examples}sample.scenario.json`, '--json'));
    expect(recommend.gates).toHaveLength(4);
  });

  it('each subcommand has help', () => {
    const crowd = crowdCommand();
    for (const name of ['simulate', 'capacity', 'recommend']) {
      const sub = crowd.commands.find((c) => c.name() === name);
      expect(sub?.helpInformation()).toContain('--');
    }
    expect(crowd.commands.find((c) => c.name() === 'simulate')?.helpInformation()).toContain('--scenario <file>');
  });

  it.each([
    ['a missing file', ['simulate', '--scenario', join(dir, 'missing.json')], /cannot read scenario file/],
    ['invalid JSON', ['simulate', '--scenario', file('bad.json', '{ nope')], /not valid JSON/],
    ['a bad field', ['simulate', '--scenario', file('lanes.json', { attendance: 10, arrivals: { kind: 'uniform', from: -10, to: 0 }, gates: [{ id: 'G', share: 1, screening: { lanes: 'ten', service: { kind: 'fixed', seconds: 6 } }, turnstiles: { count: 1 } }] })], /gates\[0\]\.screening\.lanes/],
    ['a bad seed', ['simulate', '--scenario', `${examples}sample.scenario.json`, '--seed', '-3'], /--seed/],
    ['an unknown flag', ['simulate', '--scenario', `${examples}sample.scenario.json`, '--bogus'], /unknown option/],
    ['a missing --plan', ['capacity'], /--plan/],
  ])('%s is a CliError with exit code 2', async (_name, args, message) => {
    const error = await run(...args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toMatch(message);
  });

  it('a process using the command exits with code 2 and names the field on stderr', () => {
    const bad = file('share.json', { attendance: 10, arrivals: { kind: 'uniform', from: -10, to: 0 }, gates: [{ id: 'G', share: 0.5, screening: { lanes: 1, service: { kind: 'fixed', seconds: 6 } }, turnstiles: { count: 1 } }] });
    const cli = new URL('../../../cli/crowd.ts', import.meta.url).pathname;
    const errors = new URL('../../../cli/cli-error.ts', import.meta.url).pathname;
    const script = `import { crowdCommand } from ${JSON.stringify(cli)}; import { CliError } from ${JSON.stringify(errors)};
try { await crowdCommand().parseAsync(process.argv.slice(1), { from: 'user' }); }
catch (e) { if (e instanceof CliError) { process.stderr.write(e.message + '\\n'); process.exit(e.exitCode); } throw e; }`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, 'simulate', '--scenario', bad], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('gates: gate shares must sum to 1');
  });
});
