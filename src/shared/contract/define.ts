import type { z } from 'zod';
import { strictRequest } from './strict-request';

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** One line for docs and the HTTP index. */
  summary: string;
  /**
   * It changes what is stored: after it succeeds, the dispatcher pushes the changes to every UI and
   * wakes the engine (Actual's `mutator`), so no handler has to remember to.
   */
  writes: boolean;
}

/** A channel that only reads; its request refuses unknown keys at every level (see strictRequest), its response does not. */
export function channel<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
  summary: string,
): ChannelSpec<Req, Res> {
  return { request: strictRequest(request), response, summary, writes: false };
}

/** A channel that changes what is stored (see `ChannelSpec.writes`); built like any other, so its request is strict too. */
export function writeChannel<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
  summary: string,
): ChannelSpec<Req, Res> {
  return { ...channel(request, response, summary), writes: true };
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * Merges per-domain channel maps into one contract. A channel name may exist once only: a second
 * definition would let two domains answer the same call, so it is refused when the module loads.
 */
export function mergeChannels<Maps extends Record<string, ChannelSpec>[]>(
  ...maps: Maps
): UnionToIntersection<Maps[number]> {
  const merged: Record<string, ChannelSpec> = {};
  for (const map of maps) {
    for (const [name, spec] of Object.entries(map)) {
      if (name in merged) throw new Error(`duplicate channel in contract: ${name}`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<Maps[number]>;
}
