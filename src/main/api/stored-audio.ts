import fs from 'node:fs';
import type { Store } from '../store/store';
import { ApiError } from './api-error';
import { audioContentType } from './byte-range';

export interface StoredAudio {
  file: string;
  size: number;
  contentType: string;
}

/** An item's stored copy for the player (headless route and desktop protocol alike), or why there is none. */
export function storedAudio(store: Store, rawId: string): StoredAudio {
  const id = Number(rawId);
  if (!Number.isSafeInteger(id) || id < 1) throw new ApiError('INVALID_REQUEST', `"${rawId}" is not an item id`);
  const item = store.files.stageItem(id);
  if (!item) throw new ApiError('NOT_FOUND', `there is no item ${id}`);
  if (!item.storedPath)
    throw new ApiError('NOT_FOUND', `item ${id} has no stored copy yet: Ingest copies it into the store`);
  let size: number;
  try {
    size = fs.statSync(item.storedPath).size;
  } catch {
    throw new ApiError('FILE_NOT_FOUND', `the stored copy of item ${id} is missing from the store`);
  }
  return { file: item.storedPath, size, contentType: audioContentType(item.storedPath) };
}
