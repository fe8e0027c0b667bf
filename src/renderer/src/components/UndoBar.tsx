import { undoWindowMs } from '../stores/discard-undo-store';
import { useDiscardUndo } from '../stores/stores-context';
import { ErrorMessage } from './ErrorMessage';
import { useNow } from './use-now';

/** "memo.wav will be discarded in 8 s. Undo": one line per pending discard, wherever it was pressed. */
export function UndoBar() {
  const pending = useDiscardUndo((s) => s.pending);
  const error = useDiscardUndo((s) => s.error);
  const undo = useDiscardUndo((s) => s.undo);
  const dismiss = useDiscardUndo((s) => s.dismissError);
  const now = useNow(1_000);
  return (
    <div className="undo-bar" role="status" aria-label="Discards you can undo">
      {pending.map((p) => (
        <p key={p.id} className="undo-line">
          <span>
            {/* The ticking clock may lag the press by up to a second: never more than the window. */}
            {p.fileName} will be discarded in{' '}
            {Math.min(undoWindowMs / 1000, Math.max(1, Math.ceil((p.at - now) / 1000)))} s.
          </span>{' '}
          <button type="button" onClick={() => undo(p.id)} aria-label={`Undo discarding ${p.fileName}`}>
            Undo
          </button>
        </p>
      ))}
      {error && (
        <ErrorMessage action="Dismiss" onAction={dismiss} quiet>
          {error}
        </ErrorMessage>
      )}
    </div>
  );
}
