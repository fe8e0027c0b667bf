import type { StageExecutor } from '../../engine/stage-executor';
import type { HealthProbe } from '../health-probe';
import { workersHealth } from '../workers-health-policy';

/** The worker processes: are there enough, and do they keep dying? (The rules: workers-health-policy.ts.) */
export function workersProbe(executor: StageExecutor): HealthProbe {
  return {
    name: 'workers',
    label: 'Workers',
    required: true,
    check: () => workersHealth(executor.liveness()),
  };
}
