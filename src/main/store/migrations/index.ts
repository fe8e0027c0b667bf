import type { Migration } from './migration';
import { m0001Initial } from './0001-initial';
import { m0002TranscriptsMemoriesSearch } from './0002-transcripts-memories-search';
import { m0003ItemsListIndex } from './0003-items-list-index';
import { m0004Recordings } from './0004-recordings';
import { m0005WatchedFiles } from './0005-watched-files';
import { m0006SelfHealing } from './0006-self-healing';
import { m0007LeanHotPath } from './0007-lean-hot-path';
import { m0008NoFileBytesInMessages } from './0008-no-file-bytes-in-messages';
import { m0009UpcomingReruns } from './0009-upcoming-reruns';
import { m0010MemoryDates } from './0010-memory-dates';
import { m0011Attention } from './0011-attention';
import { m0012RecordingTimeAndSetAsideParts } from './0012-recording-time-and-set-aside-parts';
import { m0013WorkNotBegun } from './0013-work-not-begun';
import { m0014RerunDoneStage } from './0014-rerun-done-stage';
import { m0015SearchTerms } from './0015-search-terms';

/** Append, never edit or reorder: a shipped migration has already run on users' stores. */
export const migrations: readonly Migration[] = [
  m0001Initial,
  m0002TranscriptsMemoriesSearch,
  m0003ItemsListIndex,
  m0004Recordings,
  m0005WatchedFiles,
  m0006SelfHealing,
  m0007LeanHotPath,
  m0008NoFileBytesInMessages,
  m0009UpcomingReruns,
  m0010MemoryDates,
  m0011Attention,
  m0012RecordingTimeAndSetAsideParts,
  m0013WorkNotBegun,
  m0014RerunDoneStage,
  m0015SearchTerms,
];
