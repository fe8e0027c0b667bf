import type { ReactNode } from 'react';
import type { SearchKind } from '../../../../shared/contract';
import { KindBadge } from '../../components/KindBadge';
import { formatDue, formatOffset } from '../../format/media-time';
import { routeHref } from '../../navigation/use-hash-route';
import { displayText } from '../../../../shared/display-text';

interface MemoryLineProps {
  kind: SearchKind;
  text: ReactNode;
  /** When it is due (ISO), or null. */
  at: string | null;
  /** `at` is a day with no time said. Default false. */
  allDay?: boolean;
  itemId: number;
  fileName: string;
  /** Seconds into the recording where it was said, or null when unknown. */
  start: number | null;
  /** For a search hit on a memory: the matching transcript segment it was said in (one result, not two). */
  said?: ReactNode;
}

/** One memory or search hit: what it is, its text, when it is due, and a link to the moment it was said. */
export function MemoryLine({ kind, text, at, allDay = false, itemId, fileName, start, said }: MemoryLineProps) {
  const href = routeHref(start === null ? { name: 'item', id: itemId } : { name: 'item', id: itemId, t: start });
  return (
    <li className="memory">
      <KindBadge kind={kind} />
      <div className="memory-body">
        <p className="memory-text">{text}</p>
        {said && <p className="memory-said">Said: “{said}”</p>}
        <p className="memory-meta">
          {at && (
            <time dateTime={at} className="memory-due">
              {formatDue(at, allDay)}
            </time>
          )}
          <a href={href} className="memory-source">
            {displayText(fileName)}
            {start !== null && <span className="memory-offset"> at {formatOffset(start)}</span>}
          </a>
        </p>
      </div>
    </li>
  );
}
