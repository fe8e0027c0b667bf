import { plural } from '../format/numbers';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  BreakerInfo,
  HealthCheckResult,
  HealthSnapshot,
  LifelineApi,
  RecoveryStats,
  ServiceEventInfo,
  TriggerServiceResult,
} from '../../../shared/contract';
import { stages as allStages, type Stage } from '../../../shared/contract';
import { describeError } from '../format/describe-error';
import { stageLabels } from '../format/labels';
import { createRefreshThrottle } from './refresh-throttle';
import { withBreaker } from './service-status';

/** The last thing the user asked of a service (Reset breaker, Trigger recovery) and how it went. */
export interface ServiceAction {
  kind: 'reset' | 'recover';
  pending: boolean;
  /** What happened, as a sentence; null while pending. */
  message: string | null;
  failed: boolean;
}

export interface HealthState {
  /** Overall status, reasons and every service; pushed whenever it changes. */
  snapshot: HealthSnapshot | null;
  /** Each service's recent checks, newest first. */
  history: Record<string, HealthCheckResult[]>;
  breakers: BreakerInfo[];
  recovery: RecoveryStats | null;
  /** Breaker transitions and recovery runs of every service, newest first. */
  events: ServiceEventInfo[];
  loaded: boolean;
  /** Why the last load failed, readable; null after a success. */
  error: string | null;
  actions: Record<string, ServiceAction>;
  refresh(): Promise<void>;
  /** Reloads soon; bursts of pushed events become at most one load a second. */
  requestRefresh(): void;
  /** A pushed snapshot: shown at once, the details behind it reloaded soon. */
  applyHealth(snapshot: HealthSnapshot): void;
  applyBreaker(breaker: BreakerInfo): void;
  /** Items changed (one may have been recovered): reload the recovery figures soon, at most every two seconds. */
  requestRecoveryRefresh(): void;
  /** Runs every health check now ("Check now"); the result arrives as pushed events too. */
  checkNow(): Promise<void>;
  /** Whether "Check now" is running, and why it failed. */
  checking: boolean;
  checkError: string | null;
  resetBreaker(name: string): Promise<void>;
  triggerRecovery(name: string): Promise<void>;
  /** The person is looking at Dead letters: the ones there now no longer make the app amber. */
  markDeadLettersSeen(): Promise<void>;
}

export type HealthStore = StoreApi<HealthState>;

/** Minimum time between two reloads asked for by pushed events, ms. */
const minRefreshIntervalMs = 1_000;
/** Service events loaded (all services together). */
const eventsLimit = 200;

function recoverySentence(r: TriggerServiceResult): string {
  const n = r.recovered.length;
  const recovered = n > 0 ? ` ${plural(n, 'stuck item')} ${n === 1 ? 'was' : 'were'} put back in the queue.` : '';
  switch (r.outcome) {
    case 'recovered':
      return `Recovery worked (${r.action}): ${r.detail}.${recovered}`;
    case 'failed':
      return `Recovery ran (${r.action}) but the service is not back yet: ${r.detail}.${recovered}`;
    case 'already_running':
      return `A recovery run is already under way (${r.action}); its result shows here when it ends.`;
  }
}

/** Services, their health history, breakers and recoveries: the Services screen and the overall status. */
export function createHealthStore(api: LifelineApi): HealthStore {
  let latest = 0;
  return createStore<HealthState>()((set, get) => {
    const setAction = (name: string, action: ServiceAction) => set({ actions: { ...get().actions, [name]: action } });

    const refresh = async () => {
      const mine = ++latest;
      const [health, breakers, recovery, events, details] = await Promise.all([
        api.call('health:get', {}),
        api.call('breakers:list', {}),
        api.call('recovery:stats', { limit: 20 }),
        api.call('health:events', { limit: eventsLimit }),
        // One call for every history: asking service by service could name one the settings just replaced.
        api.call('health:services', {}),
      ]);
      if (mine !== latest) return;
      const failed = [health, breakers, recovery, events, details].find((r) => !r.ok);
      if (failed && !failed.ok) {
        set({ loaded: true, error: describeError(failed.error) });
        return;
      }
      if (!health.ok || !breakers.ok || !recovery.ok || !events.ok || !details.ok) return;
      const history: Record<string, HealthCheckResult[]> = {};
      for (const d of details.value) history[d.name] = d.history;
      set({
        snapshot: health.value,
        history,
        breakers: breakers.value,
        recovery: recovery.value,
        events: events.value,
        loaded: true,
        error: null,
      });
    };
    const throttle = createRefreshThrottle(refresh, minRefreshIntervalMs);
    const recoveryThrottle = createRefreshThrottle(async () => {
      const r = await api.call('recovery:stats', { limit: 20 });
      if (r.ok) set({ recovery: r.value });
    }, 2_000);

    return {
      snapshot: null,
      history: {},
      breakers: [],
      recovery: null,
      events: [],
      loaded: false,
      error: null,
      actions: {},
      checking: false,
      checkError: null,
      refresh,
      async checkNow() {
        set({ checking: true, checkError: null });
        const r = await api.call('health:check', {});
        if (r.ok) set({ snapshot: r.value, checking: false });
        else set({ checking: false, checkError: describeError(r.error) });
        throttle.request();
      },
      requestRefresh: () => throttle.request(),
      applyHealth(snapshot) {
        set({ snapshot });
        throttle.request();
      },
      requestRecoveryRefresh: () => recoveryThrottle.request(),
      applyBreaker(breaker) {
        set({ breakers: withBreaker(get().breakers, breaker) });
        throttle.request();
      },
      async resetBreaker(name) {
        setAction(name, { kind: 'reset', pending: true, message: null, failed: false });
        const r = await api.call('breakers:reset', { name });
        if (r.ok) {
          set({ breakers: withBreaker(get().breakers, r.value) });
          const own = allStages.filter((st: Stage) => r.value.stages.includes(st)).map((st) => stageLabels[st]);
          const stages = own.length > 0 ? ` Items waiting at ${own.join(', ')} go on now.` : '';
          setAction(name, { kind: 'reset', pending: false, message: `Breaker closed by you.${stages}`, failed: false });
        } else {
          setAction(name, {
            kind: 'reset',
            pending: false,
            message: `Could not reset the breaker. ${describeError(r.error)}`,
            failed: true,
          });
        }
        throttle.request();
      },
      async triggerRecovery(name) {
        setAction(name, { kind: 'recover', pending: true, message: null, failed: false });
        const r = await api.call('recovery:triggerService', { name });
        if (r.ok)
          setAction(name, {
            kind: 'recover',
            pending: false,
            message: recoverySentence(r.value),
            failed: r.value.outcome === 'failed',
          });
        else
          setAction(name, {
            kind: 'recover',
            pending: false,
            message: `Could not run the recovery. ${describeError(r.error)}`,
            failed: true,
          });
        throttle.request();
      },
      async markDeadLettersSeen() {
        const r = await api.call('deadLetters:markSeen', {});
        // The new overall status arrives as a pushed health.changed; the count shows at once.
        const snapshot = get().snapshot;
        if (r.ok && snapshot) set({ snapshot: { ...snapshot, attention: r.value } });
      },
    };
  });
}
