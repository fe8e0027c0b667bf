import type { UpcomingEntry } from '../../../../shared/contract';
import { KindBadge } from '../../components/KindBadge';
import { formatOffset } from '../../format/media-time';
import { formatWhen } from '../../format/upcoming-when';
import { routeHref } from '../../navigation/use-hash-route';
import { useUpcoming } from '../../stores/stores-context';

/** One to-do or event: its Done tick, what it is, when, and a link to the moment it was said. */
export function UpcomingLine({ entry }: { entry: UpcomingEntry }) {
  const setDone = useUpcoming((s) => s.setDone);
  const saving = useUpcoming((s) => s.saving.has(entry.memoryId));
  const when = formatWhen(entry);
  const href = routeHref(
    entry.start === null ? { name: 'item', id: entry.itemId } : { name: 'item', id: entry.itemId, t: entry.start },
  );
  return (
    <li className={`memory upcoming${entry.done ? ' upcoming-done' : ''}`}>
      <input
        type="checkbox"
        className="upcoming-tick"
        checked={entry.done}
        disabled={saving}
        aria-label={`Done: ${entry.text}`}
        onChange={(e) => void setDone(entry.memoryId, e.target.checked)}
      />
      <KindBadge kind={entry.kind} />
      <div className="memory-body">
        <p className="memory-text">{entry.text}</p>
        <p className="memory-meta">
          {when && entry.at && (
            <time dateTime={entry.at} className="memory-due">
              {when}
            </time>
          )}
          <a href={href} className="memory-source">
            {entry.fileName}
            {entry.start !== null && <span className="memory-offset"> at {formatOffset(entry.start)}</span>}
          </a>
        </p>
      </div>
    </li>
  );
}
