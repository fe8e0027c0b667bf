/**
 * A chunk that hangs every time: the fake whisper server never answers the 4th chunk of a 5-chunk
 * recording, and answers everything else (its health route included). With the defaults, the
 * request's own timeout (2 min + 4 s per second of audio) ends each try. Goal: a bounded number of
 * requests, a dead letter that names the part of the audio, the chunks before it kept.
 * Long (about 20 minutes of waiting): `npm run drill -- hanging-chunk`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeWav } from '../support/audio-files';
import type { Drill, DrillRow } from './drill';
import { addFile, drillDir, fastWhisper, itemFacts, startDrillServe, until } from './drill-serve';

/** Requests the item may cost: the 3 chunks before the bad one, then the bad one at most 5 times (its attempts). */
const maxRequests = 3 + 5;

export const drill: Drill = {
  name: 'hanging-chunk',
  short: false,
  async run(): Promise<DrillRow[]> {
    const dir = drillDir('hanging-chunk');
    const whisper = await fastWhisper({ hangOnChunk: 4 });
    const serve = await startDrillServe(dir, whisper.url).catch(async (err: unknown) => {
      await whisper.close();
      fs.rmSync(dir, { recursive: true, force: true });
      throw err;
    });
    try {
      const file = writeWav(path.join(dir, 'five-chunks.wav'), { seconds: 140 });
      const started = Date.now();
      const id = await addFile(serve, file);
      const end = await until(
        'the item to end',
        () => {
          const f = itemFacts(serve, id);
          return f.state === 'done' || f.state === 'dead' ? f : null;
        },
        45 * 60_000,
        2_000,
      );
      const kept = serve
        .db()
        .prepare(`SELECT count(*) FROM transcript_chunks WHERE item_id = ?`)
        .pluck()
        .get(id) as number;
      const figures = {
        state: end.state,
        errorCode: end.errorCode ?? '',
        namesPart: /chunk 4 of 5/.test(end.errorMessage ?? ''),
        chunksKept: kept,
        asrRequests: whisper.requests(),
        requestsToBadChunk: whisper.hung(),
        recoveries: end.recoveries,
        minutes: Math.round((Date.now() - started) / 600) / 100,
      };
      const missed =
        end.state !== 'dead'
          ? `ended ${end.state}`
          : !figures.namesPart
            ? `the dead letter does not name the part: ${end.errorMessage}`
            : kept !== 3
              ? `${kept} chunks kept, not 3`
              : whisper.requests() > maxRequests
                ? `${whisper.requests()} requests, more than ${maxRequests}`
                : undefined;
      return [
        { drill: 'hanging-chunk', case: '5 chunks, the 4th hangs every time', figures, passed: !missed, why: missed },
      ];
    } finally {
      await serve.stop();
      await whisper.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
