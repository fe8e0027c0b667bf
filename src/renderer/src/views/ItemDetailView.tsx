import { useEffect, useState } from 'react';
import type { ItemDetail, ItemState } from '../../../shared/contract';
import { StateBadge } from '../components/StateBadge';
import { formatTime, stageLabels } from '../format/labels';
import { formatBytes } from '../format/numbers';
import { routeHref } from '../navigation/use-hash-route';
import { useItemDetail } from '../stores/stores-context';
import { ItemStatus } from './item/ItemStatus';
import { ItemTimeline } from './item/ItemTimeline';

const retryable: readonly ItemState[] = ['dead', 'cancelled'];
const cancellable: readonly ItemState[] = ['queued', 'scheduled', 'running', 'retry_scheduled', 'waiting'];

function Actions({ item }: { item: ItemDetail }) {
  const pending = useItemDetail((s) => s.pending);
  const act = useItemDetail((s) => s.act);
  const canShowFile = useItemDetail((s) => s.canShowFile);
  const showFile = useItemDetail((s) => s.showFile);
  const [copied, setCopied] = useState(false);
  const path = item.storedPath ?? item.file;
  const copy = () => {
    void navigator.clipboard.writeText(path).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="detail-actions" role="group" aria-label="Actions">
      <button type="button" disabled={pending !== null || !retryable.includes(item.state)} onClick={() => void act('retry')}>
        {pending === 'retry' ? 'Retrying…' : 'Retry'}
      </button>
      <button type="button" className="button-quiet" disabled={pending !== null || !cancellable.includes(item.state)} onClick={() => void act('cancel')}>
        {pending === 'cancel' ? 'Cancelling…' : 'Cancel'}
      </button>
      <button type="button" className="button-danger" disabled={pending !== null || item.state === 'discarded'} onClick={() => void act('discard')}>
        {pending === 'discard' ? 'Discarding…' : 'Discard'}
      </button>
      <button type="button" className="button-quiet" disabled aria-describedby="recover-now-why">
        Recover now
      </button>
      {canShowFile ? (
        <button type="button" className="button-quiet" disabled={pending !== null} onClick={() => void showFile()}>
          Show file
        </button>
      ) : (
        <button type="button" className="button-quiet" onClick={copy}>
          {copied ? 'Path copied' : 'Copy file path'}
        </button>
      )}
      <p id="recover-now-why" className="hint">
        Recover now is not available in this version. A stage that stops answering is put back in the queue on its own within seconds (no heartbeat
        for its lease).
      </p>
    </div>
  );
}

function Facts({ item }: { item: ItemDetail }) {
  return (
    <dl className="facts">
      <dt>Original file</dt>
      <dd className="path">{item.file}</dd>
      <dt>Stored copy</dt>
      <dd className="path">{item.storedPath ?? 'not yet: Ingest copies it into the store'}</dd>
      <dt>Size</dt>
      <dd>{formatBytes(item.sizeBytes)}</dd>
      <dt>Stage</dt>
      <dd>
        {stageLabels[item.stage]} (attempt {item.attempts} of {item.maxAttempts})
      </dd>
      <dt>Priority</dt>
      <dd>{item.priority}</dd>
      <dt>Added</dt>
      <dd>
        <time dateTime={item.createdAt}>{formatTime(item.createdAt)}</time>
      </dd>
      <dt>SHA-256</dt>
      <dd className="path" title={item.sha256}>
        {item.sha256.slice(0, 16)}…
      </dd>
    </dl>
  );
}

function Player({ item, url }: { item: ItemDetail; url: string | null }) {
  const [failed, setFailed] = useState(false);
  if (!item.storedPath || !url) return <p className="unavailable">No stored copy yet: the player appears once Ingest has copied the audio into the store.</p>;
  if (failed) return <p className="unavailable">This browser cannot play the stored copy; it is kept at the path below.</p>;
  return <audio className="player" controls preload="metadata" src={url} onError={() => setFailed(true)} aria-label={`Play ${item.fileName}`} />;
}

/** One item: where it is and why, its audio, its timeline, and the repairs. */
export function ItemDetailView({ id }: { id: number }) {
  const open = useItemDetail((s) => s.open);
  const item = useItemDetail((s) => (s.id === id ? s.item : null));
  const loading = useItemDetail((s) => s.loading);
  const error = useItemDetail((s) => s.error);
  const audioUrl = useItemDetail((s) => s.audioUrl);
  const notice = useItemDetail((s) => s.notice);
  const actionError = useItemDetail((s) => s.actionError);
  const dismiss = useItemDetail((s) => s.dismissMessages);
  const reload = useItemDetail((s) => s.reload);

  useEffect(() => open(id), [id, open]);

  return (
    <section className="view view-item" aria-labelledby="view-heading">
      <a className="back" href={routeHref({ name: 'items' })}>
        ← Items
      </a>
      <header className="view-header">
        <h2 id="view-heading" tabIndex={-1}>
          {item ? item.fileName : `Item ${id}`}
        </h2>
        {item && <StateBadge state={item.state} />}
      </header>
      {error && (
        <div role="alert" className="message message-error">
          <p>Could not load item {id}. {error}</p>
          <button type="button" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}
      {!item && loading && <p className="placeholder">Loading item {id}…</p>}
      {item && (
        <>
          <ItemStatus item={item} />
          <p role="status" className="notice">
            {notice}
          </p>
          {actionError && (
            <div role="alert" className="message message-error">
              <p>{actionError}</p>
              <button type="button" className="button-quiet" onClick={dismiss}>
                Dismiss
              </button>
            </div>
          )}
          <Actions item={item} />
          <div className="detail-columns">
            <div>
              <section aria-labelledby="audio-heading" className="panel">
                <h3 id="audio-heading">Audio</h3>
                <Player item={item} url={audioUrl} />
              </section>
              <section aria-labelledby="transcript-heading" className="panel">
                <h3 id="transcript-heading">Transcript</h3>
                <p className="unavailable">
                  Not available yet: this version has no transcription engine, so items wait at Transcribe. Their audio is kept, and they are
                  transcribed once an engine is set up.
                </p>
              </section>
              <section aria-labelledby="memories-heading" className="panel">
                <h3 id="memories-heading">Memories</h3>
                <p className="unavailable">Not available yet: memories (to-dos, events, facts, people) are extracted from the transcript.</p>
              </section>
              <section aria-labelledby="facts-heading" className="panel">
                <h3 id="facts-heading">File</h3>
                <Facts item={item} />
              </section>
            </div>
            <section aria-labelledby="timeline-heading" className="panel">
              <h3 id="timeline-heading">Timeline</h3>
              <ItemTimeline events={item.events} />
            </section>
          </div>
        </>
      )}
    </section>
  );
}
