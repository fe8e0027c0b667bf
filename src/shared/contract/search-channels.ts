import { z } from 'zod';
import { channel } from './define';
import { MemoryKind } from './model';

export const SearchHit = z.object({
  itemId: z.number().int(),
  fileName: z.string(),
  /** What matched: a transcript segment or a memory of this kind. */
  kind: z.union([z.literal('transcript'), MemoryKind]),
  /** The matched text with the matching words in [brackets], trimmed to a few words around them. */
  snippet: z.string(),
  /**
   * The same snippet with each match between U+0002 and U+0003 instead of brackets: characters no
   * transcript contains, so a UI can highlight without mistaking a bracket in the text (whisper's
   * "[Music]") for a match.
   */
  marked: z.string(),
  text: z.string(),
  /** Seconds from the start of the recording, or null when unknown. */
  start: z.number().nullable(),
  /** For a memory: when it is due (ISO), as in `Memory.at`; null for transcript segments or without a date. */
  at: z.string().nullable(),
  /** For a memory with a date but no time said ("on Friday"): `at` is that day's start, shown as a day. */
  allDay: z.boolean(),
  /** Lower is better (SQLite FTS5 bm25), within its `match` group. */
  rank: z.number(),
  /**
   * `all`: every word of the query is in it; `close`: only some words, or words starting with them
   * (shown after every `all` hit, as "close matches").
   */
  match: z.enum(['all', 'close']),
  /**
   * For a memory: the transcript hit it was said in, folded into this result instead of being a
   * second one (null when that segment did not match, and for transcript hits).
   */
  transcript: z.object({ snippet: z.string(), marked: z.string(), start: z.number().nullable() }).nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** What a search may be narrowed to: transcript segments, or memories of one kind. */
export const SearchKind = z.union([z.literal('transcript'), MemoryKind]);
export type SearchKind = z.infer<typeof SearchKind>;

/** Where a search snippet's matches start and end in `SearchHit.marked`. */
export const snippetMarks = { open: '\u0002', close: '\u0003' } as const;

export const searchChannels = {
  'search:query': channel(
    z.object({
      query: z.string().trim().min(1).max(500),
      limit: z.number().int().min(1).max(200).default(20),
      /** Only hits of this kind (transcript segments, or memories of one kind). */
      kind: SearchKind.optional(),
    }),
    z.object({
      hits: z.array(SearchHit),
      /** How many hits contain every word; the rest are close matches. */
      exactCount: z.number().int(),
    }),
    'Full-text search over transcripts and memories: hits with every word first, then close matches (some words, or word starts).',
  ),
};
