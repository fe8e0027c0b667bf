import type { IntakeEntry } from '../stores/intake-store';
import { formatBytes, formatDuration } from '../format/numbers';
import { routeHref } from '../navigation/use-hash-route';
import { useIntake, useRecorder } from '../stores/stores-context';
import { ErrorMessage } from '../components/ErrorMessage';

function LevelMeter({ level }: { level: number }) {
  const pct = Math.round(level * 100);
  return (
    <div
      className="level"
      role="meter"
      aria-label="Input level"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
    >
      <div className="level-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}

function Recording() {
  const phase = useRecorder((s) => s.phase);
  const elapsed = useRecorder((s) => s.elapsed);
  const level = useRecorder((s) => s.level);
  const saved = useRecorder((s) => s.savedSeconds);
  const problem = useRecorder((s) => s.problem);
  const error = useRecorder((s) => s.error);
  const lastSaved = useRecorder((s) => s.lastSaved);
  const discard = useRecorder((s) => s.discard);
  const dismiss = useRecorder((s) => s.dismiss);
  if (phase === 'recording' || phase === 'stopping') {
    return (
      <div className="intake-recording" role="group" aria-label="Recording">
        <span className="record-live" aria-hidden="true" />
        <strong>Recording</strong>
        <span className="recording-elapsed" aria-label="Elapsed">
          {formatDuration(elapsed)}
        </span>
        <LevelMeter level={level} />
        <span className="recording-saved">saved {formatDuration(saved)}</span>
        {phase === 'recording' && (
          <button type="button" className="button-quiet" onClick={() => void discard()}>
            Discard recording
          </button>
        )}
        {problem && (
          <p className="recording-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
    );
  }
  if (error) {
    return (
      <ErrorMessage action="Dismiss" onAction={dismiss} quiet>
        {error}
      </ErrorMessage>
    );
  }
  if (lastSaved) {
    return (
      <div className="intake-saved" role="status">
        <p>
          {lastSaved.itemId === null ? (
            `The recording held no audio; nothing was added.`
          ) : (
            <>
              Saved <a href={routeHref({ name: 'item', id: lastSaved.itemId })}>{lastSaved.name}</a> (
              {formatDuration(lastSaved.seconds)}) as item {lastSaved.itemId}.
              {lastSaved.earlierParts > 0 &&
                ` The server restarted while you recorded; the audio before that was saved as ${lastSaved.earlierParts === 1 ? 'a separate item' : 'separate items'}.`}
            </>
          )}
        </p>
        <button type="button" className="button-quiet" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    );
  }
  return null;
}

function entryText(e: IntakeEntry): string {
  switch (e.status) {
    case 'waiting':
      return 'waiting';
    case 'sending':
      return e.size ? `uploading ${formatBytes(e.sent)} of ${formatBytes(e.size)}` : 'adding…';
    case 'added':
      return `added as item ${e.itemId}`;
    case 'duplicate':
      return e.message ?? 'already in Lifeline';
    case 'failed':
      return `not added: ${e.message ?? 'unknown error'}`;
  }
}

function Uploads() {
  const entries = useIntake((s) => s.entries);
  const busy = useIntake((s) => s.busy);
  const dismiss = useIntake((s) => s.dismiss);
  if (entries.length === 0) return null;
  return (
    <div className="intake-uploads" role="region" aria-label="Added files">
      <ul>
        {entries.map((e) => (
          <li key={e.key} className={`intake-entry intake-${e.status}`}>
            {e.itemId !== null ? (
              <a href={routeHref({ name: 'item', id: e.itemId })}>{e.name}</a>
            ) : (
              <span>{e.name}</span>
            )}
            <span className="intake-status">{entryText(e)}</span>
            {e.status === 'sending' && e.size ? (
              <progress max={e.size} value={e.sent} aria-label={`Uploading ${e.name}`} />
            ) : null}
          </li>
        ))}
      </ul>
      {!busy && (
        <button type="button" className="button-quiet" onClick={dismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}

/** What is happening to audio being added from this window: uploads, duplicates, the recording. */
export function IntakePanel() {
  return (
    <div className="intake-panel">
      <Recording />
      <Uploads />
    </div>
  );
}
