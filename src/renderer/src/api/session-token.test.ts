import { describe, expect, it } from 'vitest';
import { chooseAuth, takeUrlToken, type TokenSources } from './session-token';

function browser(href: string): TokenSources & { replacedWith: string | null } {
  const fake = {
    replacedWith: null as string | null,
    location: { href },
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url?: string | URL | null) => {
        fake.replacedWith = String(url);
      },
    },
  };
  return fake;
}

describe('takeUrlToken', () => {
  it('takes the token from the address the server printed and removes it from the address bar', () => {
    const b = browser('http://127.0.0.1:4747/?token=abc&x=1#/dead-letters?state=dead');
    expect(takeUrlToken(b)).toBe('abc');
    expect(b.replacedWith).toBe('/?x=1#/dead-letters?state=dead');
  });

  it('has no token, and leaves the address alone, when the page was opened without one', () => {
    const b = browser('http://127.0.0.1:4747/#/items/3');
    expect(takeUrlToken(b)).toBeNull();
    expect(b.replacedWith).toBeNull();
  });
});

describe('chooseAuth', () => {
  it('uses the session cookie whenever the browser holds it, token or not', () => {
    expect(chooseAuth('abc', true, true)).toEqual({ kind: 'cookie' });
    expect(chooseAuth(null, false, true)).toEqual({ kind: 'cookie' });
    // An old printed address after a restart: its token is refused but the cookie still works.
    expect(chooseAuth('old', false, true)).toEqual({ kind: 'cookie' });
  });

  it('falls back to the token for this page when the browser keeps no cookie', () => {
    expect(chooseAuth('abc', true, false)).toEqual({ kind: 'token', token: 'abc' });
    expect(chooseAuth('abc', false, null)).toEqual({ kind: 'token', token: 'abc' });
  });

  it('says the address is missing its token, or that the token was refused', () => {
    expect(chooseAuth(null, false, false)).toEqual({ kind: 'none', reason: 'missing' });
    expect(chooseAuth(null, false, null)).toEqual({ kind: 'none', reason: 'missing' });
    expect(chooseAuth('old', false, false)).toEqual({ kind: 'none', reason: 'refused' });
  });
});
