import type { Drill } from './drill';
import { crashingEngine, lyingServer, outage } from './service-faults';

/** Outage length of the short variant, which `npm test` runs too (service-faults.test.ts). */
export const shortOutageMs = 20_000;

/** The service-fault drills with 20 s failures. */
export const drill: Drill = {
  name: 'service-faults-short',
  short: true,
  async run() {
    return [
      await outage(1, shortOutageMs),
      await outage(12, shortOutageMs),
      await lyingServer(shortOutageMs, false),
      await crashingEngine(shortOutageMs),
    ];
  },
};
