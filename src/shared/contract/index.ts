import type { z } from 'zod';
import { mergeChannels } from './define';
import { breakersChannels } from './breakers-channels';
import { healthChannels } from './health-channels';
import { itemsChannels } from './items-channels';
import { metricsChannels } from './metrics-channels';
import { overviewChannels } from './overview-channels';
import { recoveryChannels } from './recovery-channels';
import { stagesChannels } from './stages-channels';
import { systemChannels } from './system-channels';
import type { PushedEvent } from './events';
import type { Result } from './result';

export * from './model';
export * from './result';
export * from './events';
export * from './items-channels';
export * from './settings';
export * from './health-channels';
export * from './breakers-channels';
export * from './recovery-channels';
export * from './metrics-channels';
export * from './stages-channels';
export * from './system-channels';

/** The whole IPC contract: every channel exists here once, with its request and response schema. */
export const contract = mergeChannels(
  itemsChannels,
  overviewChannels,
  healthChannels,
  breakersChannels,
  recoveryChannels,
  metricsChannels,
  stagesChannels,
  systemChannels,
);

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
