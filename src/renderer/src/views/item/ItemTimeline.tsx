import type { ItemEvent } from '../../../../shared/contract';
import { errorHint } from '../../format/error-hints';
import { eventLabel, eventTone } from '../../format/event-labels';
import { formatTime, stageLabels } from '../../format/labels';

const actorLabels: Record<ItemEvent['actor'], string> = { engine: 'engine', user: 'you', recovery: 'recovery' };

/**
 * Everything that happened to the item, oldest first: queue transitions, recoveries, waits (a
 * missing engine, later an open breaker) and errors with what to do about them.
 */
export function ItemTimeline({ events }: { events: readonly ItemEvent[] }) {
  return (
    <ol className="timeline" aria-label="Timeline, oldest first">
      {events.map((e) => (
        <li key={e.id} className={`timeline-event timeline-${eventTone(e.type)}`}>
          <div className="timeline-head">
            <strong className="timeline-type">{eventLabel(e.type)}</strong>
            {e.stage && <span className="timeline-stage">{stageLabels[e.stage]}</span>}
            <span className="timeline-actor">by {actorLabels[e.actor]}</span>
            <time dateTime={e.at}>{formatTime(e.at)}</time>
          </div>
          {e.detail && <p className="timeline-detail">{e.detail}</p>}
          {e.error && (
            <div className="timeline-error">
              <p>
                <code className="error-code">{e.error.code}</code> {e.error.message}
              </p>
              <p className="hint">{errorHint(e.error.code)}</p>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
