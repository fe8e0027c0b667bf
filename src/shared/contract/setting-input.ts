import type { SettingSpec, SettingValue } from './settings';
import { settingExpectation, settingValueSchema } from './settings';

export type ParsedSetting = { ok: true; value: SettingValue } | { ok: false; message: string };

const msUnits: Record<string, number> = { ms: 1, s: 1_000, sec: 1_000, min: 60_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A setting typed by a person (the Settings screen, `lifeline settings set`, an environment
 * variable) as the value to store. Durations accept a unit ("30 s", "5 min"); choices ignore case
 * and spaces around them; text is kept as typed except for the spaces around it.
 */
export function parseSettingInput(spec: SettingSpec, raw: string): ParsedSetting {
  const input = raw.trim();
  let value: unknown;
  switch (spec.kind) {
    case 'boolean':
      value = /^(true|1|yes|on)$/i.test(input) ? true : /^(false|0|no|off)$/i.test(input) ? false : input;
      break;
    case 'int':
    case 'number': {
      const m = spec.unit === 'ms' ? /^(-?\d+(?:\.\d+)?)\s*(ms|s|sec|min|m|h|d)$/i.exec(input) : null;
      value = m ? Number(m[1]) * msUnits[m[2]!.toLowerCase()]! : input === '' ? Number.NaN : Number(input);
      break;
    }
    case 'choice':
      value = input.toLowerCase();
      break;
    case 'text':
      value = input;
      break;
    default:
      return missing(spec);
  }
  const parsed = settingValueSchema(spec).safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: `must be ${settingExpectation(spec)}` };
}

function missing(value: never): never {
  throw new Error(`unhandled setting kind: ${JSON.stringify(value)}`);
}

/** 30000 → "30 s", 90000 → "1 min 30 s", 250 → "250 ms". */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['min', 60_000], ['s', 1_000]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${unit}`);
    rest -= n * size;
  }
  if (rest > 0) parts.push(`${rest} ms`);
  return parts.slice(0, 2).join(' ') + (parts.length > 2 ? ' …' : '');
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3 && n % 1024 ** 3 === 0) return `${n / 1024 ** 3} GiB`;
  if (n >= 1024 ** 2) return `${Math.round((n / 1024 ** 2) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} bytes`;
}

/** A value as people read it: "30 s", "1 GiB", "50 %", "on", "(not set)". */
export function formatSettingValue(spec: SettingSpec, value: SettingValue): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string') return value === '' ? '(not set)' : value;
  switch (spec.unit) {
    case 'ms':
      return formatMs(value);
    case 'bytes':
      return formatBytes(value);
    case 'MiB':
      return `${value} MiB`;
    case 'percent':
      return `${value} %`;
    case 'days':
      return `${value} day${value === 1 ? '' : 's'}`;
    case 'ratio':
      return `${Math.round(value * 100)} %`;
    case 'factor':
      return `×${value}`;
    default:
      return String(value);
  }
}

/** The value as it goes into an input field (raw numbers, so that what is shown is what is stored). */
export function settingInputText(value: SettingValue): string {
  return typeof value === 'string' ? value : String(value);
}
