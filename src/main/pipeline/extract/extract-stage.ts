import type { MemoriesStore } from '../../store/memories-store';
import type { TranscriptsStore } from '../../store/transcripts-store';
import { permanentError } from '../../engine/stage-error';
import type { StageContext, StageHandler, StageService } from '../../engine/stage-handler';
import type { MemoryExtractor } from './memory-extractor';

/**
 * Extract: memories from the stored transcript. The item's previous memories are replaced in the
 * same transaction, so a re-run never duplicates them. Relative dates resolve against the time the
 * recording was made, as ingest read it (its metadata, else its file's time, else when it was added).
 */
export class ExtractStage implements StageHandler {
  readonly stage = 'extract' as const;
  /** `extractor` may be where to get the current one (it follows the settings); a job keeps the one it started with. */
  constructor(
    private readonly deps: {
      transcripts: TranscriptsStore;
      memories: MemoriesStore;
      extractor: MemoryExtractor | (() => MemoryExtractor);
    },
  ) {}

  /** The LLM server, when the current extractor calls one; it follows the settings, as the extractor does. */
  get service(): StageService | undefined {
    return this.extractor().service;
  }

  private extractor(): MemoryExtractor {
    const e = this.deps.extractor;
    return typeof e === 'function' ? e() : e;
  }

  availability() {
    return this.extractor().availability();
  }

  async run(ctx: StageContext): Promise<string> {
    const extractor = this.extractor();
    const transcript = this.deps.transcripts.transcript(ctx.item.id);
    if (!transcript)
      throw permanentError('TRANSCRIPT_MISSING', `item ${ctx.item.id} has no transcript; retry it from transcription`);
    ctx.progress({ step: 'extract', percent: null, message: `extracting memories (${extractor.name})` });
    const memories = await extractor.extract(transcript, {
      recordedAt: new Date(ctx.item.recordedAt),
      signal: ctx.signal,
    });
    ctx.signal.throwIfAborted();
    this.deps.memories.replace(ctx.lease, memories, extractor.name);
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const of = (kind: string) => memories.filter((m) => m.kind === kind).length;
    return `${count(memories.length, 'memory', 'memories')} by ${extractor.name}: ${count(of('todo'), 'to-do', 'to-dos')}, ${count(of('event'), 'event', 'events')}, ${count(of('person'), 'person', 'people')}, ${count(of('fact'), 'fact', 'facts')}`;
  }
}
