import type { ChannelName, RequestOf, ResponseOf, Result } from '../../src/shared/contract';

/** The contract over a running `serve`'s HTTP, as the headless page calls it. */
export function headlessApi(url: string, token: string) {
  const auth = { authorization: `Bearer ${token}` };
  return {
    async call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
      const res = await fetch(`${url}api/call/${channel}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      return (await res.json()) as Result<ResponseOf<C>>;
    },
    async ok<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      const r = await this.call(channel, request);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    upload(name: string, body: Buffer, withToken = true) {
      return fetch(`${url}api/upload?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { ...(withToken ? auth : {}), 'content-type': 'application/octet-stream' },
        body: new Uint8Array(body),
      });
    },
    audio(id: number, range?: string) {
      return fetch(`${url}api/audio/${id}?token=${encodeURIComponent(token)}`, { headers: range ? { range } : {} });
    },
  };
}

/** `seconds` of a 16 kHz mono tone as 16-bit PCM: what the page's recorder sends. */
export function pcmTone(seconds: number, rate = 16_000): Buffer {
  const out = Buffer.alloc(Math.round(seconds * rate) * 2);
  for (let i = 0; i < out.length / 2; i++)
    out.writeInt16LE(Math.round(6000 * Math.sin((2 * Math.PI * 330 * i) / rate)), i * 2);
  return out;
}
