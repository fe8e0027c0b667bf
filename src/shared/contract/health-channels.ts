import { z } from 'zod';
import { channel, writeChannel } from './define';

/**
 * `down` and `degraded` are failures; `disabled`, `paused`, `idle` and `starting` are benign.
 * `starting` (worker processes within their start-up window) does not count for uptime either way.
 */
export const ServiceStatus = z.enum(['up', 'degraded', 'down', 'disabled', 'paused', 'idle', 'starting', 'unknown']);
export type ServiceStatus = z.infer<typeof ServiceStatus>;

/** The tray colour; `starting` while the startup gate waits for required services. */
export const OverallStatus = z.enum(['green', 'amber', 'red', 'starting']);
export type OverallStatus = z.infer<typeof OverallStatus>;

export const BreakerState = z.enum(['closed', 'open', 'half_open']);
export type BreakerState = z.infer<typeof BreakerState>;

export const AutoRecoveryInfo = z.object({
  /** What the handler does, e.g. "restart the worker processes". */
  action: z.string(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastRunAt: z.string().nullable(),
  nextAllowedAt: z.string().nullable(),
  running: z.boolean(),
});
export type AutoRecoveryInfo = z.infer<typeof AutoRecoveryInfo>;

export const ServiceHealth = z.object({
  name: z.string(),
  label: z.string(),
  required: z.boolean(),
  status: ServiceStatus,
  message: z.string(),
  latencyMs: z.number().nullable(),
  /** Share of recent checks (up to the history size) that did not fail, percent; checks while starting are left out (null when there are no others). */
  uptimePercent: z.number().nullable(),
  checkedAt: z.string().nullable(),
  breaker: z
    .object({ state: BreakerState, openUntil: z.string().nullable(), reason: z.string().nullable() })
    .nullable(),
  /** Automatic recovery gave up: show "needs you" and the Trigger recovery action. */
  needsYou: z.boolean(),
  autoRecovery: AutoRecoveryInfo.nullable(),
});
export type ServiceHealth = z.infer<typeof ServiceHealth>;

/** Dead letters as things to look at: new ones (since the person last looked) make the app amber until seen. */
export const Attention = z.object({
  deadLetters: z.number().int(),
  /** Dead letters that arrived after the person last looked. */
  newDeadLetters: z.number().int(),
  /** When they last looked (opened Dead letters), ISO; null if never. */
  seenAt: z.string().nullable(),
});
export type Attention = z.infer<typeof Attention>;

export const HealthSnapshot = z.object({
  overall: OverallStatus,
  /** Why it is not green, as sentences, worst first. */
  reasons: z.array(z.string()),
  /** Benign states worth knowing (paused, switched off). */
  notes: z.array(z.string()),
  checkedAt: z.string().nullable(),
  /** `engine`: the running engine's monitor; `store`: checked from this process, which runs no engine. */
  source: z.enum(['engine', 'store']),
  services: z.array(ServiceHealth),
  attention: Attention,
});
export type HealthSnapshot = z.infer<typeof HealthSnapshot>;

export const HealthCheckResult = z.object({
  at: z.string(),
  status: ServiceStatus,
  latencyMs: z.number().nullable(),
  message: z.string(),
});
export type HealthCheckResult = z.infer<typeof HealthCheckResult>;

export const ServiceHealthDetail = ServiceHealth.extend({ history: z.array(HealthCheckResult) });
export type ServiceHealthDetail = z.infer<typeof ServiceHealthDetail>;

/** One row of a service's audit trail: a breaker transition, an auto-recovery run, a health colour change. */
export const ServiceEventInfo = z.object({
  id: z.number().int(),
  at: z.string(),
  service: z.string(),
  /** e.g. breaker_open, breaker_half_open, breaker_closed, auto_recovery_ran, auto_recovery_failed, auto_recovery_gave_up */
  type: z.string(),
  actor: z.enum(['engine', 'user', 'recovery', 'health']),
  detail: z.string().nullable(),
});
export type ServiceEventInfo = z.infer<typeof ServiceEventInfo>;

const ServiceName = z.object({ name: z.string().min(1) });

export const healthChannels = {
  'health:get': channel(z.object({}), HealthSnapshot, 'Overall status with its reasons, and every service.'),
  'health:service': channel(ServiceName, ServiceHealthDetail, 'One service with its recent checks.'),
  'health:services': channel(
    z.object({}),
    z.array(ServiceHealthDetail),
    'Every service with its recent checks, read at one moment (a service the settings just replaced cannot go missing between calls).',
  ),
  'health:events': channel(
    z.object({ name: z.string().min(1).optional(), limit: z.number().int().min(1).max(500).default(20) }),
    z.array(ServiceEventInfo),
    "A service's recent breaker transitions and recovery runs (or every service's), newest first.",
  ),
  'deadLetters:markSeen': writeChannel(
    z.object({}),
    Attention,
    'The person has seen every dead letter there is now (opening Dead letters does this): they no longer make the app amber; later ones will.',
  ),
  'health:check': channel(
    z.object({ name: z.string().min(1).optional() }),
    HealthSnapshot,
    'Runs the health checks now (all, or one service).',
  ),
};
