import type { RecoveryPlan } from '../queue/queue';
import type { Lease } from '../queue/queue-store';
import { missingCase } from '../../shared/missing-case';
import type { StrategyChoice } from './recovery-strategy-policy';
import type { StuckRule, StuckRuleKind } from './stuck-rules-policy';

const summaryCodes: Record<StuckRuleKind, string> = {
  lease_expired: 'NO_HEARTBEAT',
  max_duration: 'RAN_TOO_LONG',
  progress_stalled: 'PROGRESS_STALLED',
  worker_gone: 'WORKER_LOST',
  manual: 'RECOVERED_BY_USER',
};

/**
 * What a chosen strategy does to the job (pure): the failure summary a requeued item shows, or the
 * error of a dead letter, which names the failing part when one part kept stopping the stage.
 */
export function recoveryPlan(
  lease: Lease,
  rule: StuckRule,
  why: string,
  choice: StrategyChoice,
  maxRecoveries: number,
): RecoveryPlan {
  const { strategy, because } = choice;
  switch (strategy) {
    case 'requeue':
      return { strategy, why: `${why}; ${because}` };
    case 'validate':
      return { strategy, why };
    case 'escalate':
      if (choice.failedPart) {
        return {
          strategy,
          why: `${why}; ${because}`,
          error: {
            code: 'PART_FAILED',
            message: `${choice.failedPart} stopped the ${lease.stage} stage ${lease.recoveries + 1} times in a row (last: ${why}); the parts before it are kept`,
          },
        };
      }
      return {
        strategy,
        why: `${why}; ${because}`,
        error: {
          code: 'RECOVERY_EXHAUSTED',
          message: `the ${lease.stage} stage stopped ${lease.recoveries + 1} times without finishing (last: ${why})`,
        },
      };
    case 'resume':
    case 'restart':
      return {
        strategy,
        why,
        summary: {
          code: summaryCodes[rule.kind],
          message: `${why}; recovered (${lease.recoveries + 1} of ${maxRecoveries}) to ${strategy === 'resume' ? 'resume from its checkpoint' : 'restart the stage'}: ${because}`,
        },
      };
    default:
      return missingCase(strategy);
  }
}
