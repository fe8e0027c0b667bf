/**
 * The two requests about the browser session of `lifeline serve`: exchanging the printed token for
 * the session cookie, and asking whether the browser holds it. Neither throws: an unreachable server
 * is `false` for the exchange and `null` for the question.
 */
export async function exchangeToken(origin: string, token: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  try {
    const r = await fetchImpl(`${origin}/api/session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
    return r.ok;
  } catch {
    return false;
  }
}

export async function askSignedIn(origin: string, fetchImpl: typeof fetch = fetch): Promise<boolean | null> {
  try {
    const r = await fetchImpl(`${origin}/session`, { cache: 'no-store' });
    const body = (await r.json()) as { ok?: boolean; value?: { signedIn?: unknown } };
    return typeof body.value?.signedIn === 'boolean' ? body.value.signedIn : null;
  } catch {
    return null;
  }
}
