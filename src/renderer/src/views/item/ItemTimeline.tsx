import type { ItemEvent, RecoveryLogEntryInfo } from '../../../../shared/contract';
import { errorHint } from '../../format/error-hints';
import { eventLabel, eventTone } from '../../format/event-labels';
import { describeRecovery, joinTimeline } from '../../format/item-timeline';
import { formatTime, stageLabels } from '../../format/labels';
import { recordedNote } from '../../../../shared/text/recorded-note';

const actorLabels: Record<ItemEvent['actor'], string> = { engine: 'engine', user: 'you', recovery: 'recovery' };

function RecoveryFacts({ recovery }: { recovery: RecoveryLogEntryInfo }) {
  const r = describeRecovery(recovery);
  return (
    <dl className="timeline-recovery">
      <dt>Why</dt>
      <dd>{r.why}</dd>
      <dt>Found</dt>
      <dd>{r.trigger}</dd>
      <dt>Done</dt>
      <dd>{r.what}</dd>
    </dl>
  );
}

/** A stage's note; the recording time in the ingest note is shown as the screen shows every time. */
function StageDetail({ detail }: { detail: string }) {
  const recorded = recordedNote(detail);
  if (!recorded) return <p className="timeline-detail">{detail}</p>;
  return (
    <p className="timeline-detail">
      {recorded.before}
      <time dateTime={recorded.at}>{formatTime(recorded.at)}</time>, {recorded.source}
      {recorded.after}
    </p>
  );
}

/**
 * Everything that happened to the item, oldest first: queue transitions, recoveries (why, what was
 * done, how it ended), waits (a missing engine, an open breaker) and errors with what to do.
 */
export function ItemTimeline({
  events,
  recoveries = [],
}: {
  events: readonly ItemEvent[];
  recoveries?: readonly RecoveryLogEntryInfo[];
}) {
  return (
    <ol className="timeline" aria-label="Timeline, oldest first">
      {joinTimeline(events, recoveries).map((entry) => {
        if (entry.kind === 'recovery') {
          const r = entry.recovery;
          return (
            <li key={entry.key} className="timeline-event timeline-warn">
              <div className="timeline-head">
                <strong className="timeline-type">Recovery</strong>
                <span className="timeline-stage">{stageLabels[r.stage]}</span>
                <span className="timeline-actor">by recovery</span>
                <time dateTime={r.detectedAt}>{formatTime(r.detectedAt)}</time>
              </div>
              <RecoveryFacts recovery={r} />
            </li>
          );
        }
        const e = entry.event;
        return (
          <li key={entry.key} className={`timeline-event timeline-${eventTone(e.type)}`}>
            <div className="timeline-head">
              <strong className="timeline-type">{eventLabel(e.type)}</strong>
              {e.stage && <span className="timeline-stage">{stageLabels[e.stage]}</span>}
              <span className="timeline-actor">by {actorLabels[e.actor]}</span>
              <time dateTime={e.at}>{formatTime(e.at)}</time>
            </div>
            {e.detail && <StageDetail detail={e.detail} />}
            {entry.recovery && <RecoveryFacts recovery={entry.recovery} />}
            {e.error && (
              <div className="timeline-error">
                <p>
                  <code className="error-code">{e.error.code}</code> {e.error.message}
                </p>
                <p className="hint">{errorHint(e.error.code)}</p>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
