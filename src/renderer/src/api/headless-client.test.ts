import { describe, expect, it } from 'vitest';
import { createHeadlessClient } from './headless-client';
import type { SocketLike } from './event-socket';

function fakeSocket(): SocketLike & { url: string } {
  return { url: '', onopen: null, onclose: null, onerror: null, onmessage: null, close() {} };
}

function setup(token: string | null, signedIn: boolean | null = true) {
  const sockets: (SocketLike & { url: string })[] = [];
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const client = createHeadlessClient({
    origin: 'http://127.0.0.1:4747',
    token,
    stillSignedIn: () => Promise.resolve(signedIn),
    fetch: (input, init) => {
      requests.push({ url: String(input), headers: (init?.headers ?? {}) as Record<string, string> });
      return Promise.resolve(new Response(JSON.stringify({ ok: true, value: 0 }), { status: 200 }));
    },
    createSocket: (url) => {
      const s = fakeSocket();
      s.url = url;
      sockets.push(s);
      return s;
    },
  });
  return { client, sockets, requests };
}

describe('the headless client with the session cookie', () => {
  it('sends no token anywhere: the browser adds the cookie to calls, the event socket and the audio', async () => {
    const { client, sockets, requests } = setup(null);
    client.connection.onStatusChange(() => {});
    await client.api.call('items:count', {});
    expect(requests[0]!.headers).not.toHaveProperty('authorization');
    expect(sockets[0]!.url).toBe('ws://127.0.0.1:4747/api/events');
    expect(client.api.audioUrl(7)).toBe('http://127.0.0.1:4747/api/audio/7');
  });

  it('keeps the token in the header and the URLs when the browser holds no cookie', async () => {
    const { client, sockets, requests } = setup('t0k');
    client.connection.onStatusChange(() => {});
    await client.api.call('items:count', {});
    expect(requests[0]!.headers).toMatchObject({ authorization: 'Bearer t0k' });
    expect(sockets[0]!.url).toBe('ws://127.0.0.1:4747/api/events?token=t0k');
    expect(client.api.audioUrl(7)).toBe('http://127.0.0.1:4747/api/audio/7?token=t0k');
  });

  it('says the page is refused, instead of reconnecting forever, when the server no longer knows its session', async () => {
    const { client, sockets } = setup(null, false);
    const seen: string[] = [];
    client.connection.onStatusChange((s) => seen.push(s));
    sockets[0]!.onopen?.(new Event('open'));
    sockets[0]!.onclose?.(new Event('close') as CloseEvent);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['connected', 'reconnecting', 'unauthorized']);
  });

  it('keeps reconnecting while the server is away or still knows the session', async () => {
    for (const answer of [null, true]) {
      const { client, sockets } = setup(null, answer);
      client.connection.onStatusChange(() => {});
      sockets[0]!.onclose?.(new Event('close') as CloseEvent);
      await new Promise((r) => setTimeout(r, 0));
      expect(client.connection.status).toBe('reconnecting');
    }
  });

  it('says the server is stopping when it says so on the socket, or refuses a call as stopping; then reconnects as before', async () => {
    const { client, sockets } = setup(null);
    const seen: string[] = [];
    client.connection.onStatusChange((s) => seen.push(s));
    sockets[0]!.onopen?.(new Event('open'));
    sockets[0]!.onmessage?.(new MessageEvent('message', { data: JSON.stringify({ server: 'stopping' }) }));
    sockets[0]!.onclose?.(new Event('close') as CloseEvent);
    expect(seen).toEqual(['connected', 'stopping', 'reconnecting']);

    const refusing = createHeadlessClient({
      origin: 'http://127.0.0.1:4747',
      token: null,
      fetch: () =>
        Promise.resolve(
          new Response(JSON.stringify({ ok: false, error: { code: 'STOPPING', message: 'Lifeline is stopping' } }), {
            status: 503,
          }),
        ),
      createSocket: () => fakeSocket(),
    });
    refusing.connection.onStatusChange(() => {});
    await refusing.api.call('items:count', {});
    expect(refusing.connection.status).toBe('stopping');
  });
});
