import { describe, expect, it } from 'vitest';
import { parsePocketsphinxOutput } from './pocketsphinx-output';

describe('parsePocketsphinxOutput', () => {
  it('makes one segment per utterance from the word timings, dropping markers and pronunciation variants', () => {
    const out = [
      'remind me to tell alice',
      '<s> 0.000 0.160 1.000200',
      'remind 0.170 0.570 1.000100',
      'me 0.580 0.730 1.000100',
      'to(2) 0.740 0.880 0.474409',
      '<sil> 0.890 0.950 0.9',
      'alice(2) 1.170 1.480 0.000767',
      '</s> 1.490 1.600 1.000000',
      'the meeting',
      '<s> 3.000 3.100 1.0',
      '[NOISE] 3.100 3.200 1.0',
      'the 3.200 3.300 1.0',
      'meeting 3.300 3.800 1.0',
      '</s> 3.800 3.900 1.0',
    ].join('\n');
    expect(parsePocketsphinxOutput(out)).toEqual([
      { start: 0.17, end: 1.48, text: 'remind me to alice' },
      { start: 3.2, end: 3.8, text: 'the meeting' },
    ]);
  });

  it('returns no segments for silence', () => {
    expect(parsePocketsphinxOutput('\n<s> 0.000 0.500 1.0\n</s> 0.500 0.600 1.0\n')).toEqual([]);
  });
});
