/** The short variant of long-audio.drill.ts (runs in npm test): 10 minutes as MP3 and as 44.1 kHz stereo WAV. */
import type { Drill, DrillRow } from './drill';
import { formats, longAudioCase } from './long-audio.drill';

export const drill: Drill = {
  name: 'long-audio-short',
  short: true,
  async run() {
    const rows: DrillRow[] = [];
    for (const f of [formats[0]!, formats[2]!])
      rows.push({ ...(await longAudioCase(f, 600)), drill: 'long-audio-short' });
    return rows;
  },
};
