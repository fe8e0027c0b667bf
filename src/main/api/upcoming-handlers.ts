import { upcomingBucketNames, type UpcomingEntry, type UpcomingGroup } from '../../shared/contract';
import { UpcomingStore } from '../store/upcoming-store';
import { dueDay, upcomingBucket } from '../upcoming/upcoming-buckets';
import { ApiError } from './api-error';
import type { ApiContext, Handler } from './handlers';

/** Minutes east of UTC in this machine's time zone at that moment (daylight saving included). */
const localOffset = (at: Date) => -at.getTimezoneOffset();

/** ISO days and times sort as plain strings (no locale collation: it is most of the cost at 20,000 entries). */
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const soonestFirst = (a: UpcomingEntry, b: UpcomingEntry) =>
  byString(a.day ?? '', b.day ?? '') ||
  Number(b.allDay) - Number(a.allDay) ||
  byString(a.at ?? '', b.at ?? '') ||
  a.memoryId - b.memoryId;

export function upcomingHandlers(ctx: ApiContext): {
  'upcoming:list': Handler<'upcoming:list'>;
  'upcoming:setDone': Handler<'upcoming:setDone'>;
} {
  const upcoming = new UpcomingStore(ctx.store.db);
  return {
    'upcoming:list': ({ limit }) => {
      const now = new Date(ctx.clock.now());
      const today = dueDay(now.toISOString(), false, localOffset)!;
      const grouped = new Map(upcomingBucketNames.map((b) => [b, [] as UpcomingEntry[]]));
      for (const m of upcoming.due()) {
        const entry: UpcomingEntry = {
          ...m,
          day: dueDay(m.at, m.allDay, localOffset),
          done: m.doneAt !== null,
          doneAt: m.doneAt === null ? null : new Date(m.doneAt).toISOString(),
        };
        const bucket = upcomingBucket(entry, today);
        if (bucket) grouped.get(bucket)!.push(entry);
      }
      const groups: UpcomingGroup[] = upcomingBucketNames.map((bucket) => {
        const all = grouped.get(bucket)!;
        // Undated to-dos keep the store's order: newest recordings first.
        if (bucket !== 'undated') all.sort(soonestFirst);
        return { bucket, entries: all.slice(0, limit), total: all.length };
      });
      return { today, groups };
    },
    'upcoming:setDone': ({ memoryId, done, shown }) => {
      const r = upcoming.setDone(memoryId, done, ctx.clock.now(), shown);
      if (r === 'not_found')
        throw new ApiError(
          'NOT_FOUND',
          `there is no memory ${memoryId} (an item's memory ids change when it is extracted again)`,
        );
      if ('notTickable' in r)
        throw new ApiError(
          'INVALID_STATE',
          `memory ${memoryId} is a ${r.notTickable}; only to-dos and events can be ticked Done`,
        );
      return { memoryId, done, doneAt: r.doneAt === null ? null : new Date(r.doneAt).toISOString() };
    },
  };
}
