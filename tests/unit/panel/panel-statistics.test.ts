import { describe, expect, it } from 'vitest';
import { computeKrippendorffAlpha } from '../../../src/domain/panel/krippendorff-alpha.js';
import type { IndividualScore } from '../../../src/domain/panel/panel-scores.js';
import { computePanelStatistics } from '../../../src/domain/panel/panel-statistics.js';

// Three criteria on three scales. Normalised (score / scaleMax) the individual scores are
// (0.2, 0.2), (0.4, 0.6), (0.6, 0.6): the hand example (1,1), (2,3), (3,3) divided by 5,
// whose interval alpha is 24/29 (see krippendorff-alpha.test.ts).
const criteria = [
  { id: 'K1', scale: [0, 2, 4, 6, 8, 10] },
  { id: 'K2', scale: [0, 1, 2, 3, 4, 5] },
  { id: 'K3', scale: [0, 20, 40, 60, 80, 100] },
];
const score = (evaluatorId: string, bidId: string, criterionId: string, value: number): IndividualScore => ({
  evaluatorId,
  bidId,
  criterionId,
  score: value,
});
const individualScores = [
  score('u1', 'B1', 'K1', 2),
  score('u2', 'B1', 'K1', 2),
  score('u1', 'B1', 'K2', 2),
  score('u2', 'B1', 'K2', 3),
  score('u1', 'B1', 'K3', 60),
  score('u2', 'B1', 'K3', 60),
  // Scored by one evaluator only: not pairable, but it counts for u1's severity.
  score('u1', 'B2', 'K1', 6),
];
const consensusScores = [
  { bidId: 'B1', criterionId: 'K1', score: 2 },
  { bidId: 'B1', criterionId: 'K2', score: 2 },
  { bidId: 'B1', criterionId: 'K3', score: 60 },
  { bidId: 'B2', criterionId: 'K1', score: 8 },
];

describe('computePanelStatistics', () => {
  it('gives severity per evaluator and interval alpha over the pooled, normalised scores', () => {
    const panel = computePanelStatistics({
      criteria,
      evaluators: [
        { userId: 'u1', name: 'Anna de Vries' },
        { userId: 'u2', name: 'Bram Okafor' },
      ],
      individualScores,
      consensusScores,
    });
    // u1: 0, 0, 0 and (6 - 8)/10 = -0.2 -> -0.05 over 4 scores; u2: 0, (3 - 2)/5 = 0.2, 0 -> 0.2/3.
    expect(panel.evaluators).toEqual([
      { userId: 'u1', name: 'Anna de Vries', severity: -0.05, meanAbsoluteDeviation: 0.05, scores: 4 },
      { userId: 'u2', name: 'Bram Okafor', severity: expect.closeTo(1 / 15, 12), meanAbsoluteDeviation: expect.closeTo(1 / 15, 12), scores: 3 },
    ]);
    expect(panel.agreement).toEqual({ alpha: expect.closeTo(24 / 29, 12), pairableValues: 6, units: 3, metric: 'interval' });
  });

  it('pools by score / scaleMax: raw scores of different scales would give another alpha', () => {
    const raw = computeKrippendorffAlpha([
      [2, 2],
      [2, 3],
      [60, 60],
    ]);
    // The 0-100 criterion's variance swamps the disagreement on K2: raw alpha is near 1.
    expect(raw.alpha).toBeGreaterThan(0.999);
    const panel = computePanelStatistics({ criteria, individualScores, consensusScores });
    expect(panel.agreement.alpha).toBeCloseTo(24 / 29, 12);
  });

  it('gives the same statistics when a criterion is scored on a scale ten times larger', () => {
    const scaled = computePanelStatistics({
      criteria: criteria.map((c) => (c.id === 'K2' ? { ...c, scale: c.scale.map((v) => v * 10) } : c)),
      individualScores: individualScores.map((s) => (s.criterionId === 'K2' ? { ...s, score: s.score * 10 } : s)),
      consensusScores: consensusScores.map((s) => (s.criterionId === 'K2' ? { ...s, score: s.score * 10 } : s)),
    });
    const plain = computePanelStatistics({ criteria, individualScores, consensusScores });
    expect(scaled.agreement.alpha).toBeCloseTo(plain.agreement.alpha ?? NaN, 12);
    expect(scaled.evaluators.map((e) => e.severity)).toEqual(plain.evaluators.map((e) => expect.closeTo(e.severity ?? NaN, 12)));
  });

  it('lists the panel in its order, then unlisted evaluators by id; members without scores have none', () => {
    const panel = computePanelStatistics({
      criteria,
      evaluators: [{ userId: 'u3', name: 'Chris Jansen' }, { userId: 'u2' }],
      individualScores,
      consensusScores,
    });
    expect(panel.evaluators.map((e) => e.userId)).toEqual(['u3', 'u2', 'u1']);
    expect(panel.evaluators[0]).toEqual({ userId: 'u3', name: 'Chris Jansen', severity: null, meanAbsoluteDeviation: null, scores: 0 });
    expect(panel.evaluators[1]).not.toHaveProperty('name');
    expect(panel.agreement.pairableValues).toBe(6);
  });

  it('has a null alpha and null severities before anyone scored', () => {
    expect(computePanelStatistics({ criteria, evaluators: [{ userId: 'u1' }], individualScores: [], consensusScores: [] })).toEqual({
      evaluators: [{ userId: 'u1', severity: null, meanAbsoluteDeviation: null, scores: 0 }],
      agreement: { alpha: null, pairableValues: 0, units: 0, metric: 'interval' },
    });
  });

  it('refuses two scores of one evaluator for the same bid and criterion', () => {
    expect(() => computePanelStatistics({ criteria, individualScores: [...individualScores, score('u1', 'B1', 'K1', 4)], consensusScores })).toThrow(
      'evaluator u1 has two scores for bid B1 on K1',
    );
  });

  it('refuses a panel that lists an evaluator twice', () => {
    expect(() => computePanelStatistics({ criteria, evaluators: [{ userId: 'u1' }, { userId: 'u1' }], individualScores, consensusScores })).toThrow(RangeError);
  });
});
