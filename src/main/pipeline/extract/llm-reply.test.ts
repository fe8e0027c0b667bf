import { describe, expect, it } from 'vitest';
import { parseLlmReply } from './llm-reply';

const transcript = {
  text: 'call the bank on friday',
  segments: [{ start: 0, end: 2, text: 'call the bank on friday' }],
};

describe('a language model’s memories', () => {
  it('keep the rules extractor’s shape: a date alone is date-only, a date-time keeps its time', () => {
    const reply = JSON.stringify({
      memories: [
        { kind: 'todo', text: 'Call the bank', at: '2026-01-16', segment: 0 },
        { kind: 'event', text: 'Meeting', at: '2026-01-16T15:00:00Z', segment: null },
      ],
    });
    expect(parseLlmReply(reply, transcript)).toEqual({
      ok: true,
      memories: [
        {
          kind: 'todo',
          text: 'Call the bank',
          at: new Date(2026, 0, 16).toISOString(),
          allDay: true,
          repeats: null,
          source: transcript.segments[0],
        },
        { kind: 'event', text: 'Meeting', at: '2026-01-16T15:00:00.000Z', allDay: false, repeats: null, source: null },
      ],
    });
  });
});
