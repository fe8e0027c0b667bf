import crypto from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { parseCookieHeader, sessionSetCookie } from './session-cookie';

/** The file in the data dir that holds the browser-session secret, readable by its owner only. */
export const sessionSecretFile = 'session-secret';

/**
 * A browser session that outlives `serve`: the page that opened the printed `?token=` URL exchanges
 * it once for a cookie holding a secret kept in the data dir, so a restart (with a new token) leaves
 * open tabs, new tabs, bookmarks and item links working. Each data dir has its own secret and its
 * own cookie name, since a browser sends 127.0.0.1's cookies to every port.
 */
export class BrowserSession {
  private constructor(
    private readonly secret: Buffer,
    readonly cookieName: string,
  ) {}

  /** Reads the data dir's secret, creating it (0600) on first use; a secret others can read is made private again. */
  static load(dataDir: string): BrowserSession {
    const file = path.join(dataDir, sessionSecretFile);
    let text: string;
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (err: unknown) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    text = fs.readFileSync(file, 'utf8').trim();
    if (!/^[A-Za-z0-9_-]{32,}$/.test(text)) {
      // A damaged secret only costs open tabs their session: replace it rather than refuse to start.
      text = crypto.randomBytes(32).toString('base64url');
      fs.writeFileSync(file, text, { mode: 0o600 });
    }
    const id = crypto.createHash('sha256').update(text).digest('hex').slice(0, 12);
    return new BrowserSession(Buffer.from(text), `lifeline_${id}`);
  }

  /**
   * Whether the request carries this data dir's session cookie. Another page on 127.0.0.1 (another
   * port is the same site, so SameSite does not stop it) is refused by the Origin check; a request
   * the browser marks as coming from elsewhere (an `<audio>` on such a page) is refused here.
   */
  matches(req: IncomingMessage): boolean {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    const given = parseCookieHeader(req.headers.cookie).get(this.cookieName);
    if (!given) return false;
    const a = Buffer.from(given);
    return a.length === this.secret.length && crypto.timingSafeEqual(a, this.secret);
  }

  /** The `Set-Cookie:` header value that gives a browser the session. */
  setCookie(): string {
    return sessionSetCookie(this.cookieName, this.secret.toString());
  }
}
