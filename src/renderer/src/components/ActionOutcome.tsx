import { ErrorMessage } from './ErrorMessage';

/**
 * What the last action on items did: a notice read out politely (always in the page, so screen
 * readers hear each new one), or the error with Dismiss.
 */
export function ActionOutcome({
  notice,
  error,
  onDismiss,
}: {
  notice: string | null;
  error: string | null;
  onDismiss: () => void;
}) {
  return (
    <>
      <p role="status" className="notice">
        {notice}
      </p>
      {error && (
        <ErrorMessage action="Dismiss" onAction={onDismiss} quiet>
          {error}
        </ErrorMessage>
      )}
    </>
  );
}
