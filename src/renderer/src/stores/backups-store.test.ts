import { describe, expect, it } from 'vitest';
import type { BackupsList, ChannelName, LifelineApi } from '../../../shared/contract';
import { createBackupsStore } from './backups-store';

function fakeApi(list: BackupsList) {
  const calls: [ChannelName, unknown][] = [];
  const api = {
    transport: 'headless',
    audioUrl: () => '',
    subscribe: () => () => {},
    call: (channel: ChannelName, request: unknown) => {
      calls.push([channel, request]);
      switch (channel) {
        case 'backups:list':
          return Promise.resolve({ ok: true, value: list });
        case 'backups:create':
          return Promise.resolve({
            ok: false,
            error: {
              code: 'DISK_FULL',
              message:
                'the disk is full (50 MiB free, Lifeline needs 200 MiB): a backup was not accepted; free some space and try again',
            },
          });
        case 'backups:restoreAtRestart':
          list.pendingRestore = (request as { name: string }).name;
          return Promise.resolve({ ok: true, value: { name: list.pendingRestore, message: '' } });
        default:
          return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: channel } });
      }
    },
  } as unknown as LifelineApi;
  return { api, calls };
}

const backup = {
  name: 'lifeline-20261207-040000000-scheduled.db',
  at: '2026-12-07T04:00:00.000Z',
  reason: 'scheduled' as const,
  bytes: 4096,
};

describe('the backups store', () => {
  it('tells the user a chosen restore needs a restart, and shows it as pending', async () => {
    const { api, calls } = fakeApi({
      dir: '/d/backups',
      schedule: 'daily',
      keep: 7,
      backups: [backup],
      pendingRestore: null,
    });
    const store = createBackupsStore(api);
    await store.getState().load();
    await store.getState().restoreAtRestart(backup.name);
    expect(calls.map((c) => c[0])).toEqual(['backups:list', 'backups:restoreAtRestart', 'backups:list']);
    expect(store.getState().notice).toBe(
      `${backup.name} will replace the store at the next start. Restart Lifeline to finish the restore.`,
    );
    expect(store.getState().list?.pendingRestore).toBe(backup.name);
  });

  it('shows why a backup was refused when the disk is full', async () => {
    const { api } = fakeApi({ dir: '/d/backups', schedule: 'daily', keep: 7, backups: [], pendingRestore: null });
    const store = createBackupsStore(api);
    await store.getState().backUpNow();
    expect(store.getState().error).toMatch(/^Not enough disk space\. The disk is full \(50 MiB free/);
    expect(store.getState().busy).toBeNull();
  });
});
