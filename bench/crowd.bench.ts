/**
 * Crowd engine benchmark: a full Lusail Stadium ingress (88,966 fans, 44 gates, 4 hours of arrivals)
 * cold in a fresh process and warm, one million fans, and the lane recommendation for one match.
 * Targets (issue): cold Lusail < 50 ms on one core, 1,000,000 fans < 300 ms, recommendation < 2 s.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { lusailScenario } from '../server/modules/crowd/engine/examples/lusail-scenario.ts';
import { recommendLanes, simulateIngress } from '../server/modules/crowd/engine/index.ts';
import type { BenchSection } from './run.ts';

const root = new URL('..', import.meta.url).pathname;
const COLD_RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function time(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

/** Whether `taskset` can pin a child process to one CPU (Linux util-linux). */
function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return true;
  } catch {
    return false;
  }
}

/** The first Lusail ingress in a fresh Node.js process (JIT cold; module loading not counted), in ms. */
function coldRun(pinned: boolean): number {
  const script = `
    const { lusailScenario } = await import(${JSON.stringify(`${root}server/modules/crowd/engine/examples/lusail-scenario.ts`)});
    const { simulateIngress } = await import(${JSON.stringify(`${root}server/modules/crowd/engine/index.ts`)});
    const scenario = lusailScenario();
    const t = performance.now();
    const r = simulateIngress(scenario);
    const ms = performance.now() - t;
    if (r.ingress.admitted !== 88966) throw new Error('wrong count');
    process.stdout.write(String(ms));`;
  const args = ['--import', 'tsx', '--input-type=module', '-e', script];
  const r = pinned
    ? spawnSync('taskset', ['-c', '0', process.execPath, ...args], { cwd: root, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cold run failed: ${r.stderr}`);
  return Number(r.stdout);
}

/** Runs the crowd benchmark and returns its markdown section. */
export async function run(): Promise<BenchSection> {
  const pinned = hasTaskset();
  const cold = Array.from({ length: COLD_RUNS }, () => coldRun(pinned));

  const lusail = lusailScenario();
  for (let i = 0; i < 5; i++) simulateIngress(lusail);
  const warm = median(Array.from({ length: 15 }, () => time(() => simulateIngress(lusail))));

  const million = lusailScenario(1_000_000);
  const millionFirst = time(() => simulateIngress(million));
  const millionWarm = median(Array.from({ length: 5 }, () => time(() => simulateIngress(million))));

  const recommendFirst = time(() => recommendLanes(lusail));
  const recommendWarm = median(Array.from({ length: 3 }, () => time(() => recommendLanes(lusail))));

  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const ok = (x: number, target: number) => (x < target ? 'yes' : '**no**');
  const gates = lusail.gates.length;
  const markdown = `
Scenario: \`lusailScenario()\` in \`server/modules/crowd/engine/examples/\`: 88,966 fans, ${gates} gates, the
"late-surge" arrival profile over 4 hours, lognormal screening (6 ± 2 s), 10 % secondary search of 45 s,
90 s walk, turnstiles at 660/h. The million-fan run uses the same gates with lanes and turnstiles scaled.
Times are wall-clock for \`simulateIngress\` (every fan simulated, statistics and per-minute series included).
Cold = the first call in a fresh Node.js process${pinned ? ' pinned to one CPU with `taskset -c 0`' : ''} (JIT warm-up included,
module loading excluded), ${COLD_RUNS} processes.

| Measurement | Figure | Target | Met |
|---|---|---|---|
| Lusail ingress, cold (median of ${COLD_RUNS} fresh processes; min ${ms(Math.min(...cold))}, max ${ms(Math.max(...cold))}) | ${ms(median(cold))} | < 50 ms | ${ok(median(cold), 50)} |
| Lusail ingress, warm median of 15 | ${ms(warm)} | — | |
| 1,000,000 fans, warm median of 5 (first call ${ms(millionFirst)}) | ${ms(millionWarm)} | < 300 ms | ${ok(millionWarm, 300)} |
| Lane recommendation for the Lusail match, warm median of 3 (first call ${ms(recommendFirst)}) | ${ms(recommendWarm)} | < 2,000 ms | ${ok(recommendWarm, 2000)} |
`;
  return { title: 'Crowd engine', markdown };
}
