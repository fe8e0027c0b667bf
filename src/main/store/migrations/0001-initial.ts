import type { Migration } from './migration';

/**
 * Items (recordings), their pipeline job, live leases and the event log.
 *
 * Shape chosen for the hot path (enqueue → claim → complete): a job row is 1:1 with its item and
 * moves from stage to stage, so a transition writes one narrow row, one event and the one index the
 * claim needs. Live lease data (owner, expiry, progress) sits in `leases`, a table as small as the
 * number of running jobs: heartbeats and the stuck scan never touch the big tables.
 */
export const m0001Initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE items (
      id          INTEGER PRIMARY KEY,
      sha256      BLOB    NOT NULL UNIQUE,
      source_path TEXT    NOT NULL,
      file_name   TEXT    NOT NULL,
      size_bytes  INTEGER NOT NULL,
      stored_path TEXT,
      created_at  INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE jobs (
      item_id       INTEGER PRIMARY KEY REFERENCES items (id),
      stage         TEXT    NOT NULL,
      state         TEXT    NOT NULL,
      priority      INTEGER NOT NULL DEFAULT 0,
      run_at        INTEGER NOT NULL,
      attempts      INTEGER NOT NULL DEFAULT 0,
      max_attempts  INTEGER NOT NULL,
      recoveries    INTEGER NOT NULL DEFAULT 0,
      -- Claim counter: every claim takes a new token and every write by a worker names its token,
      -- so a worker presumed dead can never overwrite the attempt that replaced it.
      lease_token   INTEGER NOT NULL DEFAULT 0,
      wait_reason   TEXT,
      error_code    TEXT,
      error_message TEXT,
      updated_at    INTEGER NOT NULL
    ) STRICT;
    -- Claim-next walks this index: its cost does not grow with the number of queued jobs.
    CREATE INDEX jobs_claimable ON jobs (stage, priority DESC, item_id) WHERE state = 'queued';
    CREATE INDEX jobs_due ON jobs (run_at) WHERE state IN ('scheduled', 'retry_scheduled');
    CREATE INDEX jobs_waiting ON jobs (stage) WHERE state = 'waiting';
    CREATE INDEX jobs_dead ON jobs (item_id) WHERE state = 'dead';

    CREATE TABLE leases (
      item_id             INTEGER PRIMARY KEY REFERENCES jobs (item_id),
      token               INTEGER NOT NULL,
      owner               TEXT    NOT NULL,
      stage               TEXT    NOT NULL,
      acquired_at         INTEGER NOT NULL,
      expires_at          INTEGER NOT NULL,
      heartbeat_at        INTEGER NOT NULL,
      progress_step       TEXT,
      progress_percent    REAL,
      progress_message    TEXT,
      progress_changed_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE events (
      id            INTEGER PRIMARY KEY,
      item_id       INTEGER NOT NULL REFERENCES items (id),
      at            INTEGER NOT NULL,
      type          TEXT    NOT NULL,
      stage         TEXT,
      actor         TEXT    NOT NULL,
      detail        TEXT,
      error_code    TEXT,
      error_message TEXT
    ) STRICT;
    CREATE INDEX events_by_item ON events (item_id, id);
  `,
};
