import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/clock';
import { agoText, deadLetterAttention } from './attention-policy';
import { rollUp, type ServiceView } from './health-rollup-policy';

const up = (name: string): ServiceView => ({
  name,
  label: name,
  required: true,
  status: 'up',
  message: 'ok',
  needsYou: false,
});

describe('dead letters as attention, not as a failing service', () => {
  it('turns the app amber while there are dead letters the person has not seen, and says how many', () => {
    const clock = new FakeClock();
    const a = deadLetterAttention({ total: 3, unseen: 3, seenAt: null }, clock.now());
    expect(a.reason).toBe('3 new dead letters: open Dead letters to see why');
    const r = rollUp([up('database')], [], a);
    expect(r.overall).toBe('amber');
    expect(r.reasons).toEqual([a.reason]);
  });

  it('leaves the app green once they are seen, and keeps them as a count', () => {
    const clock = new FakeClock();
    const seenAt = clock.now();
    clock.advance(3_600_000);
    const a = deadLetterAttention({ total: 12, unseen: 0, seenAt }, clock.now());
    expect(a).toEqual({ reason: null, note: '12 dead letters already seen' });
    const r = rollUp([up('database')], [], a);
    expect(r.overall).toBe('green');
    expect(r.notes).toEqual(['12 dead letters already seen']);
  });

  it('says when the person last looked once new ones arrive after that', () => {
    const clock = new FakeClock();
    const seenAt = clock.now();
    clock.advance(2 * 3_600_000 + 5 * 60_000);
    const a = deadLetterAttention({ total: 1_905, unseen: 1, seenAt }, clock.now());
    expect(a.reason).toBe('1 new dead letter since you last looked 2 h ago: open Dead letters to see why');
    expect(a.note).toBe('1,904 dead letters already seen');
  });

  it('never makes the app red, however many items failed for good', () => {
    const a = deadLetterAttention({ total: 3_915, unseen: 3_915, seenAt: null }, 0);
    expect(rollUp([up('database'), up('disk')], [], a).overall).toBe('amber');
  });

  it('puts the services first: a down required service is red and leads the reasons', () => {
    const a = deadLetterAttention({ total: 2, unseen: 2, seenAt: null }, 0);
    const down: ServiceView = { ...up('database'), label: 'Database', status: 'down', message: 'not writable' };
    const r = rollUp([down], [], a);
    expect(r.overall).toBe('red');
    expect(r.reasons).toEqual(['Database is down: not writable', a.reason]);
  });

  it('says nothing with no dead letters at all', () => {
    expect(deadLetterAttention({ total: 0, unseen: 0, seenAt: 5 }, 10)).toEqual({ reason: null, note: null });
  });

  it('says how long ago in words a person reads at a glance', () => {
    expect(agoText(20_000)).toBe('just now');
    expect(agoText(5 * 60_000)).toBe('5 min ago');
    expect(agoText(3 * 3_600_000)).toBe('3 h ago');
    expect(agoText(3 * 86_400_000)).toBe('3 days ago');
  });
});
