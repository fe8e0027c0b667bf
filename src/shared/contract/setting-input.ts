import type { SettingSpec, SettingValue } from './settings';
import { settingExpectation, settingValueValid } from './settings';

export type ParsedSetting = { ok: true; value: SettingValue } | { ok: false; message: string };

const msUnits: Record<string, number> = {
  ms: 1,
  s: 1_000,
  sec: 1_000,
  min: 60_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const byteUnits: Record<string, number> = {
  b: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

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
      const b = spec.unit === 'bytes' ? /^(\d+(?:\.\d+)?)\s*(b|bytes|kb|mb|gb|kib|mib|gib)$/i.exec(input) : null;
      if (m) value = Math.round(Number(m[1]) * msUnits[m[2]!.toLowerCase()]!);
      else if (b) value = Math.round(Number(b[1]) * byteUnits[b[2]!.toLowerCase()]!);
      else value = input === '' ? Number.NaN : Number(input);
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
  if (settingValueValid(spec, value)) return { ok: true, value };
  // Durations and sizes are typed with a unit, so their bounds are said with one too.
  if (spec.kind === 'int' && spec.unit === 'ms')
    return {
      ok: false,
      message: `must be a duration from ${formatMs(spec.min)} to ${formatMs(spec.max)}, such as 30 s or 5 min`,
    };
  if (spec.kind === 'int' && spec.unit === 'bytes')
    return {
      ok: false,
      message: `must be a size from ${formatBytes(spec.min)} to ${formatBytes(spec.max)}, such as 500 MB or 1 GiB`,
    };
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
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
    ['s', 1_000],
  ] as const) {
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

/**
 * The value as a person edits it: durations and sizes with a whole unit ("30 s", "5 min", "200 MiB"),
 * chosen so that reading the text back gives exactly the stored value; other values as they are.
 */
export function settingFieldText(spec: SettingSpec, value: SettingValue): string {
  if (typeof value !== 'number') return settingInputText(value);
  if (spec.unit === 'ms') {
    for (const [unit, size] of [
      ['h', 3_600_000],
      ['min', 60_000],
      ['s', 1_000],
    ] as const) {
      if (value >= size && value % size === 0) return `${value / size} ${unit}`;
    }
    return value >= 1_000 && value % 100 === 0 ? `${value / 1_000} s` : `${value} ms`;
  }
  if (spec.unit === 'bytes') {
    for (const [unit, size] of [
      ['GiB', 1024 ** 3],
      ['MiB', 1024 ** 2],
      ['GB', 1e9],
      ['MB', 1e6],
      ['KiB', 1024],
    ] as const) {
      if (value >= size && value % size === 0) return `${value / size} ${unit}`;
    }
    return `${value} bytes`;
  }
  return String(value);
}

/** The value as it goes into an input field (raw numbers, so that what is shown is what is stored). */
export function settingInputText(value: SettingValue): string {
  return typeof value === 'string' ? value : String(value);
}
