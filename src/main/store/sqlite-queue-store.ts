import type { QueuePorts } from '../queue/queue-store';
import type { SqliteDatabase } from './database';
import { eventLog } from './event-log';
import { SqliteEmergencyRecord } from './sqlite-emergency-record';
import { SqliteJobRuns } from './sqlite-job-runs';
import { SqliteJobSchedule } from './sqlite-job-schedule';
import { SqliteLeaseQueries } from './sqlite-lease-queries';
import { SqliteStageParking } from './sqlite-stage-parking';
import { SqliteSuspendedLeases } from './sqlite-suspended-leases';
import { SqliteUserActions } from './sqlite-user-actions';

/**
 * The SQLite adapters of the queue's ports, on one connection: all SQL that changes job state lives
 * in them. They are handed to `Queue` (the one door to job state) and to nothing else.
 */
export function sqliteQueuePorts(db: SqliteDatabase): QueuePorts {
  const log = eventLog(db);
  return {
    schedule: new SqliteJobSchedule(db, log),
    runs: new SqliteJobRuns(db, log),
    parking: new SqliteStageParking(db, log),
    leases: new SqliteLeaseQueries(db),
    suspend: new SqliteSuspendedLeases(db),
    actions: new SqliteUserActions(db, log),
    emergency: new SqliteEmergencyRecord(db, log),
  };
}
