import type { MemoryRepeats } from '../src/shared/contract';

/** What one spoken sentence should yield. Dates are local; the recording is Wednesday 14 January 2026, 09:00. */
export interface SpokenMemory {
  text: string;
  kind: 'todo' | 'event' | 'fact';
  /** The day said, `YYYY-MM-DD`, or null when none is. */
  day: string | null;
  /** The time of day said, `HH:MM`, or null (date-only, or no date). */
  time: string | null;
  repeats?: MemoryRepeats;
  /** The people named, as the extractor should write them. */
  people?: string[];
}

export const corpusRecordedAt = new Date(2026, 0, 14, 9, 0, 0);

const m = (
  text: string,
  kind: SpokenMemory['kind'],
  day: string | null,
  time: string | null,
  extra: Partial<SpokenMemory> = {},
): SpokenMemory => ({
  text,
  kind,
  day,
  time,
  ...extra,
});

/** Sentences the rules were tuned on (the issue's own examples among them). */
export const tuningSentences: readonly SpokenMemory[] = [
  m('Pick up the kids at four on Friday.', 'todo', '2026-01-16', '16:00'),
  m('Book club is at seven on Thursday.', 'event', '2026-01-15', '19:00'),
  m('Cancel the gym membership before the end of the month.', 'todo', '2026-01-31', null),
  m('A dentist appointment next Tuesday at nine in the morning.', 'event', '2026-01-20', '09:00'),
  m('Call Alice tomorrow.', 'todo', '2026-01-15', null, { people: ['Alice'] }),
  m('Remind me to pay the rent on the first.', 'todo', '2026-02-01', null),
  m('I need to renew my passport.', 'todo', null, null),
  m("Don't forget to buy milk on the way home.", 'todo', null, null),
  m('Lunch with Priya on Monday at noon.', 'event', '2026-01-19', '12:00', { people: ['Priya'] }),
  m('We go to church every Sunday.', 'event', '2026-01-18', null, { repeats: 'weekly' }),
  m('My brother works at the hospital.', 'fact', null, null),
  m('The new office is on the third floor.', 'fact', null, null),
  m("It's Mark's birthday on March the third.", 'event', '2026-03-03', null, { people: ['Mark'] }),
  m('Email the landlord about the heating.', 'todo', null, null),
  m('The team meeting moved to Thursday at two thirty.', 'event', '2026-01-15', '14:30'),
  m('Text Sam when the package arrives.', 'todo', null, null, { people: ['Sam'] }),
  m('The flight to Denver leaves Saturday at six in the morning.', 'event', '2026-01-17', '06:00'),
  m('Dinner with Emma and Jack on Friday at eight.', 'event', '2026-01-16', '20:00', { people: ['Emma', 'Jack'] }),
  m('I have to finish the tax forms by Monday.', 'todo', '2026-01-19', null),
  m('The plumber is coming tomorrow between ten and noon.', 'event', '2026-01-15', '10:00'),
  m('Make sure to take the recycling out tonight.', 'todo', '2026-01-14', null),
  m("Grandma's surgery is on the twenty second.", 'event', '2026-01-22', null),
  m('Our anniversary is on February the ninth.', 'event', '2026-02-09', null),
  m('Book a table for Saturday at seven.', 'todo', '2026-01-17', '19:00'),
  m('Water the plants every Monday.', 'todo', '2026-01-19', null, { repeats: 'weekly' }),
  m('Soccer practice is on Tuesdays at five.', 'event', '2026-01-20', '17:00', { repeats: 'weekly' }),
  m('The wifi password is on the fridge.', 'fact', null, null),
  m('Ask Doctor Patel about the test results.', 'todo', null, null, { people: ['Doctor Patel'] }),
  m('Parent teacher conference on the fifth of February at three fifteen.', 'event', '2026-02-05', '15:15'),
  m('I should call the insurance company on Thursday morning.', 'todo', '2026-01-15', null),
  // Added for issue 13's ASR work: dates said in more ways, everyday names (written for tuning, not from held-out).
  m('The car is booked in for a service on the third of May.', 'event', '2026-05-03', null),
  m('Send the invoice to Rachel a week from Monday.', 'todo', '2026-01-26', null, { people: ['Rachel'] }),
  m("I'm meeting Steve at the station at half past five.", 'event', '2026-01-14', '17:30', { people: ['Steve'] }),
  m('The electrician comes on Wednesday the twenty first at eight in the morning.', 'event', '2026-01-21', '08:00'),
  m('Order more printer paper by next Wednesday.', 'todo', '2026-01-21', null),
  m('Call mum on Sunday evening.', 'todo', '2026-01-18', null),
  m('The garden party is on July the fourth at two in the afternoon.', 'event', '2026-07-04', '14:00'),
  m('Pay Kevin back the twenty pounds next Friday.', 'todo', '2026-01-23', null, { people: ['Kevin'] }),
  m('My sister lives in Chicago.', 'fact', null, null),
  m('The eye test is on Monday at quarter past eleven.', 'event', '2026-01-19', '11:15'),
];

/**
 * Sentences outside the memo domain (part of the tuning side, scored apart): what a vocabulary or
 * language model that prefers memos costs ordinary speech.
 */
export const generalSentences: readonly SpokenMemory[] = [
  m('The weather was lovely so we walked along the river.', 'fact', null, null),
  m('Science tells us that light travels faster than sound.', 'fact', null, null),
  m('He read the whole novel in a single afternoon.', 'fact', null, null),
  m('The museum has a large collection of old maps.', 'fact', null, null),
  m('Most birds build their nests in the spring.', 'fact', null, null),
];

/**
 * Sentences never tuned on: written before the rules were run on them, and only scored as a whole
 * (bench/memory-bench.ts prints their figures beside the tuning set's).
 */
export const heldOutSentences: readonly SpokenMemory[] = [
  m('Return the library books by Saturday.', 'todo', '2026-01-17', null),
  m('The piano recital is on Sunday at three.', 'event', '2026-01-18', '15:00'),
  m('Remember to send Olivia the photos.', 'todo', null, null, { people: ['Olivia'] }),
  m("Oliver's graduation party is on June the sixth.", 'event', '2026-06-06', null, { people: ['Oliver'] }),
  m("I've got to get the car inspected before Friday.", 'todo', '2026-01-16', null),
  m('Coffee with Daniel tomorrow at ten thirty.', 'event', '2026-01-15', '10:30', { people: ['Daniel'] }),
  m('Our neighbours are moving to Portland.', 'fact', null, null),
  m('Schedule a haircut for Thursday afternoon.', 'todo', '2026-01-15', null),
  m('The kids have swimming lessons every Wednesday at four.', 'event', '2026-01-14', '16:00', { repeats: 'weekly' }),
  m('Please pick up the dry cleaning on Monday.', 'todo', '2026-01-19', null),
  m('The concert starts at eight on Friday.', 'event', '2026-01-16', '20:00'),
  m("Lisa's wedding is on the twelfth of September.", 'event', '2026-09-12', null, { people: ['Lisa'] }),
  m('Pay the water bill.', 'todo', null, null),
  m('My daughter plays the violin.', 'fact', null, null),
  m("Don't forget the parent meeting on Tuesday at six thirty in the evening.", 'todo', '2026-01-20', '18:30'),
  m('I need to call the vet on Monday.', 'todo', '2026-01-19', null),
  m('Movie night with Chris on Saturday at nine.', 'event', '2026-01-17', '21:00', { people: ['Chris'] }),
  m('The quarterly review is on March the tenth at eleven in the morning.', 'event', '2026-03-10', '11:00'),
  m('Buy a birthday present for Nora.', 'todo', null, null, { people: ['Nora'] }),
  m('The boiler was serviced last year.', 'fact', null, null),
  m('Remind me to book the flights tonight.', 'todo', '2026-01-14', null),
  m('Yoga class every Saturday morning.', 'event', '2026-01-17', null, { repeats: 'weekly' }),
  m('Drop off the keys with Hannah tomorrow.', 'todo', '2026-01-15', null, { people: ['Hannah'] }),
  m('The school play is this Thursday at seven.', 'event', '2026-01-15', '19:00'),
  m('Tom said the office is closed on Monday.', 'event', '2026-01-19', null, { people: ['Tom'] }),
  m('Renew the car insurance before the fifteenth.', 'todo', '2026-01-15', null),
  m('My parents live near the lake.', 'fact', null, null),
  m('Take the dog to the groomer on Friday at nine in the morning.', 'todo', '2026-01-16', '09:00'),
  m('Book club meets every other Tuesday at seven.', 'event', '2026-01-20', '19:00', { repeats: 'weekly' }),
  m('I must finish the slides for the presentation on Thursday.', 'todo', '2026-01-15', null),
];
