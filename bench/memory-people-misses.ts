/**
 * `npx tsx bench/memory-people-misses.ts [--set tuning|held-out]`: the people the rules got wrong on the
 * memory corpus (three festival voices → pocketsphinx with the engine's default model → rules), for
 * tuning bench/../people.ts. On `tuning` (the default) it prints every false and missed person with what
 * pocketsphinx heard; `held-out` prints only whole-set figures (people found, false people, kinds,
 * dates), never a sentence, so the held-out set stays unseen. Audio and decodes come from .cache.
 */
import { pocketsphinxDecoderArgs } from '../src/main/pipeline/asr/pocketsphinx-engine';
import { festivalMissing } from '../test/support/festival-speech';
import { benchStyles, eachTuningSentenceHeard, pct, runSet } from './memory-bench';
import type { MemoryScore } from './memory-bench-score';
import { heldOutSentences, tuningSentences } from './memory-corpus';
import { CachedDecoder } from './memory-decode-cache';

const figures = (label: string, s: MemoryScore) =>
  `${label}: people found ${pct(s.peopleFound, s.peopleExpected)} (${s.peopleFound}/${s.peopleExpected}), ` +
  `false people ${s.falsePeople}, kinds ${pct(s.kindsRight, s.sentences)}, dates ${pct(s.datesRight, s.dated)}\n`;

/** Each tuning sentence with a false or missed person, with what pocketsphinx heard there. */
async function printMisses(engine: CachedDecoder): Promise<void> {
  await eachTuningSentenceHeard(engine, (voice, e, got) => {
    const expected = (e.people ?? []).map((p) => p.toLowerCase());
    const found = got.filter((m) => m.kind === 'person').map((m) => m.text);
    const falsePeople = found.filter((p) => !expected.includes(p.toLowerCase()));
    const missed = (e.people ?? []).filter((p) => !found.some((f) => f.toLowerCase() === p.toLowerCase()));
    if (falsePeople.length === 0 && missed.length === 0) return;
    const heard = [...new Set(got.map((m) => m.source?.text ?? ''))].join(' | ');
    process.stdout.write(
      `PEOPLE ${voice}${falsePeople.length ? ` false: ${falsePeople.join(', ')}` : ''}` +
        `${missed.length ? ` missed: ${missed.join(', ')}` : ''}\n  said:  ${e.text}\n  heard: ${heard || '(no memory)'}\n`,
    );
  });
}

async function main() {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--set');
  const set = at >= 0 ? argv[at + 1] : 'tuning';
  if (set !== 'tuning' && set !== 'held-out') throw new Error('--set tuning|held-out');
  const missing = festivalMissing();
  if (missing) throw new Error(missing);
  const engine = new CachedDecoder(pocketsphinxDecoderArgs);
  if (set === 'tuning') await printMisses(engine);
  const r = await runSet(set === 'tuning' ? tuningSentences : heldOutSentences, benchStyles, engine);
  process.stdout.write(figures(`${set}, pocketsphinx`, r.fromAsr));
  process.stdout.write(figures(`${set}, reference text`, r.fromReference));
}

if (require.main === module)
  void main().catch((err: unknown) => {
    process.stderr.write(`people misses failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
