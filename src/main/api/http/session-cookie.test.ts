import { describe, expect, it } from 'vitest';
import { parseCookieHeader, sessionCookieMaxAgeS, sessionSetCookie } from './session-cookie';

describe('session cookie', () => {
  it('reads every cookie of a header the way a browser writes it', () => {
    const cookies = parseCookieHeader('theme=dark; lifeline_ab12=s3cr3t-_x;other="quoted"');
    expect([...cookies]).toEqual([
      ['theme', 'dark'],
      ['lifeline_ab12', 's3cr3t-_x'],
      ['other', 'quoted'],
    ]);
  });

  it('keeps the first of two cookies with one name and skips pairs that are not cookies', () => {
    const cookies = parseCookieHeader('a=1; junk; =nameless; a=2; b=');
    expect(cookies.get('a')).toBe('1');
    expect(cookies.get('b')).toBe('');
    expect(cookies.size).toBe(2);
  });

  it('finds no cookies when the browser sent none', () => {
    expect(parseCookieHeader(undefined).size).toBe(0);
    expect(parseCookieHeader('').size).toBe(0);
  });

  it('hands out a cookie scripts cannot read and other sites cannot send, kept for 400 days', () => {
    expect(sessionSetCookie('lifeline_ab12', 'abc_-1')).toBe(
      `lifeline_ab12=abc_-1; Path=/; Max-Age=${sessionCookieMaxAgeS}; HttpOnly; SameSite=Strict`,
    );
    expect(sessionCookieMaxAgeS).toBe(34_560_000);
  });

  it('refuses to write a cookie whose value would break the header', () => {
    expect(() => sessionSetCookie('lifeline', 'a;b')).toThrow(/base64url/);
    expect(() => sessionSetCookie('life line', 'ab')).toThrow(/base64url/);
  });
});
