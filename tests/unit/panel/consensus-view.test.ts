import { describe, expect, it } from 'vitest';
import { buildConsensusView, checkConsensus, spansMoreThanAThird, type EvaluatorScore } from '../../../src/domain/panel/consensus-view.js';

const scale = [0, 2, 4, 6, 8, 10];
const scoresOf = (...values: number[]): EvaluatorScore[] => values.map((score, i) => ({ evaluatorId: `u${i + 1}`, score }));
const motivation = 'Het plan onderbouwt de voortgangsgesprekken goed.';

describe('buildConsensusView', () => {
  it('shows every score, the range, spread and mean, and the consensus next to them', () => {
    expect(buildConsensusView({ individualScores: scoresOf(4, 6, 8), scale, consensusScore: 6 })).toEqual({
      scores: [
        { evaluatorId: 'u1', score: 4 },
        { evaluatorId: 'u2', score: 6 },
        { evaluatorId: 'u3', score: 8 },
      ],
      scaleMin: 0,
      scaleMax: 10,
      min: 4,
      max: 8,
      spread: 4,
      mean: 6,
      disagreement: true, // 4 > 10/3
      consensusScore: 6,
      outsideRange: false,
    });
  });

  it('marks no disagreement for one step of 2 on a 0-10 scale', () => {
    expect(buildConsensusView({ individualScores: scoresOf(6, 8, 8), scale })).toMatchObject({
      spread: 2,
      mean: 22 / 3,
      disagreement: false,
      consensusScore: null,
      outsideRange: null,
    });
  });

  it('marks a consensus outside the individual scores', () => {
    expect(buildConsensusView({ individualScores: scoresOf(4, 6), scale, consensusScore: 8 }).outsideRange).toBe(true);
    expect(buildConsensusView({ individualScores: scoresOf(4, 6), scale, consensusScore: 4 }).outsideRange).toBe(false);
  });

  it('has no range without individual scores', () => {
    expect(buildConsensusView({ individualScores: [], scale: [1, 2, 3, 4, 5], consensusScore: 3 })).toEqual({
      scores: [],
      scaleMin: 1,
      scaleMax: 5,
      min: null,
      max: null,
      spread: null,
      mean: null,
      disagreement: false,
      consensusScore: 3,
      outsideRange: null,
    });
  });

  it('measures the third against the scale from its lowest value (1-5: more than 4/3)', () => {
    expect(buildConsensusView({ individualScores: scoresOf(3, 4), scale: [1, 2, 3, 4, 5] }).disagreement).toBe(false);
    expect(buildConsensusView({ individualScores: scoresOf(2, 4), scale: [1, 2, 3, 4, 5] }).disagreement).toBe(true);
  });
});

describe('spansMoreThanAThird', () => {
  it('is strict: exactly a third is no disagreement', () => {
    expect(spansMoreThanAThird(3, [0, 3, 6, 9])).toBe(false);
    expect(spansMoreThanAThird(6, [0, 3, 6, 9])).toBe(true);
    expect(spansMoreThanAThird(3.0001, [0, 3, 6, 9])).toBe(true);
  });

  it('does not tip on a rounding error of a decimal scale', () => {
    // 3 * 0.1 is 0.30000000000000004 in floating point, yet 0.1 is exactly a third of 0.3.
    expect(3 * 0.1 > 0.3).toBe(true);
    expect(spansMoreThanAThird(0.1, [0, 0.1, 0.2, 0.3])).toBe(false);
    expect(spansMoreThanAThird(0.2, [0, 0.1, 0.2, 0.3])).toBe(true);
  });

  it('refuses a scale without a range', () => {
    expect(() => spansMoreThanAThird(0, [5])).toThrow(RangeError);
  });
});

describe('checkConsensus', () => {
  it('accepts a motivated consensus inside the range, its bounds included', () => {
    expect(checkConsensus({ individualScores: scoresOf(4, 8), consensusScore: 6, motivation })).toEqual({
      ok: true,
      outsideRange: false,
      range: { min: 4, max: 8 },
    });
    expect(checkConsensus({ individualScores: scoresOf(4, 8), consensusScore: 8, motivation }).ok).toBe(true);
    expect(checkConsensus({ individualScores: scoresOf(4, 8), consensusScore: 4, motivation }).ok).toBe(true);
  });

  it('refuses a motivation that is not a sentence, even inside the range', () => {
    expect(checkConsensus({ individualScores: scoresOf(4, 8), consensusScore: 6, motivation: 'zie boven' })).toEqual({
      ok: false,
      code: 'motivation-not-a-sentence',
      path: 'motivation',
      message: 'De motivering van de consensusscore is te kort: schrijf minstens één volledige zin (minstens 20 tekens en 3 woorden).',
    });
  });

  it('refuses a consensus above the range without a deviation reason', () => {
    expect(checkConsensus({ individualScores: scoresOf(4, 6), consensusScore: 8, motivation })).toEqual({
      ok: false,
      code: 'deviation-reason-required',
      path: 'deviationReason',
      message:
        'Consensusscore 8 ligt buiten de scores van de beoordelaars (4 tot en met 6); leg uit waarom de consensus daarvan afwijkt: schrijf minstens één volledige zin (minstens 20 tekens en 3 woorden).',
    });
  });

  it('refuses a consensus below a unanimous score with a reason of one word', () => {
    const check = checkConsensus({ individualScores: scoresOf(7.5, 7.5), consensusScore: 5, motivation, deviationReason: 'besproken' });
    expect(check).toMatchObject({ ok: false, code: 'deviation-reason-required' });
    expect(check.ok ? '' : check.message).toMatch(/^Consensusscore 5 ligt buiten de score die alle beoordelaars gaven \(7,5\); leg uit/);
  });

  it('refuses a deviation reason that repeats the motivation', () => {
    const check = checkConsensus({
      individualScores: scoresOf(4, 6),
      consensusScore: 8,
      motivation,
      deviationReason: `  ${motivation.toUpperCase()} `,
    });
    expect(check.ok ? '' : check.message).toContain('herhaal niet de motivering, maar leg uit waarom');
  });

  it('accepts a consensus outside the range with a reason that is a sentence', () => {
    expect(
      checkConsensus({
        individualScores: scoresOf(4, 6),
        consensusScore: 8,
        motivation,
        deviationReason: 'In het overleg bleek dat beide beoordelaars bijlage 3 over de coaching hadden gemist.',
      }),
    ).toEqual({ ok: true, outsideRange: true, range: { min: 4, max: 6 } });
  });

  it('has no range to check without individual scores (an imported dossier)', () => {
    expect(checkConsensus({ individualScores: [], consensusScore: 10, motivation })).toEqual({ ok: true, outsideRange: false, range: null });
  });
});
