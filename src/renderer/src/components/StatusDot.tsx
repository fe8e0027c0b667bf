import type { Tone } from '../stores/service-status';

/** A coloured dot; with a label it is announced ("status: red"), without one it is decoration beside text that says the same. */
export function StatusDot({ tone, label }: { tone: Tone; label?: string }) {
  return label ? (
    <span className={`status-dot tone-${tone}`} role="img" aria-label={label} title={label} />
  ) : (
    <span className={`status-dot tone-${tone}`} aria-hidden="true" />
  );
}
