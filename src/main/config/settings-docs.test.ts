import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsMarkdownTable } from './settings-docs';

describe('docs/self-healing.md', () => {
  it('lists every setting with its environment variable and default, as the settings list says', () => {
    const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/self-healing.md'), 'utf8');
    expect(doc).toContain(settingsMarkdownTable());
  });
});
