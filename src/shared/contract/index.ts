import type { z } from 'zod';
import { mergeChannels } from './define';
import { itemsChannels } from './items-channels';
import { overviewChannels } from './overview-channels';
import { searchChannels } from './search-channels';
import type { PushedEvent } from './events';
import type { Result } from './result';

export * from './model';
export * from './result';
export * from './events';
export * from './items-channels';
export * from './search-channels';

/** The whole IPC contract: every channel exists here once, with its request and response schema. */
export const contract = mergeChannels(itemsChannels, overviewChannels, searchChannels);

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export const channelNames = Object.keys(contract) as ChannelName[];

/** What a caller may send (defaults not yet applied). */
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedRequestOf<C extends ChannelName> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * The one interface the renderer talks to. The preload (Electron IPC) and the headless HTTP/WebSocket
 * client both implement it; the renderer cannot tell which one it has.
 */
export interface LifelineApi {
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** Subscribes to pushed events; returns the unsubscribe function. */
  subscribe(listener: (event: PushedEvent) => void): () => void;
  /** Which transport is underneath, for display only ("desktop" or "headless"). */
  readonly transport: 'desktop' | 'headless';
}

/** Electron IPC channel used for pushed events (calls use the contract's channel names). */
export const pushedEventChannel = 'lifeline:event';
