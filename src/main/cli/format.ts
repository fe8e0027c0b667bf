import type { ItemDetail, ItemSummary, Memory, Overview, StageInfo } from '../../shared/contract';
// The names straight from their module: `lifeline status` prints through here and loads no schema library.
import { itemStates, stages } from '../../shared/contract/names';
import { recordedFromWords, recordedNote } from '../../shared/text/recorded-note';

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** A calendar day as the CLI prints it: "2026-12-11" → "Fri 2026-12-11". */
export function dayText(day: string): string {
  return `${weekdays[new Date(`${day}T12:00:00Z`).getUTCDay()]} ${day}`;
}

/** A time of day on the reader's clock, 24-hour: "16:00". */
export function clockText(d: Date): string {
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** A moment on the reader's clock, to the second: "2026-12-07 18:50:31" (`--json` keeps the ISO time). */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
  return `${day} ${clockText(d)}:${pad2(d.getSeconds())}`;
}

/** Ingest's "recorded <ISO> (from …)" in the words and clock the item screen uses. */
function withLocalRecordedTime(detail: string): string {
  const r = recordedNote(detail);
  return r ? `${r.before}${localTime(r.at)}, ${r.source}${r.after}` : detail;
}

/**
 * When a memory is due, in the words `lifeline upcoming` uses: a day said without a time as that day
 * ("Fri 2026-12-11"), else with its local time ("Fri 2026-12-11 16:00"); "weekly" etc. when it repeats.
 */
export function dueText(m: Pick<Memory, 'at' | 'allDay' | 'repeats'>): string {
  const d = m.at === null ? null : new Date(m.at);
  const day = d === null ? '' : dayText(`${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`);
  const when = d === null ? '' : m.allDay ? day : `${day} ${clockText(d)}`;
  return [when, m.repeats ?? ''].filter(Boolean).join(' ');
}

/** Left-aligned columns; the last column is not padded. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function formatStatus(o: Overview): string {
  const shown = itemStates.filter((s) => s !== 'discarded' || o.totals.discarded > 0);
  const rows = stages.map((stage) => [stage, ...shown.map((s) => String(o.byStage[stage][s]))]);
  rows.push(['total', ...shown.map((s) => String(o.totals[s]))]);
  return `${o.items} item${o.items === 1 ? '' : 's'}\n\n${table(['stage', ...shown], rows)}`;
}

export function formatItems(items: ItemSummary[]): string {
  if (items.length === 0) return 'no items';
  return table(
    ['id', 'state', 'stage', 'attempts', 'file', 'why'],
    items.map((i) => [
      String(i.id),
      i.state,
      i.stage,
      `${i.attempts}/${i.maxAttempts}`,
      i.fileName,
      i.error ? `${i.error.code}: ${i.error.message}` : (i.waitReason ?? ''),
    ]),
  );
}

export function formatItem(d: ItemDetail): string {
  // An upload or a recording has no file elsewhere: its source is the stored copy (as the item screen says).
  const cameThroughTheApp = d.storedPath !== null && d.file === d.storedPath;
  const lines = [
    `item ${d.id}  ${d.state} at ${d.stage} (attempt ${d.attempts} of ${d.maxAttempts})`,
    cameThroughTheApp
      ? `file    ${d.fileName}, added through the app; the stored copy is the only one`
      : `file    ${d.file}`,
    `stored  ${d.storedPath ?? '(not yet)'}`,
    `sha256  ${d.sha256}`,
    `recorded ${localTime(d.recordedAt)}, ${recordedFromWords[d.recordedFrom]}`,
  ];
  if (d.error) lines.push(`error   ${d.error.code}: ${d.error.message}`);
  if (d.waitReason) lines.push(`waiting ${d.waitReason}`);
  if (d.progress)
    lines.push(`now     ${d.progress.step} ${d.progress.percent === null ? '' : `${d.progress.percent.toFixed(0)}%`}`);
  if (d.memories.length > 0) {
    lines.push('', 'memories');
    for (const m of d.memories) lines.push(`  ${m.kind.padEnd(6)} ${m.text}${dueText(m) ? `  (${dueText(m)})` : ''}`);
  }
  if (d.transcript) {
    lines.push('', 'transcript');
    for (const s of d.transcript.segments) lines.push(`  [${s.start.toFixed(1)}–${s.end.toFixed(1)} s] ${s.text}`);
    if (d.transcript.segments.length === 0) {
      const transcribing = d.stage === 'transcribe' && d.state === 'running';
      lines.push(transcribing ? '  no speech heard so far' : '  no speech was heard in this recording');
    }
  }
  lines.push(
    '',
    table(
      ['at', 'event', 'stage', 'by', 'detail'],
      d.events.map((e) => [
        localTime(e.at),
        e.type,
        e.stage ?? '',
        e.actor,
        [e.detail && withLocalRecordedTime(e.detail), e.error && `${e.error.code}: ${e.error.message}`]
          .filter(Boolean)
          .join(' — '),
      ]),
    ),
  );
  return lines.join('\n');
}

/** One line per stage: "transcribe  paused by you, 1,864 waiting" or "extract  running". */
export function formatStageLine(s: Pick<StageInfo, 'stage' | 'counts' | 'heldBy' | 'blockedBy'>): string {
  const waiting = (s.counts.waiting ?? 0) + (s.counts.queued ?? 0);
  const state = s.heldBy ?? (s.blockedBy ? `waiting: ${s.blockedBy}` : 'runs');
  return `${s.stage.padEnd(11)} ${state}${s.heldBy ? `, ${waiting.toLocaleString('en-US')} waiting` : ''}`;
}
