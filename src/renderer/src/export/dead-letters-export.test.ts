import { describe, expect, it } from 'vitest';
import type { ItemSummary } from '../../../shared/contract';
import { deadLettersCsv, deadLettersJson, exportFileName } from './dead-letters-export';

const item = {
  id: 7,
  file: '/rec/a "b", c.wav',
  fileName: '=cmd.wav',
  stage: 'ingest',
  error: { code: 'AUDIO_UNDECODABLE', message: 'line one\nline two' },
  attempts: 1,
  maxAttempts: 3,
  updatedAt: '2026-01-01T00:00:01.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  sha256: 'ab',
} as ItemSummary;

describe('dead letter export', () => {
  it('writes CSV that quotes commas, quotes and newlines, and defuses formulas', () => {
    const csv = deadLettersCsv([item]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('id,file,fileName,stage,errorCode,errorMessage,attempts,maxAttempts,failedAt,addedAt,sha256');
    expect(row).toBe(
      `7,"/rec/a ""b"", c.wav",'=cmd.wav,ingest,AUDIO_UNDECODABLE,"line one\nline two",1,3,2026-01-01T00:00:01.000Z,2026-01-01T00:00:00.000Z,ab`,
    );
  });

  it('writes JSON with the items as the API gives them', () => {
    expect(JSON.parse(deadLettersJson([item], '2026-01-02T00:00:00.000Z'))).toEqual({
      exportedAt: '2026-01-02T00:00:00.000Z',
      count: 1,
      deadLetters: [item],
    });
    expect(exportFileName('csv', new Date('2026-01-02T03:04:05Z'))).toBe(
      'lifeline-dead-letters-2026-01-02T03-04-05.csv',
    );
  });
});
