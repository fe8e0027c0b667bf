import crypto from 'node:crypto';
import type { ChannelName, RequestOf, ResponseOf } from '../../src/shared/contract';
import type { Lifeline } from '../../src/main/lifeline';
import type { NewItem } from '../../src/main/queue/queue-store';

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** The value of an API answer; a refusal fails the test with its code and message. */
export async function valueOf<T>(answer: Promise<Answer<T>>): Promise<T> {
  const r = await answer;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Calls a channel of the app's API and returns its value (a refusal fails the test). */
export function callOk<C extends ChannelName>(
  app: Lifeline,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  return valueOf(app.call(channel, request));
}

/** A new item named `name` whose file is never read (a test stage runs it): a fresh hash each time. */
export function testItem(name: string): NewItem {
  return {
    sha256: crypto.randomBytes(32).toString('hex'),
    sourcePath: `/t/${name}`,
    fileName: name,
    sizeBytes: 1,
    priority: 0,
  };
}
