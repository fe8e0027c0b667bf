import { describe, expect, it } from 'vitest';
import { forgetSessionToken, takeSessionToken, type TokenSources } from './session-token';

function browser(href: string): TokenSources & { replacedWith: string | null; stored: Map<string, string> } {
  const stored = new Map<string, string>();
  const fake = {
    replacedWith: null as string | null,
    stored,
    location: { href },
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url?: string | URL | null) => {
        fake.replacedWith = String(url);
      },
    },
    storage: {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
      removeItem: (k: string) => void stored.delete(k),
    },
  };
  return fake;
}

describe('takeSessionToken', () => {
  it('takes the token from the address the server printed and removes it from the address bar', () => {
    const b = browser('http://127.0.0.1:4747/?token=abc&x=1#/dead-letters');
    expect(takeSessionToken(b)).toBe('abc');
    expect(b.replacedWith).toBe('/?x=1#/dead-letters');
  });

  it('finds the token again after a reload, when the address no longer has it', () => {
    const b = browser('http://127.0.0.1:4747/?token=abc');
    takeSessionToken(b);
    b.location.href = 'http://127.0.0.1:4747/';
    expect(takeSessionToken(b)).toBe('abc');
  });

  it('has no token when the page was opened without one', () => {
    expect(takeSessionToken(browser('http://127.0.0.1:4747/'))).toBeNull();
  });

  it('forgets a refused token', () => {
    const b = browser('http://127.0.0.1:4747/?token=abc');
    takeSessionToken(b);
    forgetSessionToken(b.storage);
    expect(b.stored.size).toBe(0);
  });
});
