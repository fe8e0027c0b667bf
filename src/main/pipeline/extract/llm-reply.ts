import { z } from 'zod';
import { MemoryKind, type Memory, type Transcript } from '../../../shared/contract';

/** What the model must answer: the memory schema, with the index of the segment each came from. */
export const LlmReply = z.strictObject({
  memories: z.array(
    z.strictObject({
      kind: MemoryKind,
      text: z.string().min(1),
      /** ISO 8601 date-time, a date alone (YYYY-MM-DD) when no time was said, or null. */
      at: z.string().nullable(),
      /** Index of the transcript line it came from, or null. */
      segment: z.number().int().nullable(),
    }),
  ),
});
export type LlmReply = z.infer<typeof LlmReply>;

/** The JSON Schema handed to the server (Ollama `format`, OpenAI `response_format`). */
export const llmReplySchema = z.toJSONSchema(LlmReply) as Record<string, unknown>;

export function extractionMessages(
  transcript: Transcript,
  recordedAt: Date,
): { role: 'system' | 'user'; content: string }[] {
  const lines = transcript.segments.map((s, i) => `[${i}] (${s.start.toFixed(1)}s) ${s.text}`).join('\n');
  return [
    {
      role: 'system',
      content:
        'You extract memories from a transcript of a personal voice recording. Answer with JSON only, matching the schema: ' +
        '{"memories":[{"kind":"todo"|"event"|"fact"|"person","text":string,"at":string|null,"segment":number|null}]}. ' +
        'todo: something the speaker must do (text: the task). event: something happening at a date or time. ' +
        'person: a person named (text: the name). fact: a statement worth remembering. ' +
        '"at": the ISO 8601 date-time of a todo or event, resolved relative to the recording time; a date alone (YYYY-MM-DD) when no time of day is said; null when no date is said. ' +
        '"segment": the [index] of the transcript line it comes from. Do not invent anything that is not said.',
    },
    { role: 'user', content: `Recording time: ${recordedAt.toISOString()}\nTranscript:\n${lines}` },
  ];
}

export type ParsedReply = { ok: true; memories: Memory[] } | { ok: false; why: string };

/** Validates the model's answer text and maps it onto the transcript's segments. */
export function parseLlmReply(content: string, transcript: Transcript): ParsedReply {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { ok: false, why: `not JSON: ${content.slice(0, 80)}` };
  }
  const r = LlmReply.safeParse(json);
  if (!r.success)
    return { ok: false, why: `does not match the memory schema: ${z.prettifyError(r.error).slice(0, 200)}` };
  return {
    ok: true,
    memories: r.data.memories.map((m) => {
      const seg = m.segment === null ? undefined : transcript.segments[m.segment];
      const { at, allDay } = answeredDate(m.at);
      return {
        kind: m.kind,
        text: m.text.trim(),
        at,
        allDay,
        repeats: null,
        source: seg ? { start: seg.start, end: seg.end, text: seg.text } : null,
      };
    }),
  };
}

/** The model's `at`: a date alone ("2026-01-16") is date-only, the start of that day in local time. */
function answeredDate(at: string | null): { at: string | null; allDay: boolean } {
  if (at === null) return { at: null, allDay: false };
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(at.trim());
  if (day) return { at: new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])).toISOString(), allDay: true };
  return Number.isNaN(Date.parse(at)) ? { at: null, allDay: false } : { at: new Date(at).toISOString(), allDay: false };
}
