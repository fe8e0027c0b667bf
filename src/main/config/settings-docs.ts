import { settingEnvName, settingSpecs, type SettingSpec } from '../../shared/contract';

function formatDefault(s: SettingSpec): string {
  if (s.kind === 'boolean') return String(s.default);
  if (s.kind === 'choice') return `\`${s.default}\``;
  if (s.kind === 'text') return s.default === '' ? '(not set)' : `\`${s.default}\``;
  const v = s.default;
  switch (s.unit) {
    case 'bytes':
      return v >= 1024 ** 3 ? `${v / 1024 ** 3} GiB` : `${v / 1024 ** 2} MiB`;
    case 'ms':
      if (v >= 3_600_000 && v % 3_600_000 === 0) return `${v / 3_600_000} h`;
      if (v >= 60_000 && v % 60_000 === 0) return `${v / 60_000} min`;
      if (v >= 1000 && v % 1000 === 0) return `${v / 1000} s`;
      return `${v} ms`;
    case 'percent':
      return `${v} %`;
    case 'MiB':
      return `${v} MiB`;
    case 'days':
      return `${v} days`;
    default:
      return String(v);
  }
}

function range(s: SettingSpec): string {
  switch (s.kind) {
    case 'boolean':
      return 'true / false';
    case 'choice':
      return s.choices.join(' \\| ');
    case 'text':
      return s.format === 'plain'
        ? 'text'
        : s.format === 'url'
          ? 'http(s) URL'
          : `path of an existing ${s.format === 'file' ? 'file' : 'folder'}`;
    default:
      return `${s.min}–${s.max} ${s.unit}`;
  }
}

/** The settings table of docs/self-healing.md, generated from the settings list (a test keeps them equal). */
export function settingsMarkdownTable(): string {
  const rows = settingSpecs.map(
    (s) => `| \`${s.key}\` | \`${settingEnvName(s.key)}\` | ${formatDefault(s)} | ${range(s)} | ${s.doc} |`,
  );
  return [
    '| setting | environment variable | default | range (unit) | what it does |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
