import { describe, expect, it } from 'vitest';
import { computeEvaluatorSeverity } from '../../../src/domain/panel/evaluator-severity.js';

const criteria = [
  { id: 'K1', scale: [0, 2, 4, 6, 8, 10] },
  { id: 'K2', scale: [0, 25, 50, 75, 100] },
];

describe('computeEvaluatorSeverity', () => {
  it('shows a strict evaluator below 0 and a lenient one above', () => {
    const severity = computeEvaluatorSeverity({
      criteria,
      individualScores: [
        { evaluatorId: 'strict', bidId: 'B1', criterionId: 'K1', score: 4 },
        { evaluatorId: 'strict', bidId: 'B2', criterionId: 'K1', score: 8 },
        { evaluatorId: 'lenient', bidId: 'B1', criterionId: 'K1', score: 8 },
        { evaluatorId: 'lenient', bidId: 'B2', criterionId: 'K1', score: 10 },
      ],
      consensusScores: [
        { bidId: 'B1', criterionId: 'K1', score: 6 },
        { bidId: 'B2', criterionId: 'K1', score: 8 },
      ],
    });
    // strict: (4 - 6)/10 = -0.2 and 0; lenient: +0.2 and +0.2.
    expect(severity).toEqual([
      { evaluatorId: 'strict', meanDeviation: -0.1, meanAbsoluteDeviation: 0.1, scores: 2 },
      { evaluatorId: 'lenient', meanDeviation: 0.2, meanAbsoluteDeviation: 0.2, scores: 2 },
    ]);
  });

  it('compares scores of different scales in score / scaleMax', () => {
    const [erratic] = computeEvaluatorSeverity({
      criteria,
      individualScores: [
        { evaluatorId: 'u1', bidId: 'B1', criterionId: 'K1', score: 10 },
        { evaluatorId: 'u1', bidId: 'B1', criterionId: 'K2', score: 50 },
      ],
      consensusScores: [
        { bidId: 'B1', criterionId: 'K1', score: 6 },
        { bidId: 'B1', criterionId: 'K2', score: 75 },
      ],
    });
    // +4/10 = +0.4 and -25/100 = -0.25: mean +0.075, the highs and lows partly cancel; absolute 0.325.
    expect(erratic?.meanDeviation).toBeCloseTo(0.075, 12);
    expect(erratic?.meanAbsoluteDeviation).toBeCloseTo(0.325, 12);
    expect(erratic?.scores).toBe(2);
  });

  it('counts only scores that have a consensus, and gives null with none', () => {
    const severity = computeEvaluatorSeverity({
      criteria,
      individualScores: [
        { evaluatorId: 'u1', bidId: 'B1', criterionId: 'K1', score: 2 },
        { evaluatorId: 'u1', bidId: 'B2', criterionId: 'K1', score: 10 },
        { evaluatorId: 'u2', bidId: 'B2', criterionId: 'K1', score: 10 },
      ],
      consensusScores: [{ bidId: 'B1', criterionId: 'K1', score: 4 }],
    });
    expect(severity).toEqual([
      { evaluatorId: 'u1', meanDeviation: -0.2, meanAbsoluteDeviation: 0.2, scores: 1 },
      { evaluatorId: 'u2', meanDeviation: null, meanAbsoluteDeviation: null, scores: 0 },
    ]);
  });

  it('refuses a score on a criterion it does not know', () => {
    expect(() =>
      computeEvaluatorSeverity({
        criteria,
        individualScores: [{ evaluatorId: 'u1', bidId: 'B1', criterionId: 'K9', score: 2 }],
        consensusScores: [{ bidId: 'B1', criterionId: 'K9', score: 2 }],
      }),
    ).toThrow('score on unknown criterion K9');
  });
});
