import { describe, expect, it } from 'vitest';
import { memoryKey } from './memory-key';

describe('memoryKey', () => {
  it('keeps a tick on the same words whatever their case, punctuation and spacing', () => {
    expect(memoryKey('Call the  dentist, tomorrow!')).toBe('call the dentist tomorrow');
    expect(memoryKey('call the dentist tomorrow')).toBe(memoryKey('Call The Dentist Tomorrow.'));
  });

  it('tells different words apart', () => {
    expect(memoryKey('call Alice')).not.toBe(memoryKey('call Alison'));
  });
});
