import type { ExpectedMemory } from '../../src/main/pipeline/quality/extraction-score';

/** The time the corpus was "recorded": Wednesday 14 January 2026, 09:00 local time. */
export const recordedAt = new Date(2026, 0, 14, 9, 0, 0);

const at = (month: number, day: number, hour = 0, minute = 0) =>
  new Date(2026, month - 1, day, hour, minute).toISOString();

/**
 * Sentences spoken by festival for the pipeline's speech tests and bench: to-dos, events with dates
 * and times, names, facts. A date without a time is date-only: the start of that day (docs/memories.md).
 */
export const speechCorpus: readonly { text: string; expected: ExpectedMemory }[] = [
  { text: 'Remind me to call Alice tomorrow at three pm.', expected: { todo: true, at: at(1, 15, 15) } },
  { text: 'I need to buy milk and bread on the way home.', expected: { todo: true, at: null } },
  { text: "Don't forget to send the report to David by Friday.", expected: { todo: true, at: at(1, 16) } },
  {
    text: 'The dentist appointment is on March fifth at ten in the morning.',
    expected: { todo: false, at: at(3, 5, 10) },
  },
  { text: 'Sarah said the project meeting moved to next Monday.', expected: { todo: false, at: at(1, 19) } },
  { text: 'Remind me to pay the electricity bill on the twentieth.', expected: { todo: true, at: at(1, 20) } },
  {
    text: 'We are having dinner with John and Mary on Saturday at seven pm.',
    expected: { todo: false, at: at(1, 17, 19) },
  },
  {
    text: 'The flight to Boston leaves on June twelfth at six thirty am.',
    expected: { todo: false, at: at(6, 12, 6, 30) },
  },
  { text: 'I need to renew my passport before the end of the month.', expected: { todo: true, at: at(1, 31) } },
  { text: 'My sister lives in Chicago and works as a nurse.', expected: { todo: false, at: null } },
  { text: 'The team lunch is next Wednesday at noon.', expected: { todo: false, at: at(1, 21, 12) } },
  { text: "Don't forget to water the plants every morning.", expected: { todo: true, at: null } },
];
