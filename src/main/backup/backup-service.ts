import path from 'node:path';
import type { ScheduledTask } from 'node-cron';
import type { BackupConfig } from '../config/config';
import type { DataPaths } from '../config/data-dir';
import type { Logger } from '../log/logger';
import type { SqliteDatabase } from '../store/database';
import type { Stop } from '../../shared/stop';
import type { Clock } from '../time/clock';
import { backupsDirOf, listBackups, takeBackup, type BackupFile, type BackupReason } from '../store/backup-files';
import { runDoctor, type DoctorReport } from './doctor';
import { pendingRestore, requestRestoreAtStart, RestoreRefusedError } from './restore-store';
import { scheduleBackups } from './backup-schedule';
import { StoreHolder } from './store-holder';

export interface BackupServiceDeps {
  db: SqliteDatabase;
  paths: DataPaths;
  clock: Clock;
  config(): BackupConfig;
  log: Logger;
}

/** Backups of the open store: taken on a schedule or on demand, listed, and a restore asked for at the next start. */
export class BackupService {
  readonly dir: string;
  private task: ScheduledTask | null = null;
  private schedule: BackupConfig['schedule'] | null = null;
  private holder: { h: StoreHolder; owner: string } | null = null;

  constructor(private readonly d: BackupServiceDeps) {
    this.dir = backupsDirOf(d.paths.database);
  }

  list(): BackupFile[] {
    return listBackups(this.dir);
  }

  async take(reason: BackupReason): Promise<BackupFile> {
    const b = await takeBackup(this.d.db, this.dir, reason, this.d.clock.now(), this.d.config().keep);
    this.d.log.info({ backup: b.name, bytes: b.bytes, reason }, 'backup taken and verified');
    return b;
  }

  /** The engine has the store open: the chosen backup replaces it when Lifeline next starts. */
  restoreAtNextStart(name: string): BackupFile {
    const b = this.list().find((x) => x.name === name);
    if (!b) throw new RestoreRefusedError(`there is no backup named ${name} in ${this.dir}`);
    requestRestoreAtStart(this.d.paths, b.file);
    this.d.log.warn({ backup: name }, 'restore asked for: it happens at the next start');
    return b;
  }

  /** The backup a restart will put back, or null. */
  pendingRestore(): string | null {
    const f = pendingRestore(this.d.paths);
    return f ? path.basename(f) : null;
  }

  doctor(): DoctorReport {
    return runDoctor(this.d.paths, this.d.clock.now());
  }

  /** With an engine: names it as the store's holder and follows the schedule setting; the stop releases both. */
  start(owner: string): Stop {
    this.holder = { h: new StoreHolder(this.d.paths.dataDir), owner };
    this.holder.h.claim(owner);
    this.reschedule();
    return () => this.stop();
  }

  reschedule(): void {
    const next = this.d.config().schedule;
    if (next === this.schedule) return;
    this.task?.destroy();
    this.schedule = next;
    this.task = scheduleBackups(next, async () => {
      try {
        await this.take('scheduled');
      } catch (err: unknown) {
        // Never thrown into the scheduler: a full disk or a busy store is tried at the next run.
        this.d.log.error({ err }, 'scheduled backup failed');
      }
    });
  }

  stop(): void {
    this.task?.destroy();
    this.task = null;
    this.schedule = null;
    this.holder?.h.release(this.holder.owner);
    this.holder = null;
  }
}
