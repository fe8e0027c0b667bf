import { z } from 'zod';
import { channel, writeChannel } from './define';
import { BreakerState } from './health-channels';

export const BreakerInfo = z.object({
  name: z.string(),
  label: z.string(),
  state: BreakerState,
  /** Since when it is in this state, when known. */
  since: z.string().nullable(),
  /** When an open breaker lets a probe through. */
  openUntil: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  /** Openings in a row without closing (each one doubles the open time, up to the cap). */
  reopenings: z.number().int(),
  reason: z.string().nullable(),
  /** Stages whose jobs wait while it is not closed. */
  stages: z.array(z.string()),
});
export type BreakerInfo = z.infer<typeof BreakerInfo>;

const Name = z.object({ name: z.string().min(1) });

export const breakersChannels = {
  'breakers:list': channel(z.object({}), z.array(BreakerInfo), 'Every circuit breaker with its state.'),
  'breakers:get': channel(Name, BreakerInfo, 'One circuit breaker.'),
  'breakers:reset': writeChannel(Name, BreakerInfo, 'Closes a breaker by hand; its stage resumes.'),
  'breakers:resetAll': writeChannel(
    z.object({}),
    z.object({ count: z.number().int() }),
    'Closes every breaker that is not closed.',
  ),
};
