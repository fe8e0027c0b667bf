/**
 * A chunk that hangs every time: the fake whisper server never answers the 4th chunk of a 5-chunk
 * recording, and answers everything else (its health route and its real-work check included). With
 * the defaults, the request's own timeout (2 min + 4 s per second of audio) ends each try. Goal: the
 * bad chunk tried a bounded number of times and blamed on itself, not the server (the breaker stays
 * closed), every other chunk transcribed and stored, then a PART_FAILED dead letter naming the part
 * and what is kept; once the server is fixed, a Retry transcribes only that part.
 * Long (about 15 minutes of waiting): `npm run drill -- hanging-chunk`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeWav } from '../support/audio-files';
import type { Drill, DrillRow } from './drill';
import { addFile, drillDir, fastWhisper, itemFacts, startDrillServe, until } from './drill-serve';

/** Tries of the bad chunk: 3 in the run (part-failure-policy.ts), none more. */
const maxTriesOfBadChunk = 3;

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
      const ended = (state: string) => () => {
        const f = itemFacts(serve, id);
        return f.state === state || f.state === 'dead' || f.state === 'done' ? f : null;
      };
      const end = await until('the item to end', ended('dead'), 45 * 60_000, 2_000);
      const db = serve.db();
      const kept = db.prepare(`SELECT count(*) FROM transcript_chunks WHERE item_id = ?`).pluck().get(id) as number;
      const breaker = db
        .prepare(
          `SELECT json_extract(state, '$.kind') AS kind, json_extract(state, '$.consecutive') AS failures FROM breakers WHERE name = 'asr'`,
        )
        .get() as { kind: string; failures: number | null } | undefined;
      const minutes = Math.round((Date.now() - started) / 600) / 100;
      const requestsToGoodChunks = [1, 2, 3, 5].map((n) => whisper.requestsFor(n));
      // The server is fixed; a Retry must send only the missing chunk.
      whisper.stopHanging();
      const before = whisper.requestsFor(4);
      await serve.call('items:retry', { id });
      const after = await until('the retried item to end', ended('done'), 10 * 60_000, 1_000);
      const figures = {
        state: end.state,
        errorCode: end.errorCode ?? '',
        namesPart: /^chunk 4 of 5 \(/.test(end.errorMessage ?? ''),
        saysWhatIsKept: /the other 4 parts are stored/.test(end.errorMessage ?? ''),
        chunksKept: kept,
        triesOfBadChunk: whisper.hung(),
        // Every real-work check the server answered: the health monitor's and the stage's after each timeout.
        checksAnswered: whisper.checks(),
        breaker: breaker?.kind ?? 'closed',
        breakerFailures: breaker?.failures ?? 0,
        recoveries: end.recoveries,
        minutes,
        afterRetry: after.state,
        retryRequests:
          whisper.requestsFor(4) -
          before +
          [1, 2, 3, 5].reduce((n, c, i) => n + whisper.requestsFor(c) - requestsToGoodChunks[i]!, 0),
      };
      const missed =
        end.state !== 'dead' || end.errorCode !== 'PART_FAILED'
          ? `ended ${end.state} ${end.errorCode ?? ''}`
          : !figures.namesPart || !figures.saysWhatIsKept
            ? `the dead letter does not name the part and what is kept: ${end.errorMessage}`
            : kept !== 4
              ? `${kept} chunks kept, not 4`
              : whisper.hung() > maxTriesOfBadChunk
                ? `${whisper.hung()} tries of the bad chunk, more than ${maxTriesOfBadChunk}`
                : requestsToGoodChunks.some((n) => n !== 1)
                  ? `good chunks sent ${requestsToGoodChunks.join(', ')} times`
                  : figures.breaker !== 'closed' || figures.breakerFailures > 0
                    ? `the breaker is ${figures.breaker} with ${figures.breakerFailures} failures: the chunk's fault was blamed on the server`
                    : after.state !== 'done' || figures.retryRequests !== 1
                      ? `after Retry: ${after.state}, ${figures.retryRequests} chunk requests (want done, 1)`
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
