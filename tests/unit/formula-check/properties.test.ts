import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AWARD_METHODS, type Award, type AwardMethod, type Criterion, type Dossier } from '../../../src/domain/evaluation/dossier.js';
import { parseDossier } from '../../../src/domain/evaluation/dossier.schema.js';
import { evaluateDossier } from '../../../src/domain/evaluation/evaluate.js';
import { checkFormula, type FormulaCheck } from '../../../src/domain/formula-check/check-formula.js';
import { applyPatch } from '../../../src/domain/formula-check/patch.js';

const SCALES = [
  [0, 25, 50, 75, 100],
  [0, 2, 4, 6, 8, 10],
  [1, 2, 3, 4, 5],
  [0, 1, 2],
  [0, 10],
];

const criterionArb = fc.record({
  weightHundredths: fc.integer({ min: 100, max: 4000 }),
  scale: fc.constantFrom(...SCALES),
  minimumIndex: fc.option(fc.nat({ max: 5 }), { freq: 3 }),
  valuePerPointPermille: fc.integer({ min: 1, max: 40 }),
});

const tenderArb = fc
  .record({
    method: fc.constantFrom(...AWARD_METHODS),
    criteria: fc.array(criterionArb, { minLength: 1, maxLength: 4 }),
    estimate: fc.integer({ min: 10_000, max: 2_000_000 }),
    learners: fc.option(fc.integer({ min: 1, max: 200 }), { freq: 4 }),
    costFloor: fc.option(
      fc.record({
        contactHours: fc.integer({ min: 1, max: 1500 }),
        teacherHourlyCost: fc.integer({ min: 20, max: 80 }),
        groupSize: fc.integer({ min: 5, max: 20 }),
        overheadShare: fc.integer({ min: 0, max: 100 }).map((h) => h / 100),
      }),
      { freq: 4 },
    ),
    priceWeightHundredths: fc.integer({ min: 100, max: 10000 }),
    floorShare: fc.integer({ min: 30, max: 95 }),
    ceilingShare: fc.integer({ min: 100, max: 150 }),
    ceilingForAll: fc.boolean(),
    tieBreak: fc.constantFrom<Award['tieBreak']>(['quality', 'lot'], ['price', 'quality'], [], ['quality', 'price', 'lot']),
  })
  .map((r): Dossier => {
    const criteria: Criterion[] = r.criteria.map((c, i) => {
      const minimum = c.minimumIndex === null ? undefined : c.scale[Math.min(c.minimumIndex, c.scale.length - 1)];
      const weight = c.weightHundredths / 100;
      return {
        id: `K${i + 1}`,
        title: `Criterium ${i + 1}`,
        weight,
        scale: c.scale,
        ...(minimum === undefined ? {} : { minimum }),
        // value_c = w_c x E x permille / 1000, whole cents
        ...(r.method === 'gunnen-op-waarde' ? { value: Math.round((weight * r.estimate * c.valuePerPointPermille) / 10) / 100 } : {}),
      };
    });
    const award: Award = { method: r.method, tieBreak: r.tieBreak };
    if (['lowest-relative', 'min-max-bids', 'min-max-set', 'utility-index'].includes(r.method)) award.priceWeight = r.priceWeightHundredths / 100;
    if (r.method === 'min-max-set') {
      award.priceFloor = Math.round(r.estimate * r.floorShare) / 100;
      award.priceCeiling = Math.round(r.estimate * r.ceilingShare) / 100;
    } else if (r.ceilingForAll) award.priceCeiling = Math.round(r.estimate * r.ceilingShare * 0.9) / 100;
    if (r.method === 'fixed-price') award.fixedPrice = r.estimate;
    return {
      format: 'gunningswijzer/dossier@1',
      tender: {
        reference: 'PROP-01',
        title: 'Eigenschappen',
        buyer: 'Gemeente Test',
        lot: 'B1-route',
        estimatedValue: r.estimate,
        ...(r.learners === null ? {} : { expectedLearners: r.learners }),
      },
      award,
      criteria,
      lowBidRules: r.costFloor === null ? { preset: 'nl-default' } : { preset: 'nl-default', costFloor: r.costFloor },
      bids: [],
    };
  })
  .filter((dossier) => parseDossier(dossier).ok);

function underbidderWins(dossier: Dossier, check: FormulaCheck, euros: number): boolean {
  const test = check.underbidderTest;
  if (!test) throw new Error('no test');
  const under = { ...test.underbidder.bid, price: euros };
  return evaluateDossier({ ...dossier, bids: [test.qualityBidder.bid, under] }, { analysis: false, lowBidRules: false }).winner === 'onderbieder';
}

describe('properties of the formula check', () => {
  it('the underbidder wins at the highest winning price and not a cent above it; the verdict is exactly "wins at the test price"', () => {
    fc.assert(
      fc.property(tenderArb, (dossier) => {
        const check = checkFormula(dossier, { suggestions: false });
        const test = check.underbidderTest;
        expect(test).not.toBeNull();
        if (!test) return;
        const highest = test.highestWinningPrice;
        if (highest === null) {
          expect(underbidderWins(dossier, check, 0.01)).toBe(false);
        } else {
          expect(underbidderWins(dossier, check, highest)).toBe(true);
          expect(underbidderWins(dossier, check, Math.round(highest * 100 + 1) / 100)).toBe(false);
        }
        expect(check.verdict === 'invites-underbidding').toBe(highest !== null && highest >= test.testPrice);
        expect(check.verdict === 'invites-underbidding').toBe(underbidderWins(dossier, check, test.testPrice));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the engine's own price to win when the underbidder loses at the expected price", () => {
    let compared = 0;
    fc.assert(
      fc.property(tenderArb, (dossier) => {
        if (dossier.award.method === 'fixed-price') return;
        const check = checkFormula(dossier, { suggestions: false });
        const test = check.underbidderTest;
        if (!test) return;
        const under = { ...test.underbidder.bid, price: test.expectedPrice };
        const result = evaluateDossier({ ...dossier, bids: [test.qualityBidder.bid, under] }, { lowBidRules: false });
        if (result.winner !== 'kwaliteitsbieder') return;
        compared += 1;
        expect(result.sensitivity.priceToWin['onderbieder']).toBe(test.highestWinningPrice);
      }),
      { numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(50);
  });

  it('shows only suggestions that turn the verdict when applied and checked again, on valid tenders', () => {
    const shown = new Map<string, number>();
    const biased = tenderArb.filter((dossier) => (dossier.award.priceWeight ?? 30) >= 20);
    fc.assert(
      fc.property(biased, (dossier) => {
        const check = checkFormula(dossier);
        if (check.verdict !== 'invites-underbidding') expect(check.suggestions).toEqual([]);
        for (const suggestion of check.suggestions) {
          const patched = applyPatch(dossier, suggestion.patch);
          expect(parseDossier(patched).ok).toBe(true);
          expect(checkFormula(patched, { suggestions: false }).verdict).toBe('resists-underbidding');
          shown.set(suggestion.kind, (shown.get(suggestion.kind) ?? 0) + 1);
        }
      }),
      { numRuns: 80 },
    );
    // The run must have exercised most kinds, or it proves little.
    expect([...shown.keys()].length).toBeGreaterThanOrEqual(4);
  });

  it('every method gives a verdict and a sentence for every number', () => {
    fc.assert(
      fc.property(tenderArb, (dossier) => {
        const check = checkFormula(dossier, { suggestions: false });
        expect(['invites-underbidding', 'resists-underbidding']).toContain(check.verdict);
        expect(check.qualityPointPrice.sentence).not.toBe('');
        for (const step of check.qualityPointPrice.perCriterion) expect(step.sentence).toMatch(/^Eén stap op K\d/);
        expect(check.underbidderTest?.sentences.length).toBeGreaterThanOrEqual(4);
        const method: AwardMethod = dossier.award.method;
        expect(check.rankReversal.relative).toBe(['lowest-relative', 'min-max-bids', 'utility-index'].includes(method));
      }),
      { numRuns: 100 },
    );
  });
});
