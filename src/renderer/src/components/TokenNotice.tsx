/**
 * Shown instead of the app when the page has no usable token for `lifeline serve`: the only fix is
 * to open the address the server printed, so say exactly that.
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
          'This page’s access token was refused'
        )}
      </h1>
      <p>
        {reason === 'missing'
          ? 'This page was opened without its access token, so it cannot talk to the Lifeline engine.'
          : 'The server no longer accepts the token this page was opened with: the token changes every time the server starts.'}
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
