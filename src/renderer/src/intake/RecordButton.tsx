import { formatDuration } from '../format/numbers';
import { useRecorder } from '../stores/stores-context';

/** Record / Stop, with the elapsed time and the input level while recording. */
export function RecordButton() {
  const phase = useRecorder((s) => s.phase);
  const elapsed = useRecorder((s) => s.elapsed);
  const start = useRecorder((s) => s.start);
  const stop = useRecorder((s) => s.stop);
  if (phase === 'idle' || phase === 'starting') {
    return (
      <button type="button" className="button-record" onClick={() => void start()} disabled={phase === 'starting'}>
        <span className="record-dot" aria-hidden="true" />
        {phase === 'starting' ? 'Starting…' : 'Record'}
      </button>
    );
  }
  return (
    <button
      type="button"
      className="button-record button-recording"
      onClick={() => void stop()}
      disabled={phase === 'stopping'}
      aria-label={`Stop recording (${formatDuration(elapsed)})`}
    >
      <span className="stop-square" aria-hidden="true" />
      {phase === 'stopping' ? 'Saving…' : `Stop ${formatDuration(elapsed)}`}
    </button>
  );
}
