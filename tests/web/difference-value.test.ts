import { describe, expect, it } from 'vitest';
import { formatDifferenceValue } from '../../src/web/format.js';

describe('a value in the control page table of differences', () => {
  it('reads as Dutch: numbers with a decimal comma and grouped thousands, yes or no, absent and empty in words', () => {
    expect(formatDifferenceValue(81.2345678)).toBe('81,2346');
    expect(formatDifferenceValue(520000)).toBe('520.000');
    expect(formatDifferenceValue(12.5)).toBe('12,5');
    expect(formatDifferenceValue(true)).toBe('ja');
    expect(formatDifferenceValue(false)).toBe('nee');
    expect(formatDifferenceValue(undefined)).toBe('(ontbreekt)');
    expect(formatDifferenceValue(null)).toBe('(leeg)');
    expect(formatDifferenceValue('B2')).toBe('B2');
  });

  it('keeps a list or a record as JSON, for the specialist', () => {
    expect(formatDifferenceValue(['B1', 'B2'])).toBe('["B1","B2"]');
    expect(formatDifferenceValue({ rule: 'cost-floor' })).toBe('{"rule":"cost-floor"}');
  });
});
