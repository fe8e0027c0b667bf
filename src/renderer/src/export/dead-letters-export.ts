import type { ItemSummary } from '../../../shared/contract';

const columns: [string, (i: ItemSummary) => string | number][] = [
  ['id', (i) => i.id],
  ['file', (i) => i.file],
  ['fileName', (i) => i.fileName],
  ['stage', (i) => i.stage],
  ['errorCode', (i) => i.error?.code ?? ''],
  ['errorMessage', (i) => i.error?.message ?? ''],
  ['attempts', (i) => i.attempts],
  ['maxAttempts', (i) => i.maxAttempts],
  ['failedAt', (i) => i.updatedAt],
  ['addedAt', (i) => i.createdAt],
  ['sha256', (i) => i.sha256],
];

function csvCell(value: string | number): string {
  let text = String(value);
  // A cell starting like a formula would run in a spreadsheet; file names are user data.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Dead letters as CSV (RFC 4180, CRLF, a header row), safe to open in a spreadsheet. */
export function deadLettersCsv(items: readonly ItemSummary[]): string {
  const lines = [columns.map(([name]) => name).join(',')];
  for (const item of items) lines.push(columns.map(([, get]) => csvCell(get(item))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Dead letters as JSON: the items in the shape `lifeline items --json` prints, with when it was made. */
export function deadLettersJson(items: readonly ItemSummary[], exportedAt: string): string {
  return `${JSON.stringify({ exportedAt, count: items.length, deadLetters: items }, null, 2)}\n`;
}

export function exportFileName(kind: 'json' | 'csv', now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return `lifeline-dead-letters-${stamp}.${kind}`;
}
