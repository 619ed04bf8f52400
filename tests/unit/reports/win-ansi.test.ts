import { describe, expect, it } from 'vitest';
import { toWinAnsi } from '../../../src/reports/pdf/win-ansi.js';

describe('toWinAnsi', () => {
  it('keeps Dutch letters, the euro sign and curly quotes, which Helvetica has', () => {
    expect(toWinAnsi('Chloë geëvalueerd: € 1.234,56 – ‘goed’ “zeer goed”')).toBe('Chloë geëvalueerd: € 1.234,56 – ‘goed’ “zeer goed”');
  });

  it('drops accents Helvetica lacks and replaces other characters with a question mark', () => {
    expect(toWinAnsi('Erdős ≥ 3 → ok')).toBe('Erdos ? 3 ? ok');
  });

  it('turns tabs into spaces and Windows line ends into newlines', () => {
    expect(toWinAnsi('a\tb\r\nc')).toBe('a b\nc');
  });
});
