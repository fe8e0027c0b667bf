import { unplayableText } from '../format/file-kind';
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ItemDetail } from '../../../shared/contract';
import { StateBadge } from '../components/StateBadge';
import { recordedFromWords } from '../../../shared/text/recorded-note';
import { formatTime, stageLabels } from '../format/labels';
import { formatBytes } from '../format/numbers';
import { routeHref } from '../navigation/use-hash-route';
import { useItemDetail } from '../stores/stores-context';
import { ItemActions } from './item/ItemActions';
import { ItemMemories } from './item/ItemMemories';
import { ItemStatus } from './item/ItemStatus';
import { ItemTimeline } from './item/ItemTimeline';
import { ItemTranscript } from './item/ItemTranscript';
import { ActionOutcome } from '../components/ActionOutcome';
import { ErrorMessage } from '../components/ErrorMessage';
import { displayText } from '../../../shared/display-text';

/** One fact: its own row, so a term and its value never run into the next pair. */
function Fact({ term, children, className }: { term: string; children: ReactNode; className?: string }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}

function Facts({ item }: { item: ItemDetail }) {
  // An upload or a recording has no file elsewhere: its source is the stored copy, named by its hash.
  const cameThroughTheApp = item.storedPath !== null && item.file === item.storedPath;
  return (
    <dl className="facts">
      {cameThroughTheApp ? (
        <Fact term="Original file">
          {displayText(item.fileName)}, added through the app; the stored copy is the only one
        </Fact>
      ) : (
        <Fact term="Original file" className="path">
          {displayText(item.file)}
        </Fact>
      )}
      <Fact term="Stored copy" className="path">
        {item.storedPath ?? 'not yet: Ingest copies it into the store'}
      </Fact>
      <Fact term="Size">{formatBytes(item.sizeBytes)}</Fact>
      <Fact term="Stage">
        {stageLabels[item.stage]},{' '}
        {item.state === 'done'
          ? 'the last stage, finished'
          : item.attempts === 0
            ? 'not tried yet'
            : `attempt ${item.attempts} of ${item.maxAttempts}`}
      </Fact>
      <Fact term="Priority">{item.priority}</Fact>
      <Fact term="Recorded">
        {/* Relative dates said in the recording ("next Tuesday") resolve against this time. */}
        <time dateTime={item.recordedAt}>{formatTime(item.recordedAt)}</time>, {recordedFromWords[item.recordedFrom]}
      </Fact>
      <Fact term="Added">
        <time dateTime={item.createdAt}>{formatTime(item.createdAt)}</time>
      </Fact>
      <Fact term="SHA-256" className="path">
        <span title={item.sha256}>{item.sha256.slice(0, 16)}…</span>
      </Fact>
    </dl>
  );
}

interface PlayerProps {
  item: ItemDetail;
  url: string | null;
  audio: RefObject<HTMLAudioElement | null>;
  onReady(): void;
  onTime(seconds: number | null): void;
}

function Player({ item, url, audio, onReady, onTime }: PlayerProps) {
  const failed = useItemDetail((s) => s.unplayable);
  const playerFailed = useItemDetail((s) => s.playerFailed);
  if (!item.storedPath || !url)
    return (
      <p className="unavailable">
        {item.state === 'dead' || item.state === 'cancelled'
          ? // No "yet": nothing will copy it unless the item is retried.
            `No stored copy: Ingest stopped before it copied the audio. Retry copies it from where it was added.`
          : 'No stored copy yet: the player appears once Ingest has copied the audio into the store.'}
      </p>
    );
  if (failed !== undefined) return <p className="unavailable">{unplayableText(failed)}</p>;
  return (
    <audio
      ref={audio}
      className="player"
      controls
      preload="metadata"
      src={url}
      onError={() => void playerFailed()}
      onLoadedMetadata={onReady}
      onTimeUpdate={(e) => onTime(e.currentTarget.currentTime)}
      onSeeked={(e) => onTime(e.currentTarget.currentTime)}
      aria-label={`Play ${displayText(item.fileName)}`}
    />
  );
}

/**
 * Seeking the item's player: a link's `?t=` and the transcript's times. A position asked for before
 * the audio's metadata has loaded is kept and applied once it has (a media element ignores it earlier).
 */
function usePlayerSeek(t: number | undefined, hasPlayer: boolean) {
  const audio = useRef<HTMLAudioElement | null>(null);
  const pending = useRef<number | null>(null);
  const [playingAt, setPlayingAt] = useState<number | null>(null);

  const apply = useCallback((seconds: number, play: boolean) => {
    const el = audio.current;
    if (!el || el.readyState < 1) {
      pending.current = seconds;
      return;
    }
    el.currentTime = seconds;
    setPlayingAt(seconds);
    // Playing may be refused (no audio device, autoplay rules): the position is set either way.
    if (play) el.play().catch(() => undefined);
  }, []);

  const onReady = useCallback(() => {
    if (pending.current === null) return;
    const seconds = pending.current;
    pending.current = null;
    apply(seconds, false);
  }, [apply]);

  useEffect(() => {
    if (t !== undefined && hasPlayer) apply(t, false);
  }, [t, hasPlayer, apply]);

  const seek = useCallback((seconds: number) => apply(seconds, true), [apply]);
  return { audio, onReady, seek, playingAt, onTime: setPlayingAt };
}

/**
 * One item: where it is and why, its audio, transcript and memories, its timeline, and the repairs.
 * `t` (seconds, from a link such as `#/items/12?t=4.5`) is where the player starts.
 */
export function ItemDetailView({ id, t }: { id: number; t?: number }) {
  const open = useItemDetail((s) => s.open);
  const item = useItemDetail((s) => (s.id === id ? s.item : null));
  const loading = useItemDetail((s) => s.loading);
  const error = useItemDetail((s) => s.error);
  const audioUrl = useItemDetail((s) => s.audioUrl);
  const notice = useItemDetail((s) => s.notice);
  const actionError = useItemDetail((s) => s.actionError);
  const dismiss = useItemDetail((s) => s.dismissMessages);
  const reload = useItemDetail((s) => s.reload);
  const recoveries = useItemDetail((s) => s.recoveries);
  const player = usePlayerSeek(t, Boolean(item?.storedPath && audioUrl));

  useEffect(() => open(id), [id, open]);

  return (
    <section className="view view-item" aria-labelledby="view-heading">
      <a className="back" href={routeHref({ name: 'items' })}>
        ← Items
      </a>
      <header className="view-header">
        <h2 id="view-heading" tabIndex={-1}>
          {item ? displayText(item.fileName) : `Item ${id}`}
        </h2>
        {item && <StateBadge state={item.state} />}
      </header>
      {error && (
        <ErrorMessage action="Try again" onAction={() => void reload()}>
          Could not load item {id}. {error}
        </ErrorMessage>
      )}
      {!item && loading && <p className="placeholder">Loading item {id}…</p>}
      {item && (
        <>
          <ItemStatus item={item} />
          <ActionOutcome notice={notice} error={actionError} onDismiss={dismiss} />
          <ItemActions item={item} />
          <div className="detail-columns">
            <div>
              <section aria-labelledby="audio-heading" className="panel">
                <h3 id="audio-heading">Audio</h3>
                <Player
                  item={item}
                  url={audioUrl}
                  audio={player.audio}
                  onReady={player.onReady}
                  onTime={player.onTime}
                />
              </section>
              <section aria-labelledby="transcript-heading" className="panel">
                <h3 id="transcript-heading">Transcript</h3>
                <ItemTranscript item={item} playingAt={player.playingAt} onSeek={player.seek} />
              </section>
              <section aria-labelledby="memories-heading" className="panel">
                <h3 id="memories-heading">Memories</h3>
                <ItemMemories item={item} onSeek={player.seek} />
              </section>
              <section aria-labelledby="facts-heading" className="panel">
                <h3 id="facts-heading">File</h3>
                <Facts item={item} />
              </section>
            </div>
            <section aria-labelledby="timeline-heading" className="panel">
              <h3 id="timeline-heading">Timeline</h3>
              <ItemTimeline events={item.events} recoveries={recoveries} />
            </section>
          </div>
        </>
      )}
    </section>
  );
}
