import type { ConnectionStatus } from '../api/transport';
import { useConnection } from '../stores/stores-context';

const labels: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  stopping: 'Server stopping',
  reconnecting: 'Reconnecting…',
  unauthorized: 'Not authorised',
};

const explanations: Record<ConnectionStatus, string> = {
  connecting: 'Opening the live connection to the Lifeline engine.',
  connected: 'Changes appear here as they happen.',
  stopping:
    'lifeline serve was asked to stop: running jobs finish, then it closes. Actions are refused until it is started again.',
  reconnecting: 'The live connection dropped; trying again. What you see may be out of date.',
  unauthorized: 'The server refused this page.',
};

/** Whether live changes can reach this page; announced politely when it changes. */
export function ConnectionIndicator() {
  const status = useConnection((s) => s.status);
  return (
    <p className={`connection connection-${status}`} role="status" title={explanations[status]}>
      <span className="connection-dot" aria-hidden="true" />
      {labels[status]}
    </p>
  );
}
