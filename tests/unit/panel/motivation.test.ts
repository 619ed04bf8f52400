import { describe, expect, it } from 'vitest';
import { isSentence, normaliseMotivation } from '../../../src/domain/panel/motivation.js';

describe('isSentence', () => {
  it.each(['Voldoet aan de eisen.', 'Het plan beschrijft voortgangsgesprekken per kwartaal.', '3 lesuren per week, 2 coaches.'])('accepts %j', (text) =>
    expect(isSentence(text)).toBe(true),
  );

  it.each([
    ['empty', ''],
    ['a placeholder', 'zie boven'],
    ['not applicable', 'n.v.t.'],
    ['short, 10 characters', 'Goed plan.'],
    ['long but two words', 'Uitstekend gemotiveerd!!!!!!!!'],
    ['punctuation, no words', '- - - - - - - - - - - - -'],
    ['padding with whitespace', '   Goed   \n\n   plan   zo   '],
  ])('refuses %s', (_what, text) => expect(isSentence(text)).toBe(false));

  it('counts 20 characters after trimming and collapsing whitespace', () => {
    expect(isSentence('Dit is een goed plan')).toBe(true); // exactly 20
    expect(isSentence('  Dit is een goed pla  ')).toBe(false); // 19 once trimmed
    expect(isSentence('Dit  is  een  goed  pl')).toBe(false); // 18 once collapsed
  });

  it('normalises whitespace the way the rule counts it', () => {
    expect(normaliseMotivation('  Eerste regel.\n\tTweede  regel. ')).toBe('Eerste regel. Tweede regel.');
  });
});
