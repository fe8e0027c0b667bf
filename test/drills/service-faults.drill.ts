import type { Drill } from './drill';
import { backAfterGivingUp, crashingEngine, lyingServer, outage } from './service-faults';

const minutes3 = 3 * 60_000;

/** The service-fault drills at full length: 3-minute outages, a minute of lying, recovery used up (about 8 minutes). */
export const drill: Drill = {
  name: 'service-faults',
  short: false,
  async run() {
    return [
      await outage(1, minutes3),
      await outage(12, minutes3),
      await lyingServer(60_000, true),
      await lyingServer(60_000, false),
      await crashingEngine(30_000),
      await backAfterGivingUp(),
    ];
  },
};
