import type { z } from 'zod';
import { mergeChannels } from './define';
import { intakeChannels } from './intake-channels';
import { backupsChannels } from './backups-channels';
import { breakersChannels } from './breakers-channels';
import { healthChannels } from './health-channels';
import { itemsChannels } from './items-channels';
import { metricsChannels } from './metrics-channels';
import { modelsChannels } from './models-channels';
import { overviewChannels } from './overview-channels';
import { searchChannels } from './search-channels';
import { memoriesChannels } from './memories-channels';
import { recordingsChannels } from './recordings-channels';
import { recoveryChannels } from './recovery-channels';
import { stagesChannels } from './stages-channels';
import { systemChannels } from './system-channels';
import { upcomingChannels } from './upcoming-channels';
import type { PushedEvent } from './events';
import type { AddFilesResult } from './items-channels';
import type { Result } from './result';

export * from './model';
export * from './result';
export * from './events';
export * from './items-channels';
export * from './search-channels';
export * from './memories-channels';
export * from './recordings-channels';
export * from './intake-channels';
export * from './settings';
export * from './setting-schemas';
export * from './setting-input';
export { requestShapeProblem, maxRequestDepth } from './strict-request';
export * from './setting-groups';
export * from './setting-labels';
export * from './health-channels';
export * from './breakers-channels';
export * from './recovery-channels';
export * from './metrics-channels';
export * from './models-channels';
export * from './stages-channels';
export * from './system-channels';
export * from './upcoming-channels';
export * from './backups-channels';

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
  searchChannels,
  memoriesChannels,
  recordingsChannels,
  intakeChannels,
  backupsChannels,
  modelsChannels,
  upcomingChannels,
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
  /**
   * Where an `<audio>` element can play an item's stored copy (byte ranges supported). Headless:
   * `/api/audio/<id>?token=…` (a media element cannot send a header); desktop: `app://lifeline/api/audio/<id>`.
   */
  audioUrl(itemId: number): string;
  /** Headless only: streams a file the user picked or dropped into the store and adds it as an item. */
  uploadFile?(file: UploadableFile, onProgress?: (sentBytes: number) => void): Promise<Result<AddFilesResult>>;
  /** Desktop only: the native "open files" dialog; resolves with the chosen paths (empty when cancelled). */
  chooseFiles?(): Promise<string[]>;
  /** Desktop only: the path on disk of a file dropped on the window (Electron's webUtils.getPathForFile). */
  pathForFile?(file: UploadableFile): string;
  /** Desktop only: shows an item's stored copy (or its original file) in the system file manager. */
  showItemFile?(itemId: number): Promise<Result<null>>;
}

/** A file from a file input or a drop: a browser `File` (Blob with a name). */
export type UploadableFile = Blob & { readonly name: string };

/** Largest file "Add files…" uploads in headless mode, bytes (4 GiB). */
export const maxUploadBytes = 4 * 1024 ** 3;

/** Electron IPC channel used for pushed events (calls use the contract's channel names). */
export const pushedEventChannel = 'lifeline:event';
/** Electron IPC channels of the desktop-only helpers above (not part of the HTTP contract). */
export const desktopChannels = { chooseFiles: 'lifeline:chooseFiles', showItemFile: 'lifeline:showItemFile' } as const;
