import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { settingSpecs, settingValueValid, type SettingSpec } from './settings';

/** The zod schemas the settings were checked with before settingValueValid (kept here as the reference). */
function zodReference(spec: SettingSpec): z.ZodType {
  switch (spec.kind) {
    case 'boolean':
      return z.boolean();
    case 'int':
      return z.number().int().min(spec.min).max(spec.max);
    case 'number':
      return z.number().min(spec.min).max(spec.max);
    case 'choice':
      return z.enum(spec.choices as [string, ...string[]]);
    case 'text':
      if (spec.format === 'url')
        return z.union([
          z.literal(''),
          z
            .string()
            .max(2048)
            .refine((s) => {
              try {
                const u = new URL(s);
                return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
              } catch {
                return false;
              }
            }),
        ]);
      return z
        .string()
        .max(4096)
        .refine((s) => !s.includes('\0'));
  }
}

const values = (spec: SettingSpec): unknown[] => {
  const common = [undefined, null, true, false, '', 'on', '5', NaN, Infinity, -Infinity, 0.5, -1, 0, 1, {}, [], 1e300];
  if (spec.kind === 'int' || spec.kind === 'number')
    return [...common, spec.min, spec.max, spec.min - 1, spec.max + 1, spec.default, spec.default + 0.25, -0];
  if (spec.kind === 'choice')
    return [...common, ...spec.choices, spec.choices[0]!.toUpperCase(), ` ${spec.choices[0]}`];
  if (spec.kind === 'text')
    return [
      ...common,
      'http://127.0.0.1:8080',
      'https://example.org/x',
      'ftp://example.org',
      'http://',
      'not a url',
      '/srv/recordings',
      'a\0b',
      'x'.repeat(2048),
      'http://h/' + 'x'.repeat(2040),
      'x'.repeat(4096),
      'x'.repeat(4097),
    ];
  return common;
};

describe('the validity of a setting value', () => {
  it('is what the zod schemas said, for every setting and edge values (so no stored or typed value changes meaning)', () => {
    let compared = 0;
    for (const spec of settingSpecs)
      for (const v of values(spec)) {
        expect(settingValueValid(spec, v), `${spec.key} = ${String(v).slice(0, 40)}`).toBe(
          zodReference(spec).safeParse(v).success,
        );
        compared++;
      }
    expect(compared).toBeGreaterThan(settingSpecs.length * 15);
  });
});
