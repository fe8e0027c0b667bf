import { useEffect } from 'react';
import { useBackups } from '../../stores/stores-context';

const when = (iso: string) => new Date(iso).toLocaleString();
const size = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
const reasons = { scheduled: 'scheduled', manual: 'by hand', 'before-migration': 'before an update' } as const;

/** Backups of the store: list, back up now, restore (at the next start), and the doctor's checks. */
export function BackupsPanel() {
  const list = useBackups((s) => s.list);
  const error = useBackups((s) => s.error);
  const busy = useBackups((s) => s.busy);
  const notice = useBackups((s) => s.notice);
  const checks = useBackups((s) => s.checks);
  const load = useBackups((s) => s.load);
  const backUpNow = useBackups((s) => s.backUpNow);
  const restoreAtRestart = useBackups((s) => s.restoreAtRestart);
  const check = useBackups((s) => s.check);

  useEffect(() => void load(), [load]);

  return (
    <section id="settings-backup-list" className="panel settings-group" aria-labelledby="backups-heading">
      <h3 id="backups-heading">Backup files</h3>
      <p className="lede">
        Each backup is an online copy of the store checked with SQLite&apos;s integrity check
        {list
          ? ` (${list.schedule === 'off' ? 'no schedule' : list.schedule}, the newest ${list.keep} kept in ${list.dir})`
          : ''}
        . Restoring replaces the store when Lifeline next starts: the running engine has it open. The store it replaces
        is kept in the backups folder.
      </p>
      <div className="toolbar">
        <button type="button" onClick={() => void backUpNow()} disabled={busy !== null}>
          {busy === 'backup' ? 'Backing up…' : 'Back up now'}
        </button>
        <button type="button" className="button-quiet" onClick={() => void check()} disabled={busy !== null}>
          {busy === 'doctor' ? 'Checking…' : 'Check the store'}
        </button>
      </div>
      <p className={`notice${error ? ' notice-failed' : ''}`} role="status">
        {error ??
          notice ??
          (list?.pendingRestore
            ? `${list.pendingRestore} will be restored at the next start. Restart Lifeline to finish.`
            : '')}
      </p>
      {list && list.backups.length === 0 && <p className="placeholder">No backups yet.</p>}
      {list && list.backups.length > 0 && (
        <table className="backups-table">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.name}>
                <td title={b.name}>{when(b.at)}</td>
                <td>{reasons[b.reason]}</td>
                <td>{size(b.bytes)}</td>
                <td>
                  <button
                    type="button"
                    className="button-quiet"
                    disabled={busy !== null || list.pendingRestore === b.name}
                    onClick={() => void restoreAtRestart(b.name)}
                  >
                    {list.pendingRestore === b.name ? 'Restores at next start' : 'Restore at next start'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {checks && (
        <ul className="doctor-checks" aria-label="Store checks">
          {checks.map((c) => (
            <li key={c.name} className={`doctor-${c.status}`}>
              <strong>{c.name}</strong> {c.status === 'ok' ? 'ok' : c.status === 'warn' ? 'needs a look' : 'failed'}:{' '}
              {c.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
