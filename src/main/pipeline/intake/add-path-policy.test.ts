import { describe, expect, it } from 'vitest';
import { isInsideAllowedDir } from './add-path-policy';

describe('which files an add over the API may read', () => {
  const allowed = ['/home/ana', '/media/recorder/'];

  it('accepts files in the home folder and in an allowed folder, however deep', () => {
    expect(isInsideAllowedDir('/home/ana/memo.wav', allowed, '/')).toBe(true);
    expect(isInsideAllowedDir('/home/ana/a/b/c.mp3', allowed, '/')).toBe(true);
    expect(isInsideAllowedDir('/media/recorder/x.wav', allowed, '/')).toBe(true);
  });

  it('refuses system files and look-alike folders next to the home folder', () => {
    expect(isInsideAllowedDir('/etc/shadow', allowed, '/')).toBe(false);
    expect(isInsideAllowedDir('/home/anabel/memo.wav', allowed, '/')).toBe(false);
    expect(isInsideAllowedDir('/home/memo.wav', allowed, '/')).toBe(false);
  });

  it('ignores an unset folder rather than allowing everything', () => {
    expect(isInsideAllowedDir('/etc/shadow', [''], '/')).toBe(false);
  });

  it('works with Windows separators', () => {
    expect(isInsideAllowedDir('C:\\Users\\ana\\memo.wav', ['C:\\Users\\ana'], '\\')).toBe(true);
    expect(isInsideAllowedDir('C:\\Windows\\win.ini', ['C:\\Users\\ana'], '\\')).toBe(false);
  });
});
