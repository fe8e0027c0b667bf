/**
 * Tickets for requests whose answers replace each other (a search as the user types): only the
 * answer to the newest ticket may be shown. An older query's answer arriving late is dropped, so
 * the screen never shows results for words no longer in the box.
 */
export class LatestRequest {
  private newest = 0;

  /** A ticket for a request about to be sent; every earlier ticket is now stale. */
  issue(): number {
    return ++this.newest;
  }

  /** Whether the answer to `ticket` may still be shown. */
  isLatest(ticket: number): boolean {
    return ticket === this.newest;
  }

  /** Makes every ticket handed out so far stale (the question changed before a request was sent). */
  invalidate(): void {
    this.newest++;
  }
}
