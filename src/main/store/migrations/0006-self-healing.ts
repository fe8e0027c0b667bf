import type { Migration } from './migration';

/**
 * Self-healing: the recovery log, persisted circuit breakers, service events (the audit trail of
 * things that are not items: breaker transitions, auto-recovery runs, health changes), settings
 * and recent health results.
 *
 * Nothing here is written on the enqueue → claim → complete path: recoveries, transitions and
 * probes are rare. Metrics read `events`, whose ids grow with time, so they need no table of their own.
 * Deliberately no index on `leases (expires_at)`: `leases` already holds only the running jobs (it is
 * the index of what could be stuck), and the extra B-tree cost ~15% of lifecycle throughput (bench/).
 */
export const m0006SelfHealing: Migration = {
  version: 6,
  name: 'self-healing',
  sql: `
    CREATE TABLE recovery_log (
      id            INTEGER PRIMARY KEY,
      item_id       INTEGER NOT NULL REFERENCES items (id),
      stage         TEXT    NOT NULL,
      -- lease_expired | max_duration | progress_stalled | worker_gone | manual
      rule          TEXT    NOT NULL,
      rule_detail   TEXT    NOT NULL,
      -- resume | restart | validate | escalate
      strategy      TEXT    NOT NULL,
      -- requeued | succeeded | dead | lost_race | failed
      outcome       TEXT    NOT NULL,
      -- startup | scan | worker_exit | manual
      trigger       TEXT    NOT NULL,
      -- What a resume started from (percent), so a resume that made no headway is not repeated.
      checkpoint_percent REAL,
      owner         TEXT    NOT NULL,
      -- The stuck job's last heartbeat: where the outage started, for time-to-recovery.
      stalled_since INTEGER NOT NULL,
      detected_at   INTEGER NOT NULL,
      duration_ms   REAL    NOT NULL,
      detail        TEXT
    ) STRICT;
    CREATE INDEX recovery_log_by_time ON recovery_log (detected_at);
    CREATE INDEX recovery_log_by_item ON recovery_log (item_id, id);

    CREATE TABLE breakers (
      name       TEXT    PRIMARY KEY,
      -- The policy's state as JSON (circuit-breaker-policy.ts); restored as is at start.
      state      TEXT    NOT NULL,
      -- Bumped on every write, so an engine notices a reset made by another process.
      rev        INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE service_events (
      id      INTEGER PRIMARY KEY,
      at      INTEGER NOT NULL,
      service TEXT    NOT NULL,
      type    TEXT    NOT NULL,
      actor   TEXT    NOT NULL,
      detail  TEXT
    ) STRICT;
    CREATE INDEX service_events_by_service ON service_events (service, id);

    CREATE TABLE settings (
      key        TEXT    PRIMARY KEY,
      -- JSON: a number or a boolean, validated against the settings schema on write and on read.
      value      TEXT    NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    -- One counter per shared table that engines cache (settings, breakers): a writer bumps it in the
    -- same transaction, so another process knows with one tiny read whether to reload.
    CREATE TABLE revisions (
      name TEXT    PRIMARY KEY,
      rev  INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE health_checks (
      id         INTEGER PRIMARY KEY,
      service    TEXT    NOT NULL,
      at         INTEGER NOT NULL,
      status     TEXT    NOT NULL,
      latency_ms REAL,
      message    TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX health_checks_by_service ON health_checks (service, id);
  `,
};
