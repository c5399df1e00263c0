/**
 * `tansiq crowd-plan`: venue plan files (docs/crowd-plan.md) on the command line — the seeded example of a
 * stadium, validation with the Green Guide capacity check, the engine scenario a plan makes for a match,
 * and a simulation or lane recommendation from a plan. The web app and HTTP API do the same with versions.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { z } from 'zod';
import { CROWD_PLAN_FORMAT, CROWD_PLAN_FORMAT_VERSION, CrowdPlanFile, type VenuePlan } from '../../common/contracts/crowd-plan.ts';
import { ARRIVAL_PROFILE_NAMES, CapacityPlan, CrowdScenario, DEFAULT_CROWD_SEED, describeIssues } from '../../common/contracts/crowd-scenario.ts';
import { planToCapacityPlan, planToScenario } from '../modules/crowd/crowd.rules.ts';
import { planForStadium } from '../modules/crowd/crowd.seed.ts';
import { checkCapacity, recommendLanes, simulateScenario } from '../modules/crowd/engine/index.ts';
import stadiums from '../seed/data/qatar2022-stadiums.json' with { type: 'json' };
import { CliError } from './cli-error.ts';
import { formatCapacity, formatRecommendation, formatSimulation } from './crowd.ts';

const write = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

function readPlan(file: string): VenuePlan {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = CrowdPlanFile.safeParse(json);
  if (!parsed.success) throw new CliError(`${file} is not a valid plan file:\n${describeIssues(parsed.error).map((l) => `  ${l}`).join('\n')}`);
  return parsed.data.plan;
}

function whole(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${flag} must be a whole number ≥ 1`);
  return n;
}

interface RunFlags {
  plan: string;
  attendance?: string;
  profile: string;
  seed?: string;
  assignment: string;
  lanes?: string;
  json?: boolean;
}

function scenarioOf(opts: RunFlags): CrowdScenario {
  const plan = readPlan(opts.plan);
  if (!(ARRIVAL_PROFILE_NAMES as readonly string[]).includes(opts.profile)) throw new CliError(`--profile must be one of ${ARRIVAL_PROFILE_NAMES.join(', ')}`);
  if (opts.assignment !== 'split' && opts.assignment !== 'shortest-queue') throw new CliError('--assignment must be split or shortest-queue');
  const seats = plan.sections.reduce((s, x) => s + x.seats, 0);
  const scenario = planToScenario(plan, {
    attendance: whole(opts.attendance, '--attendance') ?? seats,
    arrivals: { kind: 'profile', name: opts.profile as (typeof ARRIVAL_PROFILE_NAMES)[number] },
    seed: opts.seed === undefined ? DEFAULT_CROWD_SEED : (whole(opts.seed, '--seed') ?? DEFAULT_CROWD_SEED),
    options: { assignment: opts.assignment, lanesPerGate: whole(opts.lanes, '--lanes') },
  });
  return CrowdScenario.parse(scenario);
}

function withRunFlags(c: Command): Command {
  return c
    .requiredOption('--plan <file>', 'plan file (docs/crowd-plan.md)')
    .option('--attendance <n>', 'spectators (default: the seats of the plan)')
    .option('--profile <name>', `arrival profile: ${ARRIVAL_PROFILE_NAMES.join(', ')}`, 'late-surge')
    .option('--seed <n>', `random seed (default ${DEFAULT_CROWD_SEED})`)
    .option('--assignment <rule>', 'gate choice in a stand: split or shortest-queue', 'split')
    .option('--lanes <n>', 'open this many lanes at every gate (what-if)')
    .option('--json', 'print JSON');
}

/** The JSON Schema (2020-12) of a plan file as written (defaults may be left out), from the zod contract. */
export function crowdPlanJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://tansiq.org/schemas/crowd-plan.schema.json',
    title: 'Tansiq venue crowd-flow plan file',
    ...z.toJSONSchema(CrowdPlanFile, { io: 'input', unrepresentable: 'any' }),
  };
}

export function crowdPlanCommand(): Command {
  const root = new Command('crowd-plan').description('Venue plan files: seeded example, capacity check, scenario, simulation, recommendation');

  root
    .command('example')
    .description("Print the seeded plan file of a Qatar 2022 stadium (every layout figure an assumption)")
    .requiredOption('--venue <name>', `one of: ${stadiums.map((s) => s.name).join(', ')}`)
    .action((opts: { venue: string }) => {
      const s = stadiums.find((x) => x.name.toLowerCase() === opts.venue.toLowerCase());
      if (!s) throw new CliError(`no stadium named "${opts.venue}"`);
      const plan = planForStadium({ name: s.name, capacity: s.tournamentCapacity, metroStation: s.nearestMetro.station });
      write(JSON.stringify({ format: CROWD_PLAN_FORMAT, formatVersion: CROWD_PLAN_FORMAT_VERSION, plan }, null, 2));
    });

  root
    .command('schema')
    .description('Print the JSON Schema of plan files (docs/crowd-plan.schema.json is this output)')
    .action(() => {
      write(JSON.stringify(crowdPlanJsonSchema(), null, 2));
    });

  root
    .command('check')
    .description('Validate a plan file (each problem named by its field) and run the Green Guide capacity check')
    .requiredOption('--plan <file>', 'plan file')
    .option('--json', 'print JSON')
    .action((opts: { plan: string; json?: boolean }) => {
      const plan = readPlan(opts.plan);
      const result = checkCapacity(CapacityPlan.parse(planToCapacityPlan(plan)));
      write(opts.json ? JSON.stringify(result) : formatCapacity(plan.venueName, result));
    });

  withRunFlags(root.command('scenario').description('Print the engine scenario a plan makes (for `tansiq crowd simulate --scenario`)')).action((opts: RunFlags) => {
    write(JSON.stringify(scenarioOf(opts), null, 2));
  });

  withRunFlags(root.command('simulate').description('Simulate ingress, egress and transit dispersal from a plan')).action((opts: RunFlags) => {
    const scenario = scenarioOf(opts);
    const result = simulateScenario(scenario);
    write(opts.json ? JSON.stringify(result) : formatSimulation(scenario, result));
  });

  withRunFlags(root.command('recommend').description('Recommend lanes per gate per 15-minute slot and the stewards needed')).action((opts: RunFlags) => {
    const result = recommendLanes(scenarioOf(opts));
    write(opts.json ? JSON.stringify(result) : formatRecommendation(result));
  });

  return root;
}
