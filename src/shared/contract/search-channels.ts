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
  text: z.string(),
  /** Seconds from the start of the recording, or null when unknown. */
  start: z.number().nullable(),
  /** Lower is better (SQLite FTS5 bm25). */
  rank: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const searchChannels = {
  'search:query': channel(
    z.object({
      query: z.string().trim().min(1).max(500),
      limit: z.number().int().min(1).max(200).default(20),
    }),
    z.object({ hits: z.array(SearchHit) }),
    'Full-text search over transcripts and memories, best matches first, with snippets.',
  ),
};
