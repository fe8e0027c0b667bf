/**
 * `npx tsx bench/memory-sweep.ts [--set tuning|held-out] [--only a,b] [--budget 1200]`: pocketsphinx
 * decoder options swept over the memory corpus (three festival voices, bench/memory-bench.ts), one
 * row per option set: WER per voice, kinds and dates. Festival audio is cached under .cache/festival
 * and every decode under .cache/asr-sweep (by options and audio), so a rerun takes seconds and only
 * new options cost decoding. Tune on `tuning` (the default); `held-out` is for checking the winner
 * once, and prints only whole-set figures. Stops starting new option sets after --budget seconds.
 */
import { pocketsphinxDecoderArgs } from '../src/main/pipeline/asr/pocketsphinx-engine';
import { festivalMissing } from '../test/support/festival-speech';
import { fmt } from './bench-table';
import { CachedDecoder, debianGeneralLm } from './memory-decode-cache';
import { benchStyles, eachTuningSentenceHeard, pct, runSet, werText } from './memory-bench';
import { dateRight } from './memory-bench-score';
import { heldOutSentences, tuningSentences, generalSentences } from './memory-corpus';

/**
 * Option sets tried, each on top of nothing (Debian's defaults) unless it says so. Those without an
 * `-lm` decode with the engine's default language model: the memo model when resources/asr has it.
 */
const base = ['-lw', '4'];
const generalLm = ['-lm', debianGeneralLm];
export const sweepConfigs: Record<string, readonly string[]> = {
  debian: [],
  current: pocketsphinxDecoderArgs,
  'general lm': [...pocketsphinxDecoderArgs, ...generalLm],
  lw4: base,
  lw3: ['-lw', '3'],
  lw5: ['-lw', '5'],
  'lw4 fwdflatlw/bestpathlw 4': [...base, '-fwdflatlw', '4', '-bestpathlw', '4'],
  'lw4 fwdflatlw/bestpathlw 6': [...base, '-fwdflatlw', '6', '-bestpathlw', '6'],
  'lw4 fwdflatlw/bestpathlw 11': [...base, '-fwdflatlw', '11', '-bestpathlw', '11'],
  'lw4 fwdflatlw 10 bestpathlw 13': [...base, '-fwdflatlw', '10', '-bestpathlw', '13'],
  'lw6 all': ['-lw', '6', '-fwdflatlw', '6', '-bestpathlw', '6'],
  'lw8 all': ['-lw', '8', '-fwdflatlw', '8', '-bestpathlw', '8'],
  'lw10 all': ['-lw', '10', '-fwdflatlw', '10', '-bestpathlw', '10'],
  'no bestpath': [...base, '-bestpath', 'no'],
  'no fwdflat': [...base, '-fwdflat', 'no'],
  'wide beams': [...base, '-beam', '1e-80', '-wbeam', '1e-60', '-pbeam', '1e-80', '-lpbeam', '1e-60'],
  'narrow beams': [...base, '-beam', '1e-40', '-wbeam', '1e-20', '-pbeam', '1e-40'],
  'wip 0.2': [...base, '-wip', '0.2'],
  'wip 2': [...base, '-wip', '2'],
  'pip 0.5': [...base, '-pip', '0.5'],
  'pip 2': [...base, '-pip', '2'],
  'maxhmmpf -1': [...base, '-maxhmmpf', '-1'],
  'maxhmmpf 10000': [...base, '-maxhmmpf', '10000'],
  'topn 8': [...base, '-topn', '8'],
  'topn 2': [...base, '-topn', '2'],
  'ds 2': [...base, '-ds', '2'],
  'pl_window 0': [...base, '-pl_window', '0'],
  'pl_window 10': [...base, '-pl_window', '10'],
  'silprob 0.1': [...base, '-silprob', '0.1'],
  'no remove_noise': [...base, '-remove_noise', 'no'],
};

interface Row {
  name: string;
  wer: string;
  perVoice: string[];
  kinds: string;
  dates: string;
  general: string;
  seconds: number;
}

async function main() {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const set = opt('--set') ?? 'tuning';
  const budget = Number(opt('--budget') ?? 1200);
  const extra = opt('--args');
  const only = opt('--only')?.split(',');
  const missing = festivalMissing();
  if (missing) throw new Error(missing);
  if (set !== 'tuning' && set !== 'held-out') throw new Error('--set tuning|held-out');
  const sentences = set === 'tuning' ? tuningSentences : heldOutSentences;
  const configs: [string, readonly string[]][] = extra
    ? [[extra, extra.split(/\s+/).filter(Boolean)]]
    : only
      ? only.map((n): [string, readonly string[]] => {
          const args = sweepConfigs[n];
          if (!args) throw new Error(`no option set named ${n}: ${Object.keys(sweepConfigs).join(', ')}`);
          return [n, args];
        })
      : Object.entries(sweepConfigs);
  if (argv.includes('--misses')) {
    // What went wrong, sentence by sentence: for tuning rules on the tuning set only.
    if (set !== 'tuning') throw new Error('--misses is for the tuning set: held-out is scored only as a whole');
    await printMisses(new CachedDecoder(configs[0]![1]));
    return;
  }
  const t0 = performance.now();
  const rows: Row[] = [];
  for (const [name, args] of configs) {
    if ((performance.now() - t0) / 1000 > budget) {
      process.stdout.write(`budget of ${budget} s spent: ${name} and later left out\n`);
      break;
    }
    const t = performance.now();
    const engine = new CachedDecoder(args);
    const r = await runSet(sentences, benchStyles, engine);
    // Sentences outside the memo domain: what a domain vocabulary costs ordinary speech (tuning only).
    const general = set === 'tuning' ? (await runSet(generalSentences, benchStyles, engine)).wer : null;
    const row: Row = {
      name,
      wer: werText(r.wer),
      perVoice: r.werByStyle.map(werText),
      kinds: pct(r.fromAsr.kindsRight, r.fromAsr.sentences),
      dates: pct(r.fromAsr.datesRight, r.fromAsr.dated),
      general: general ? werText(general) : '–',
      seconds: (performance.now() - t) / 1000,
    };
    rows.push(row);
    process.stdout.write(
      `${name.padEnd(28)} WER ${row.wer.padStart(7)}  [${row.perVoice.map((v) => v.padStart(7)).join(' ')}]  kinds ${row.kinds.padStart(7)}  dates ${row.dates.padStart(7)}  general ${row.general.padStart(7)}  ${fmt(row.seconds, 0)} s (${engine.decoded} decoded, ${engine.cached} cached)\n`,
    );
  }
}

/** Each tuning sentence whose date or kind came out wrong, with what pocketsphinx heard. */
async function printMisses(engine: CachedDecoder): Promise<void> {
  await eachTuningSentenceHeard(engine, (voice, e, got) => {
    const heard = [...new Set(got.map((m) => m.source?.text ?? ''))].join(' | ');
    const first = got.find((m) => m.kind !== 'person');
    const dated = got.filter((m) => m.at).map((m) => `${m.kind} ${m.at}${m.allDay ? ' (day)' : ''}`);
    if (e.day !== null && !dateRight(e, got))
      process.stdout.write(
        `DATE ${voice} want ${e.day} ${e.time ?? ''}\n  said:  ${e.text}\n  heard: ${heard}\n  got:   ${dated.join('; ') || 'none'}\n`,
      );
    if (first?.kind !== e.kind)
      process.stdout.write(
        `KIND ${voice} want ${e.kind} got ${first?.kind ?? 'none'}\n  said:  ${e.text}\n  heard: ${heard}\n`,
      );
  });
}

if (require.main === module)
  void main().catch((err: unknown) => {
    process.stderr.write(`sweep failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
