/**
 * What a `start()` returns: ends what it began (timers, listeners, watchers, worker processes). The
 * composition root keeps every stop in one list and runs them in reverse on close; an async one is
 * awaited before the next.
 */
export type Stop = () => void | Promise<void>;

/** Runs stops in reverse (the last started stops first), each awaited; one that throws does not keep the rest from running. */
export async function stopInReverse(stops: readonly Stop[], failed: (err: unknown) => void): Promise<void> {
  for (const stop of [...stops].reverse()) {
    try {
      await stop();
    } catch (err: unknown) {
      failed(err);
    }
  }
}
