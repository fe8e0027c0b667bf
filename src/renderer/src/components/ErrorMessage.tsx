import type { ReactNode } from 'react';

/**
 * An error a person can act on: what went wrong, in words, and one button (Try again, Dismiss). The
 * one way views show a failed load or action; never a stack trace.
 */
export function ErrorMessage({
  children,
  action,
  onAction,
  quiet = false,
}: {
  children: ReactNode;
  action: 'Try again' | 'Dismiss';
  onAction: () => void;
  /** A low-key button (Dismiss, or a retry beside other content). */
  quiet?: boolean;
}) {
  return (
    <div role="alert" className="message message-error">
      <p>{children}</p>
      <button type="button" className={quiet ? 'button-quiet' : undefined} onClick={onAction}>
        {action}
      </button>
    </div>
  );
}
