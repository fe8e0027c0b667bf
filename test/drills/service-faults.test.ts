import { describe, expect, it } from 'vitest';
import { shortOutageMs } from './service-faults-short.drill';
import { crashingEngine, lyingServer, outage } from './service-faults';
import type { DrillRow } from './drill';

// The short service-fault drills (20 s failures) against real `lifeline serve` processes with the
// defaults; `npm run drill` runs the 3-minute ones. Two at a time, to keep the suite short.
const passed = (rows: DrillRow[]) => {
  for (const r of rows)
    expect(r, `${r.case}: ${r.why ?? ''} ${JSON.stringify(r.figures)}`).toMatchObject({ passed: true });
};

describe('service faults, played against a real serve with the defaults', () => {
  it('an outage with one item or with twelve makes no dead letter and spends no attempt, and the server is used within seconds of coming back', async () => {
    passed(await Promise.all([outage(1, shortOutageMs), outage(12, shortOutageMs)]));
  }, 300_000);

  it('a server that answers its front door but fails the real call is never shown up, and a local engine that crashes on every call parks its stage within seconds; neither burns an item', async () => {
    passed(await Promise.all([lyingServer(10_000, false), crashingEngine(10_000)]));
  }, 300_000);
});
