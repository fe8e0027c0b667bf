import { memo } from 'react';
import { openRerun } from '../../format/rerun-state';
import type { ItemDetail, TranscriptSegment } from '../../../../shared/contract';
import { formatOffset } from '../../format/media-time';
import { stageLabels } from '../../format/labels';
import { liveProgress } from '../../stores/progress-store';
import { useProgress } from '../../stores/stores-context';

/** Moves the player to `seconds` and plays from there. */
export type SeekTo = (seconds: number) => void;

/** Where the transcript is not there (yet), why, in one sentence. */
function missingTranscript(item: ItemDetail): string {
  if (item.stage === 'ingest' && item.state === 'dead')
    return `No transcript: the recording stopped for good at ${stageLabels.ingest}, before it could be transcribed; see the status above for why and what to do.`;
  if (item.stage === 'ingest' && (item.state === 'cancelled' || item.state === 'discarded'))
    return `No transcript: the recording was ${item.state} at ${stageLabels.ingest}, before it could be transcribed.`;
  if (item.stage === 'ingest')
    return `The transcript appears here once the audio has been copied into the store (${stageLabels.ingest}) and transcribed.`;
  if (item.stage !== 'transcribe') return 'This recording has no stored transcript.';
  switch (item.state) {
    case 'running':
      return 'Transcribing: the first part appears here as soon as it is done.';
    case 'waiting':
      return `Waiting to be transcribed: ${item.waitReason ?? 'no reason recorded'}.`;
    case 'dead':
      return 'Transcription stopped for good; see the status above for why and what to do.';
    case 'cancelled':
      return 'Transcription was cancelled. Retry puts it back in the queue.';
    default:
      return 'Queued for transcription: the transcript appears here part by part as it is made.';
  }
}

const Segment = memo(function Segment({
  segment,
  active,
  onSeek,
}: {
  segment: TranscriptSegment;
  active: boolean;
  onSeek: SeekTo;
}) {
  return (
    <li className="segment" aria-current={active ? 'true' : undefined}>
      <button
        type="button"
        className="time-link"
        onClick={() => onSeek(segment.start)}
        aria-label={`Play from ${formatOffset(segment.start)}`}
      >
        {formatOffset(segment.start)}
      </button>
      <p className="segment-text">{segment.text}</p>
    </li>
  );
});

/** The index of the segment playing at `time`, or -1 (segments are in time order). */
function segmentAt(segments: readonly TranscriptSegment[], time: number | null): number {
  if (time === null) return -1;
  let found = -1;
  for (let lo = 0, hi = segments.length - 1; lo <= hi;) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= time) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found >= 0 && time <= segments[found]!.end + 0.5 ? found : -1;
}

/**
 * The transcript, segment by segment with its time; a time plays the audio from there. While
 * transcription runs it grows as each part finishes (the item is reloaded on progress).
 */
export function ItemTranscript({
  item,
  playingAt,
  onSeek,
}: {
  item: ItemDetail;
  playingAt: number | null;
  onSeek: SeekTo;
}) {
  const progress = useProgress((s) => liveProgress(item, s.byId));
  const transcribing = item.stage === 'transcribe' && item.state === 'running';
  // Transcribing again: the transcript shown is the old one, kept until the new one is complete.
  const again = openRerun(item.events) === 'transcribe';
  const { transcript } = item;
  if (!transcript) return <p className="unavailable">{missingTranscript(item)}</p>;
  const active = segmentAt(transcript.segments, playingAt);
  return (
    <>
      {transcript.segments.length === 0 ? (
        <p className="unavailable">
          {transcribing ? 'No speech heard so far.' : 'No speech was heard in this recording.'}
        </p>
      ) : (
        <ol className="transcript" aria-label="Transcript segments">
          {transcript.segments.map((s, i) => (
            <Segment key={`${s.start}-${i}`} segment={s} active={i === active} onSeek={onSeek} />
          ))}
        </ol>
      )}
      {transcribing && (
        <p className="hint" role="status">
          {again ? 'Transcribing again' : 'Transcribing'}
          {progress?.percent != null ? ` (${Math.round(progress.percent)}%)` : ''}
          {again
            ? ': this transcript stays until the new one is complete, then is replaced at once.'
            : ': more appears here as each part finishes.'}
        </p>
      )}
    </>
  );
}
