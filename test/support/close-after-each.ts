import { afterEach } from 'vitest';

/** What a test opens and must close: a Lifeline (closed with no grace period) or a fake server. */
interface Closable {
  close(graceMs?: number): Promise<unknown>;
}

/**
 * Closes, newest first after each test, whatever the test handed to `track`, so a failed assertion
 * never leaves an engine or a server running into the next test.
 */
export function closeAfterEach() {
  const open: Closable[] = [];
  afterEach(async () => {
    for (const c of open.splice(0).reverse()) await c.close(0);
  });
  return {
    track<T extends Closable>(c: T): T {
      open.push(c);
      return c;
    },
    /** Closes one early (a test of a restart); afterEach then leaves it alone. */
    async close(c: Closable): Promise<void> {
      open.splice(open.indexOf(c), 1);
      await c.close(0);
    },
  };
}

/** An engine on its own store (engineFixture, clockedEngine). */
interface EngineOnStore {
  engine: { stop(graceMs?: number): Promise<unknown> };
  store: { close(): void };
}

/** Stops, after each test, every engine handed to `track` (no grace period) and closes its store. */
export function stopEnginesAfterEach() {
  const open: EngineOnStore[] = [];
  afterEach(async () => {
    for (const f of open.splice(0)) {
      await f.engine.stop(0);
      f.store.close();
    }
  });
  return {
    track<T extends EngineOnStore>(f: T): T {
      open.push(f);
      return f;
    },
  };
}
