import type { MemoriesStore } from '../../store/memories-store';
import type { IndexEntry, SearchStore } from '../../store/search-store';
import type { TranscriptsStore } from '../../store/transcripts-store';
import type { StageContext, StageHandler } from '../../engine/stage-handler';
import { plural } from '../../../shared/text/plural';

/** Index: the item's transcript segments and memories into the full-text index, replacing its old entries. */
export class IndexStage implements StageHandler {
  readonly stage = 'index' as const;
  constructor(private readonly deps: { transcripts: TranscriptsStore; memories: MemoriesStore; search: SearchStore }) {}

  availability() {
    return { ok: true } as const;
  }

  run(ctx: StageContext): Promise<string> {
    const segments = this.deps.transcripts.transcript(ctx.item.id)?.segments ?? [];
    const memories = this.deps.memories.list(ctx.item.id);
    const entries: IndexEntry[] = [
      ...segments.map((s) => ({ kind: 'transcript' as const, text: s.text, start: s.start })),
      ...memories.map((m) => ({
        kind: m.kind,
        text: m.at ? `${m.text} (${m.at.slice(0, 10)})` : m.text,
        start: m.source?.start ?? null,
      })),
    ];
    this.deps.search.replace(ctx.lease, entries);
    return Promise.resolve(
      `indexed ${plural(segments.length, 'segment')} and ${plural(memories.length, 'memory', 'memories')}`,
    );
  }
}
