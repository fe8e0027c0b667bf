import { formatCount, plural } from '../format/numbers';
import { useIntake } from '../stores/stores-context';

/** Where audio comes in by itself: the watch folder's path, whether it is being watched, and what it added. */
export function WatchFolderPanel() {
  const status = useIntake((s) => s.watchFolder);
  const error = useIntake((s) => s.watchError);
  let body;
  if (error) body = <p className="message message-error">Could not ask about the watch folder. {error}</p>;
  else if (status === undefined) body = null;
  else if (status === null)
    body = (
      <p className="unavailable">
        No watch folder is set. Choose one in <a href="#/settings">Settings</a> (or start Lifeline with{' '}
        <code>LIFELINE_WATCH_DIR=/path/to/folder</code>) and every recording that appears there is added by itself.
      </p>
    );
  else
    body = (
      <>
        <p className={status.state === 'missing' ? 'status status-warn' : 'watch-line'}>
          <span className="path">{status.path}</span>{' '}
          {status.state === 'missing' ? (
            <>
              — not watched: {status.problem}. Create it (or choose another in Settings) and files are added from then
              on.
            </>
          ) : (
            <>— watching: new recordings there are added by themselves.</>
          )}
        </p>
        <p className="hint">
          {plural(status.added, 'file')} added
          {status.duplicates > 0 && `, ${formatCount(status.duplicates)} already in Lifeline (not added again)`}
          {status.rejected > 0 && `, ${formatCount(status.rejected)} could not be read`}
          {status.settling > 0 &&
            `; ${plural(status.settling, 'file')} still being written, added once ${status.settling === 1 ? 'it stops' : 'they stop'} growing`}
          .
        </p>
      </>
    );
  return (
    <section className="panel" aria-labelledby="watch-heading">
      <h3 id="watch-heading">Watch folder</h3>
      {body}
    </section>
  );
}
