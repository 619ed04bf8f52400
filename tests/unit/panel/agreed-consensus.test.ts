import { describe, expect, it } from 'vitest';
import { agreedScoreOf, buildAgreedMotivation, differsByMoreThanOneStep, scaleStepsApart } from '../../../src/domain/panel/agreed-consensus.js';

const quarters = [0, 25, 50, 75, 100];

describe('scaleStepsApart', () => {
  it('counts the steps of the scale between the lowest and the highest score', () => {
    expect(scaleStepsApart([50, 100], quarters)).toBe(2);
    expect(scaleStepsApart([75, 100, 75], quarters)).toBe(1);
    expect(scaleStepsApart([50, 50], quarters)).toBe(0);
    expect(scaleStepsApart([0, 100], quarters)).toBe(4);
    expect(scaleStepsApart([], quarters)).toBeNull();
  });

  it('counts by position on the scale, not by distance: on an uneven scale one step can be large', () => {
    expect(scaleStepsApart([1, 5], [0, 1, 5, 10])).toBe(1);
    expect(scaleStepsApart([0, 5], [0, 1, 5, 10])).toBe(2);
  });

  it('does not tip on a rounding error of a decimal scale', () => {
    expect(scaleStepsApart([0.1 + 0.2, 0.6], [0, 0.3, 0.6, 0.9])).toBe(1);
  });
});

describe('differsByMoreThanOneStep', () => {
  it('marks two steps and more, never one step or agreement', () => {
    expect(differsByMoreThanOneStep([50, 100], quarters)).toBe(true);
    expect(differsByMoreThanOneStep([75, 100], quarters)).toBe(false);
    expect(differsByMoreThanOneStep([75, 75], quarters)).toBe(false);
    expect(differsByMoreThanOneStep([], quarters)).toBe(false);
  });
});

describe('agreedScoreOf', () => {
  it('gives the score all members gave, and null when one differs or nobody scored', () => {
    expect(agreedScoreOf([75, 75, 75])).toBe(75);
    expect(agreedScoreOf([8])).toBe(8);
    expect(agreedScoreOf([75, 75, 50])).toBeNull();
    expect(agreedScoreOf([])).toBeNull();
  });
});

describe('buildAgreedMotivation', () => {
  it('keeps each different motivation once, in order, one per line', () => {
    expect(buildAgreedMotivation(['  Het plan is concreet uitgewerkt.  ', 'het plan is   concreet uitgewerkt.', 'De planning is haalbaar en getoetst.'])).toBe(
      'Het plan is concreet uitgewerkt.\nDe planning is haalbaar en getoetst.',
    );
  });

  it('gives the one motivation when all members wrote the same', () => {
    expect(buildAgreedMotivation(['Voldoet aan alle eisen van het programma.', 'Voldoet aan alle eisen van het programma.'])).toBe(
      'Voldoet aan alle eisen van het programma.',
    );
  });
});
