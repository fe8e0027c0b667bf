import { useState } from 'react';
import type { ItemDetail, ItemState } from '../../../../shared/contract';
import { ActionButton } from '../../components/ActionButton';
import { retryWillFailAgain } from '../../format/error-actions';
import { stageLabels, stateLabels } from '../../format/labels';
import { openRerun } from '../../format/rerun-state';
import { useDiscardUndo, useItemDetail } from '../../stores/stores-context';

const retryable: readonly ItemState[] = ['dead', 'cancelled'];
const cancellable: readonly ItemState[] = ['queued', 'scheduled', 'running', 'retry_scheduled', 'waiting'];

/** Why Retry cannot be pressed, in the item's terms: a waiting item is not failed, it goes on by itself. */
function nothingToRetry(itemState: ItemState, said: string): string {
  switch (itemState) {
    case 'done':
      return 'Nothing to retry: it is done (Transcribe again or Extract again runs it anew)';
    case 'discarded':
      return 'Nothing to retry: it is discarded';
    default:
      return `Nothing to retry: it is ${said}, not failed, and goes on by itself`;
  }
}

/**
 * Retry, Cancel, Discard, Recover now and Show file / Copy file path. The first button is the one
 * the situation calls for: Retry for an error a retry may fix; Show file / Copy path for an error in
 * the file itself. Discard is always quiet (and can be undone for 10 s); a button that cannot be
 * pressed says why.
 */
export function ItemActions({ item }: { item: ItemDetail }) {
  const pending = useItemDetail((s) => s.pending);
  const act = useItemDetail((s) => s.act);
  const canShowFile = useItemDetail((s) => s.canShowFile);
  const showFile = useItemDetail((s) => s.showFile);
  const recover = useItemDetail((s) => s.recover);
  const rerun = useItemDetail((s) => s.rerun);
  const done = item.state === 'done';
  const again = openRerun(item.events);
  const discard = useDiscardUndo((s) => s.discard);
  const discarding = useDiscardUndo((s) => s.pending.some((p) => p.id === item.id));
  // Said while the item is on its way but not running; a finished or stopped item has nothing to recover.
  const explainRecover = item.state !== 'running' && cancellable.includes(item.state);
  const [copied, setCopied] = useState(false);
  const path = item.storedPath ?? item.file;
  const copy = () => {
    void navigator.clipboard.writeText(path).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  const state = stateLabels[item.state].toLowerCase();
  const busy = pending !== null ? 'Another action on this item is under way' : null;
  const fileFirst = item.state === 'dead' && retryWillFailAgain(item.error?.code);
  const fileButton = canShowFile ? (
    <ActionButton
      key="file"
      className={fileFirst ? undefined : 'button-quiet'}
      disabledReason={busy}
      onClick={() => void showFile()}
    >
      Show file
    </ActionButton>
  ) : (
    <ActionButton key="file" className={fileFirst ? undefined : 'button-quiet'} onClick={copy}>
      {copied ? 'Path copied' : 'Copy file path'}
    </ActionButton>
  );
  const canRetry = retryable.includes(item.state);
  const retryButton = (
    <ActionButton
      key="retry"
      // Not the button the situation calls for when there is nothing to retry.
      className={fileFirst || !canRetry ? 'button-quiet' : undefined}
      disabledReason={busy ?? (canRetry ? null : nothingToRetry(item.state, state))}
      onClick={() => void act('retry')}
    >
      {pending === 'retry' ? 'Retrying…' : 'Retry'}
    </ActionButton>
  );
  return (
    <div className="detail-actions" role="group" aria-label="Actions">
      {fileFirst ? [fileButton, retryButton] : retryButton}
      <ActionButton
        className="button-quiet"
        disabledReason={
          busy ??
          (cancellable.includes(item.state) ? null : `Only an item on its way can be cancelled; this one is ${state}`)
        }
        onClick={() => void act('cancel')}
      >
        {pending === 'cancel' ? 'Cancelling…' : 'Cancel'}
      </ActionButton>
      <ActionButton
        className="button-quiet"
        disabledReason={
          busy ??
          (item.state === 'discarded'
            ? 'This item is discarded already'
            : discarding
              ? 'It will be discarded in a moment; Undo is above'
              : null)
        }
        onClick={() => discard({ id: item.id, fileName: item.fileName })}
      >
        Discard
      </ActionButton>
      <ActionButton
        className="button-quiet"
        disabledReason={busy ?? (item.state === 'running' ? null : 'Only a running stage can be recovered')}
        aria-describedby={explainRecover ? 'recover-now-why' : undefined}
        onClick={() => void recover()}
      >
        {pending === 'recover' ? 'Recovering…' : 'Recover now'}
      </ActionButton>
      <ActionButton
        className="button-quiet"
        disabledReason={busy ?? (done ? null : 'Transcribe again is for a done item')}
        aria-describedby="rerun-why"
        onClick={() => void rerun('transcribe')}
      >
        {pending === 'transcribe' ? 'Starting…' : 'Transcribe again'}
      </ActionButton>
      <ActionButton
        className="button-quiet"
        disabledReason={busy ?? (done ? null : 'Extract again is for a done item')}
        aria-describedby="rerun-why"
        onClick={() => void rerun('extract')}
      >
        {pending === 'extract' ? 'Starting…' : 'Extract again'}
      </ActionButton>
      {!fileFirst && fileButton}
      <p id="rerun-why" className="hint">
        {again
          ? `Running again from ${stageLabels[again]}: the transcript and memories below are the previous ones until the new run succeeds; then they are replaced at once.`
          : done
            ? 'Transcribe again or Extract again after changing engines or rules: the transcript and memories below stay until the new ones are ready, then are replaced at once.'
            : 'Transcribe again and Extract again are for a done item.'}
      </p>
      {explainRecover && (
        <p id="recover-now-why" className="hint">
          Recover now is for a running stage that seems stuck: it stops the stage&rsquo;s worker and puts the job back,
          resuming from its last checkpoint. A stage that stops answering is also recovered on its own within seconds.
        </p>
      )}
    </div>
  );
}
