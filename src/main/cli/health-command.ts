import type { Command } from 'commander';
import type { HealthSnapshot } from '../../shared/contract';
import { callOnce, json, ms, out, pct } from './cli-io';
import { table } from './format';

export function formatHealth(h: HealthSnapshot): string {
  // Nothing wrong but stages held by the user is not plain "green": nothing moves there (the notes say which).
  const paused = h.overall === 'green' && h.services.some((s) => s.status === 'paused') ? ', paused by you' : '';
  const lines = [
    `overall: ${h.overall}${paused}${h.source === 'store' ? ' (checked from the CLI; engine-only checks come from the running app or serve)' : ''}`,
  ];
  for (const r of h.reasons) lines.push(`  - ${r}`);
  for (const n of h.notes) lines.push(`  · ${n}`);
  lines.push(
    '',
    table(
      ['service', 'status', 'latency', 'uptime', 'breaker', 'message'],
      h.services.map((s) => [
        `${s.label}${s.required ? '' : ' (optional)'}`,
        s.needsYou ? `${s.status}, needs you` : s.status,
        ms(s.latencyMs),
        pct(s.uptimePercent),
        s.breaker?.state ?? '-',
        s.message,
      ]),
    ),
  );
  return lines.join('\n');
}

/** `lifeline health [--json]`: overall status with reasons, and each service. */
export function healthCommand(program: Command): void {
  program
    .command('health')
    .description('overall status, its reasons, and each service (status, latency, uptime, breaker)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const h = await callOnce(program, 'health:get', {});
      if (opts.json) json(h);
      else out(formatHealth(h));
    });
}
