/**
 * `tansiq crowd`: ingress simulation, lane recommendation and the Green Guide capacity check from JSON
 * files. Thin: reads and validates the file with the contract, calls the engine, prints text or JSON.
 */
import { readFileSync } from 'node:fs';
import { Command, type CommanderError } from 'commander';
import type { z } from 'zod';
import {
  CapacityPlan,
  type CapacityResult,
  CrowdScenario,
  DEFAULT_CROWD_SEED,
  describeIssues,
  type LaneRecommendation,
  type SimulationResult,
} from '../../common/contracts/crowd-scenario.ts';
import { checkCapacity, recommendLanes, simulateScenario } from '../modules/crowd/engine/index.ts';
import { CliError } from './cli-error.ts';

/** Builds the `crowd` command with its `simulate`, `recommend` and `capacity` subcommands. */
export function crowdCommand(): Command {
  const crowd = new Command('crowd').description('Crowd flow: ingress simulation, lane recommendation, Green Guide capacity check');
  throwCliErrors(crowd);

  const simulate = new Command('simulate')
    .description('Simulate match-day ingress (and egress and transit when the scenario has them)')
    .requiredOption('--scenario <file>', 'scenario JSON file (see docs/crowd-engine.md)')
    .option('--seed <n>', `random seed; overrides the scenario's seed (default ${DEFAULT_CROWD_SEED})`)
    .option('--json', 'print one JSON object instead of text')
    .action((opts: { scenario: string; seed?: string; json?: boolean }) => {
      const scenario = readValidated(opts.scenario, CrowdScenario, 'scenario');
      const result = asCliError(() => simulateScenario(scenario, { seed: parseSeed(opts.seed) }));
      write(opts.json ? `${JSON.stringify(result)}\n` : formatSimulation(scenario, result));
    });

  const recommend = new Command('recommend')
    .description('Recommend screening lanes per gate per slot and the stewards they need')
    .requiredOption('--scenario <file>', 'scenario JSON file')
    .option('--seed <n>', "random seed; overrides the scenario's seed")
    .option('--target-p95 <minutes>', '95th-percentile wait target in minutes', '15')
    .option('--slot <minutes>', 'staffing slot length in minutes', '15')
    .option('--max-lanes <n>', 'most lanes a gate can open', '40')
    .option('--json', 'print one JSON object instead of text')
    .action((opts: { scenario: string; seed?: string; targetP95: string; slot: string; maxLanes: string; json?: boolean }) => {
      const scenario = readValidated(opts.scenario, CrowdScenario, 'scenario');
      const result = asCliError(() => recommendLanes(scenario, {
        seed: parseSeed(opts.seed),
        targetP95WaitMinutes: parsePositive(opts.targetP95, '--target-p95'),
        slotMinutes: parsePositive(opts.slot, '--slot'),
        maxLanes: parseWhole(opts.maxLanes, '--max-lanes', 1),
      }));
      write(opts.json ? `${JSON.stringify(result)}\n` : formatRecommendation(result));
    });

  const capacity = new Command('capacity')
    .description('Check a capacity plan with the Green Guide method (entry, holding, exit, emergency evacuation)')
    .requiredOption('--plan <file>', 'capacity plan JSON file (see docs/crowd-engine.md)')
    .option('--json', 'print one JSON object instead of text')
    .action((opts: { plan: string; json?: boolean }) => {
      const plan = readValidated(opts.plan, CapacityPlan, 'capacity plan');
      const result = checkCapacity(plan);
      write(opts.json ? `${JSON.stringify(result)}\n` : formatCapacity(plan.venue, result));
    });

  for (const sub of [simulate, recommend, capacity]) {
    throwCliErrors(sub);
    crowd.addCommand(sub);
  }
  return crowd;
}

/**
 * Commander's own mistakes (unknown option, missing value) become CliError (exit code 2, printed once by
 * the main CLI); help keeps commander's normal exit.
 */
function throwCliErrors(command: Command): void {
  command.configureOutput({ outputError: () => {} });
  command.exitOverride((err: CommanderError) => {
    // Help (asked for, or shown because no subcommand was given) and version keep commander's own exit.
    if (err.exitCode === 0 || err.code === 'commander.help' || err.code === 'commander.helpDisplayed') return;
    throw new CliError(err.message.replace(/^error: /, ''));
  });
}

/** Runs the engine; a scenario it cannot handle (RangeError) is the user's mistake, reported as a CliError. */
function asCliError<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof RangeError) throw new CliError(err.message);
    throw err;
  }
}

function write(text: string): void {
  process.stdout.write(text);
}

/** Reads a JSON file and validates it, turning every failure into a CliError that names the field. */
function readValidated<T extends z.ZodType>(file: string, schema: T, what: string): z.infer<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${what} file "${file}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${what} file "${file}" is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CliError(`invalid ${what} "${file}":\n  ${describeIssues(parsed.error).join('\n  ')}`);
  return parsed.data;
}

function parseSeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return parseWhole(value, '--seed', 0);
}

function parseWhole(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min)
    throw new CliError(`${flag} must be a whole number${min > 0 ? ` of at least ${min}` : ' (0 or more)'}, got "${value}"`);
  return n;
}

function parsePositive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`${flag} must be a positive number, got "${value}"`);
  return n;
}

const int = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const dec = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** Minutes relative to kickoff with an explicit sign. */
const rel = (m: number): string => `${m >= 0 ? '+' : '−'}${dec.format(Math.abs(m))} min`;
const pct = (x: number): string => `${dec.format(x * 100)} %`;

/** The human-readable summary of a simulation. */
export function formatSimulation(scenario: CrowdScenario, r: SimulationResult): string {
  const i = r.ingress;
  const lines = [
    `${scenario.name ?? 'Scenario'}: ${int.format(scenario.attendance)} fans, ${scenario.gates.length} gates, seed ${r.seed}`,
    '',
    'Ingress (minutes relative to kickoff)',
    `  admitted               ${int.format(i.admitted)}`,
    `  first arrival          ${rel(i.firstArrivalMinute)}`,
    `  last entry             ${rel(i.lastEntryMinute)}`,
    `  seated by kickoff      ${pct(i.inByKickoffShare)}`,
    `  wait mean / p95 / max  ${dec.format(i.meanWaitMinutes)} / ${dec.format(i.p95WaitMinutes)} / ${dec.format(i.maxWaitMinutes)} min`,
    `  most fans queueing     ${int.format(i.maxQueue)}`,
    `  busiest gates          ${i.busiestGates.map((g) => `${g.id} (${int.format(g.maxQueue)} queueing, p95 ${dec.format(g.p95WaitMinutes)} min)`).join(', ')}`,
  ];
  if (r.egress) {
    const e = r.egress;
    lines.push(
      '',
      'Egress (Green Guide flow rates)',
      `  normal egress          ${dec.format(e.normalEgressMinutes)} min (target ${dec.format(e.targetMinutes)}: ${e.meetsTarget ? 'met' : 'NOT MET'})`,
      `  at 60 p/(m·min)        ${dec.format(e.realisticEgressMinutes)} min (observed-flow sensitivity, Larsson et al. 2021)`,
    );
    if (e.emergency)
      lines.push(
        `  emergency evacuation   ${dec.format(e.emergency.worstRouteMinutes)} min vs ${dec.format(e.emergency.evacuationMinutes)} min: ${e.emergency.meets ? 'met' : 'NOT MET'}`,
      );
    for (const route of e.routes)
      lines.push(`  ${route.id.padEnd(8)} ${route.kind.padEnd(6)} ${int.format(route.people).padStart(8)} people  ${dec.format(route.minutes)} min`);
  }
  if (r.transit) {
    lines.push('', 'Transit dispersal (minutes after the final whistle)', `  last fan gone          ${dec.format(r.transit.lastDepartureMinute)} min`);
    for (const m of r.transit.modes)
      lines.push(`  ${m.mode.padEnd(6)} ${int.format(m.people).padStart(8)} people, last departs at ${dec.format(m.lastDepartureMinute)} min`);
  }
  if (r.warnings.length > 0) lines.push('', 'Warnings', ...r.warnings.map((w) => `  ${w}`));
  return `${lines.join('\n')}\n`;
}

/** The human-readable lane recommendation. */
export function formatRecommendation(r: LaneRecommendation): string {
  const lines = [
    `Lanes per ${r.slotMinutes}-minute slot for a p95 wait under ${dec.format(r.targetP95WaitMinutes)} min, with no fan kept from kickoff by a screening queue`,
    '',
    'slot from  lanes  stewards',
    ...r.slots.map((s) => `${rel(s.fromMinute).padStart(10)}  ${String(s.lanes).padStart(5)}  ${String(s.stewards).padStart(8)}`),
    '',
    `peak stewards ${int.format(r.peakStewards)} (of which ${int.format(r.mobileStewards)} mobile, 1 per 250 spectators)`,
  ];
  const infeasible = r.gates.filter((g) => !g.feasible);
  if (infeasible.length > 0) lines.push('', 'Gates that cannot meet the target', ...infeasible.map((g) => `  ${g.id}: ${g.reason}`));
  return `${lines.join('\n')}\n`;
}

/** The human-readable capacity check. */
export function formatCapacity(venue: string | undefined, r: CapacityResult): string {
  const row = (cells: Array<string | number>) =>
    cells.map((c, k) => (k === 0 ? String(c).padEnd(16) : String(c).padStart(k === 6 ? 22 : 10))).join(' ');
  const lines = [
    `Capacity check${venue ? ` — ${venue}` : ''} (Green Guide method; final = lowest of the four)`,
    '',
    row(['section', 'holding', 'entry', 'exit', 'emergency', 'final', 'limited by']),
    ...r.sections.map((s) => row([s.id, s.holding, s.entry, s.exit, s.emergencyEvacuation, s.final, s.limitingFactor])),
    row(['venue', r.venue.holding, r.venue.entry, r.venue.exit, r.venue.emergencyEvacuation, r.venue.final, r.venue.limitingFactor]),
    '',
    `turnstiles ${r.parameters.turnstileRatePerHour}/h over ${r.parameters.entryWindowMinutes} min; egress ${r.parameters.normalEgressMinutes} min, emergency ${r.parameters.emergencyEvacuationMinutes} min; rates ${r.parameters.ratePerMetreMinute.level}/${r.parameters.ratePerMetreMinute.ramp}/${r.parameters.ratePerMetreMinute.stair} p/(m·min) level/ramp/stair`,
  ];
  return `${lines.join('\n')}\n`;
}
