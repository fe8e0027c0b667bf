import { z } from 'zod';
import { BreakerInfo } from './breakers-channels';
import { HealthSnapshot } from './health-channels';
import { ModelEntry } from './models-channels';
import { ItemSummary, Progress } from './model';

/** Events pushed from the engine to every connected UI (IPC or WebSocket). */
export const PushedEvent = z.discriminatedUnion('type', [
  /** Items whose state changed (from this process or another one sharing the data dir). */
  z.object({ type: z.literal('items.changed'), items: z.array(ItemSummary) }),
  /** Live progress of a running stage; not persisted as events. */
  z.object({ type: z.literal('item.progress'), id: z.number().int(), progress: Progress }),
  /** The watch folder looked at a file (added, a duplicate, unreadable) or changed state: ask `intake:status`. */
  z.object({ type: z.literal('intake.changed') }),
  /** The overall status or its reasons changed (the tray listens to this), with every service. */
  z.object({ type: z.literal('health.changed'), health: HealthSnapshot }),
  /** A round of health checks finished (every `health.intervalMs`): new history, latency and uptime for each service. */
  z.object({ type: z.literal('health.checked'), health: HealthSnapshot }),
  /** A circuit breaker moved (closed / open / half-open). */
  z.object({ type: z.literal('breaker.changed'), breaker: BreakerInfo }),
  /** A whisper model's download moved on (a few times a second at most), finished, failed, or a model was chosen or removed. */
  z.object({ type: z.literal('models.changed'), models: z.array(ModelEntry) }),
]);
export type PushedEvent = z.infer<typeof PushedEvent>;
export type PushedEventType = PushedEvent['type'];
