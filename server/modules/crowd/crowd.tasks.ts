/**
 * The planner's heavy compute, run in a worker thread (server/platform/worker-task.ts): each task is a
 * pure function of the stored run inputs, so a run re-done with the same inputs gives the same result.
 */
import { CapacityPlan, CrowdScenario } from '../../../common/contracts/crowd-scenario.ts';
import type { RunInputs, RunResult } from '../../../common/contracts/crowd-plan.ts';
import type { Progress } from '../../platform/worker-task.ts';
import { checkCapacity, recommendLanes, simulateScenario } from './engine/index.ts';

/** Runs a simulation or a lane recommendation (with the capacity check) from a run's inputs. */
export function runCrowdTask(inputs: RunInputs, progress: Progress): RunResult {
  progress(1, 10);
  const scenario = CrowdScenario.parse(inputs.scenario);
  const capacity = checkCapacity(CapacityPlan.parse(inputs.capacityPlan));
  progress(2, 10);
  if (inputs.kind === 'simulation') {
    const simulation = simulateScenario(scenario, { seed: inputs.seed });
    progress(10, 10);
    return { simulation, recommendation: null, capacity };
  }
  const recommendation = recommendLanes(scenario, {
    seed: inputs.seed,
    targetP95WaitMinutes: inputs.recommendation.targetP95WaitMinutes,
    slotMinutes: inputs.recommendation.slotMinutes,
    spectatorsPerMobileSteward: inputs.recommendation.spectatorsPerMobileSteward,
  });
  progress(10, 10);
  return { simulation: null, recommendation, capacity };
}
