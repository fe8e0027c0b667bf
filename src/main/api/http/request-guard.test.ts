import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hostAllowed, originAllowed, tokenMatches, tokenRefusal } from './request-guard';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('request guard', () => {
  it('accepts 127.0.0.1 and localhost on our port only', () => {
    expect(hostAllowed(req({ host: '127.0.0.1:4747' }), 4747)).toBe(true);
    expect(hostAllowed(req({ host: 'localhost:4747' }), 4747)).toBe(true);
    expect(hostAllowed(req({ host: 'localhost:4748' }), 4747)).toBe(false);
    expect(hostAllowed(req({ host: 'evil.example:4747' }), 4747)).toBe(false);
    expect(hostAllowed(req({}), 4747)).toBe(false);
  });

  it('refuses pages from other origins', () => {
    expect(originAllowed(req({}), 4747)).toBe(true);
    expect(originAllowed(req({ origin: 'http://127.0.0.1:4747' }), 4747)).toBe(true);
    expect(originAllowed(req({ origin: 'http://evil.example' }), 4747)).toBe(false);
    expect(originAllowed(req({ origin: 'null' }), 4747)).toBe(false);
  });

  it('takes the token from a bearer header on every route', () => {
    const bearer = (t: string) =>
      ({ headers: { authorization: `Bearer ${t}` }, method: 'POST' }) as unknown as IncomingMessage;
    expect(tokenMatches(bearer('abc'), new URL('http://127.0.0.1/api/call/items:list'), 'abc')).toBe(true);
    expect(tokenMatches(bearer('abd'), new URL('http://127.0.0.1/api/call/items:list'), 'abc')).toBe(false);
    expect(tokenMatches(req({}), new URL('http://127.0.0.1/api/call/items:list'), 'abc')).toBe(false);
  });

  it('takes the token from the address only where a header is impossible: the audio player and the event socket', () => {
    const get = (headers: Record<string, string> = {}) => ({ headers, method: 'GET' }) as unknown as IncomingMessage;
    expect(tokenMatches(get(), new URL('http://127.0.0.1/api/audio/7?token=abc'), 'abc')).toBe(true);
    expect(tokenMatches(get({ upgrade: 'websocket' }), new URL('http://127.0.0.1/api/events?token=abc'), 'abc')).toBe(
      true,
    );
    expect(tokenMatches(get(), new URL('http://127.0.0.1/api/events?token=abc'), 'abc')).toBe(false);
    expect(tokenMatches(get(), new URL('http://127.0.0.1/api/contract?token=abc'), 'abc')).toBe(false);
    const post = { headers: {}, method: 'POST' } as unknown as IncomingMessage;
    expect(tokenMatches(post, new URL('http://127.0.0.1/api/call/items:retryAllDead?token=abc'), 'abc')).toBe(false);
    expect(tokenMatches(post, new URL('http://127.0.0.1/api/upload?name=a.wav&token=abc'), 'abc')).toBe(false);
  });

  it('says where the token belongs when it is sent in the address of an ordinary call', () => {
    const post = { headers: {}, method: 'POST' } as unknown as IncomingMessage;
    expect(tokenRefusal(post, new URL('http://127.0.0.1/api/call/items:list?token=abc'), 'abc')).toMatch(
      /Authorization: Bearer/,
    );
  });
});
