import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hostAllowed, originAllowed, tokenMatches } from './request-guard';

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

  it('takes the token from a bearer header or the query, and nothing else', () => {
    const url = new URL('http://127.0.0.1/api/events?token=abc');
    expect(tokenMatches(req({}), url, 'abc')).toBe(true);
    expect(tokenMatches(req({ authorization: 'Bearer abc' }), new URL('http://127.0.0.1/'), 'abc')).toBe(true);
    expect(tokenMatches(req({ authorization: 'Bearer abd' }), new URL('http://127.0.0.1/'), 'abc')).toBe(false);
    expect(tokenMatches(req({}), new URL('http://127.0.0.1/'), 'abc')).toBe(false);
  });
});
