import { describe, expect, it } from 'vitest';
import { classifyClause } from './memory-kind';

describe('memory kinds by what is said', () => {
  it('calls obligations to-dos and keeps the task', () => {
    expect(classifyClause('remind me to pay the rent on the first', true)).toEqual({
      kind: 'todo',
      text: 'pay the rent on the first',
    });
    expect(classifyClause("don't forget the parent meeting on tuesday", true)).toEqual({
      kind: 'todo',
      text: 'the parent meeting on tuesday',
    });
    expect(classifyClause('I need to renew my passport', false)?.kind).toBe('todo');
  });

  it('calls instructions to-dos even when they carry a date', () => {
    expect(classifyClause('Cancel the gym membership before the end of the month', true)?.kind).toBe('todo');
    expect(classifyClause('pick up the kids at four on friday', true)?.kind).toBe('todo');
    expect(classifyClause('oh and please call Sam', false)).toEqual({ kind: 'todo', text: 'call Sam' });
  });

  it('calls dated happenings events, even when they start with a verb-like word', () => {
    expect(classifyClause('book club is at seven on thursday', true)?.kind).toBe('event');
    expect(classifyClause('lunch with priya on monday at noon', true)?.kind).toBe('event');
    expect(classifyClause('so tomorrow is the big interview', true)).toEqual({
      kind: 'event',
      text: 'tomorrow is the big interview',
    });
  });

  it('keeps other statements as facts and drops filler', () => {
    expect(classifyClause('my brother works at the hospital', false)?.kind).toBe('fact');
    expect(classifyClause('um okay yes', false)).toBeNull();
  });
});
