/**
 * The browser session of `lifeline serve` as a cookie: reading a `Cookie:` header and writing the
 * `Set-Cookie:` that hands the session to the page. Pure text, so the rules are tested on their own.
 */

/** How long a browser keeps the session: 400 days, the most Chromium keeps any cookie. Seconds. */
export const sessionCookieMaxAgeS = 400 * 24 * 60 * 60;

/**
 * The cookies of a `Cookie:` header by name (RFC 6265 §5.4: `name=value` pairs split by `;`). A
 * name seen twice keeps its first value, as browsers send the most specific cookie first; values
 * in double quotes lose them; pairs without `=` are ignored.
 */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name !== '' && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

const tokenChars = /^[A-Za-z0-9_-]+$/;

/**
 * The `Set-Cookie:` value for the session. HttpOnly: no script (an injected one included) can read
 * it. SameSite=Strict: no other site's page makes the browser send it. Path=/ so the page, its calls,
 * the event socket and the audio player all carry it. No Domain, so only this host gets it back.
 */
export function sessionSetCookie(name: string, value: string, maxAgeS = sessionCookieMaxAgeS): string {
  if (!tokenChars.test(name) || !tokenChars.test(value))
    throw new Error('a session cookie name and value are base64url text');
  return `${name}=${value}; Path=/; Max-Age=${maxAgeS}; HttpOnly; SameSite=Strict`;
}
