import type { Stage } from '../../shared/contract';
import type { StageHandler } from '../engine/stage-handler';

/** A stage with no engine behind it: its jobs wait, visibly, with `reason`. */
export class UnavailableStage implements StageHandler {
  constructor(
    readonly stage: Stage,
    private readonly reason: string,
  ) {}
  availability() {
    return { ok: false, reason: this.reason } as const;
  }
  run(): Promise<never> {
    return Promise.reject(new Error(`${this.stage} cannot run: ${this.reason}`));
  }
}
