/**
 * Shown instead of the app when the browser has no session with `lifeline serve` (never opened the
 * printed address, or the server no longer knows it): the only fix is to open the address the server
 * printed, once, so say exactly that.
 */
export function TokenNotice({ reason }: { reason: 'missing' | 'refused' }) {
  return (
    <main className="token-notice" aria-labelledby="token-notice-heading">
      <h1 id="token-notice-heading">
        {reason === 'missing' ? (
          <>
            Open Lifeline from the address <code>lifeline serve</code> printed
          </>
        ) : (
          'This page’s access was refused'
        )}
      </h1>
      <p>
        {reason === 'missing'
          ? 'This browser has not opened Lifeline from its address yet, so it cannot talk to the Lifeline engine. Once it has, new tabs, bookmarks and restarts of the server keep working.'
          : 'The server does not accept this page: the address was from an older start of the server, or the server now runs on another data folder.'}
      </p>
      <ol>
        <li>
          Find the terminal running <code>lifeline serve</code> (or start it).
        </li>
        <li>
          Open the address on its line <samp>Open http://127.0.0.1:…/?token=…</samp>
        </li>
      </ol>
      <p className="hint">The token keeps other web pages and programs on this computer away from your recordings.</p>
    </main>
  );
}
