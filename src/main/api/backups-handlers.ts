import type { BackupInfo } from '../../shared/contract';
import type { BackupFile } from '../store/backup-files';
import { ApiError } from './api-error';
import type { ApiContext, Handler } from './handlers';

type BackupChannels = 'backups:list' | 'backups:create' | 'backups:restoreAtRestart' | 'backups:doctor';

const info = (b: BackupFile): BackupInfo => ({
  name: b.name,
  at: new Date(b.at).toISOString(),
  reason: b.reason,
  bytes: b.bytes,
});

export function backupsHandlers(ctx: ApiContext): { [C in BackupChannels]: Handler<C> } {
  const { backups } = ctx;
  return {
    'backups:list': () => {
      const c = ctx.settings.current.backup;
      return {
        dir: backups.dir,
        schedule: c.schedule,
        keep: c.keep,
        backups: backups.list().map(info),
        pendingRestore: backups.pendingRestore(),
      };
    },
    'backups:create': async () => {
      const refusal = await ctx.disk.intakeRefusal('a backup');
      if (refusal) throw new ApiError('DISK_FULL', refusal);
      return info(await backups.take('manual'));
    },
    'backups:restoreAtRestart': (req) => {
      try {
        const b = backups.restoreAtNextStart(req.name);
        return {
          name: b.name,
          message: `${b.name} will replace the store when Lifeline next starts; restart it to finish the restore`,
        };
      } catch (err: unknown) {
        if (err instanceof Error && err.name === 'RestoreRefusedError')
          throw new ApiError('INVALID_REQUEST', err.message);
        throw err;
      }
    },
    'backups:doctor': () => ({ checks: backups.doctor().checks }),
  };
}
