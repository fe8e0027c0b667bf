import type { ItemDetail } from '../../../../shared/contract';
import { KindBadge } from '../../components/KindBadge';
import { stageLabels } from '../../format/labels';
import { formatDue, formatOffset } from '../../format/media-time';
import type { SeekTo } from './ItemTranscript';

const extracted = (item: ItemDetail) => item.state === 'done' || item.stage === 'index';

/** Why there are no memories yet, or why there will be none without a retry. */
function noMemoriesYet(item: ItemDetail): string {
  const stage = stageLabels[item.stage];
  if (item.state === 'dead')
    return `No memories: the recording stopped for good at ${stage}, before they could be extracted.`;
  if (item.state === 'cancelled' || item.state === 'discarded')
    return `No memories: the recording was ${item.state} at ${stage}, before they could be extracted.`;
  return 'To-dos, events, facts and people appear here once the transcript is ready and they are extracted from it.';
}

/** The item's memories: kind, text, when it is due, and where in the audio it was said. */
export function ItemMemories({ item, onSeek }: { item: ItemDetail; onSeek: SeekTo }) {
  if (item.memories.length === 0) {
    return (
      <p className="unavailable">
        {extracted(item) ? 'No to-dos, events, facts or people were found in this recording.' : noMemoriesYet(item)}
      </p>
    );
  }
  return (
    <ul className="memory-list memory-list-compact" aria-label="Memories of this recording">
      {item.memories.map((m, i) => (
        <li key={`${m.kind}-${i}`} className="memory">
          <KindBadge kind={m.kind} />
          <div className="memory-body">
            <p className="memory-text">{m.text}</p>
            {(m.at || m.source) && (
              <p className="memory-meta">
                {m.at && (
                  <time dateTime={m.at} className="memory-due">
                    {formatDue(m.at, m.allDay)}
                  </time>
                )}
                {m.source && (
                  <button
                    type="button"
                    className="time-link"
                    onClick={() => onSeek(m.source!.start)}
                    aria-label={`Play from ${formatOffset(m.source.start)}`}
                  >
                    {formatOffset(m.source.start)}
                  </button>
                )}
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
