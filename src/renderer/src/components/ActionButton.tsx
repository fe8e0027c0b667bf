import { useId, type ButtonHTMLAttributes } from 'react';

/**
 * A button that says why it cannot be pressed: with `disabledReason` it is disabled, shows the
 * reason as a tooltip and names it for screen readers (aria-describedby). Never a mute grey button.
 */
export function ActionButton({
  disabledReason,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { disabledReason?: string | null }) {
  const id = useId();
  const reason = disabledReason ?? null;
  return (
    <>
      <button
        type="button"
        {...props}
        disabled={reason !== null}
        title={reason ?? props.title}
        aria-describedby={
          [reason !== null ? id : undefined, props['aria-describedby']].filter(Boolean).join(' ') || undefined
        }
      />
      {reason !== null && (
        <span id={id} className="visually-hidden">
          {reason}
        </span>
      )}
    </>
  );
}
