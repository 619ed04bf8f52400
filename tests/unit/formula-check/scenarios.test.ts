import { describe, expect, it } from 'vitest';
import type { AwardMethod, Bid, Dossier } from '../../../src/domain/evaluation/dossier.js';
import { evaluateDossier } from '../../../src/domain/evaluation/evaluate.js';
import { checkFormula } from '../../../src/domain/formula-check/check-formula.js';
import { applyPatch } from '../../../src/domain/formula-check/patch.js';
import { badTender, templateDossier, withMethod } from './tenders.js';

/** Bid ids of a rank-reversal example, re-evaluated by the engine independently of the check. */
function winnerOf(dossier: Dossier, bids: Bid[]): string | null {
  return evaluateDossier({ ...dossier, bids }, { lowBidRules: false }).winner;
}

describe('the B1-route template as shipped (lowest-relative, price weight 20)', () => {
  const shipped = templateDossier('b1-route');

  it('cannot compute euros without an estimate or ceiling, and says what to fill in', () => {
    const check = checkFormula(shipped);
    expect(check.verdict).toBe('not-computable');
    expect(check.underbidderTest).toBeNull();
    expect(check.expectedPrice).toBeNull();
    expect(check.verdictSentence).toContain('vul de raming (tender.estimatedValue) of een plafondprijs (award.priceCeiling) in');
    expect(check.qualityPointPrice.status).toBe('not-computable');
    // Points per top step still follow from the weights: w x (100 - 75) / 100.
    expect(check.qualityPointPrice.perCriterion.map((s) => [s.criterionId, s.points, s.euros])).toEqual([
      ['K1', 6.25, null],
      ['K2', 5, null],
      ['K3', 3.75, null],
      ['K4', 2.5, null],
      ['K5', 2.5, null],
    ]);
    expect(check.suggestions).toEqual([]);
  });

  it('still shows rank reversal at an assumed price level of €\u00a0100.000, confirmed by the engine', () => {
    const { rankReversal } = checkFormula(shipped);
    expect(rankReversal.relative).toBe(true);
    const example = rankReversal.example;
    expect(example?.priceLevelAssumed).toBe(true);
    expect(example?.priceLevel).toBe(100000);
    expect(example?.sentences[0]).toContain('aangenomen prijsniveau van €\u00a0100.000,00');
    const [a, b, c] = (example?.bids ?? []).map((x) => x.bid) as [Bid, Bid, Bid];
    expect(winnerOf(shipped, [a, b])).toBe(example?.winnerWithoutC);
    expect(winnerOf(shipped, [a, b, c])).toBe(example?.winnerWithC);
    expect(example?.winnerWithC).not.toBe(example?.winnerWithoutC);
  });

  it('resists underbidding with an estimate of €\u00a0520.000 for 100 learners', () => {
    const check = checkFormula(templateDossier('b1-route', { estimatedValue: 520000, expectedLearners: 100 }));
    expect(check.verdict).toBe('resists-underbidding');
    expect(check.qualityPointPrice.sentence).toContain(
      'Bij een verwachte prijs van €\u00a0520.000,00 is één kwaliteitspunt €\u00a026.000,00 prijsverlaging waard.',
    );
    // 6,25 points x €\u00a026.000.
    expect(check.qualityPointPrice.perCriterion[0]?.sentence).toBe('Eén stap op K1 (van 75 naar 100) is 6,25 punten, €\u00a0162.500,00 prijsverlaging waard.');
    const test = check.underbidderTest;
    expect(test?.underbidder.bid.scores).toEqual({ K1: 50, K2: 0, K3: 50, K4: 0, K5: 0 });
    expect(test?.qualityBidder.bid.scores).toEqual({ K1: 75, K2: 75, K3: 75, K4: 75, K5: 75 });
    expect(test?.underbidder.sentence).toContain('x 100 inburgeraars = €\u00a0406.250,00');
    // Mean of the others and gap to the next: 406.250 is 21,9% below 520.000 (threshold 20);
    // below the estimate by 21,9% is under the 25% of below-estimate; at the floor is not below it.
    expect(test?.underbidderFlags).toEqual(['mean-of-others', 'gap-to-next']);
    expect(test?.sentences).toContain('De onderbieder kan met geen enkele prijs winnen, ook niet met €\u00a00,01.');
    expect(check.suggestions).toEqual([]);
  });
});

describe('the deliberately bad tender (lowest-relative, price weight 60, no minimums)', () => {
  const bad = badTender();
  const check = checkFormula(bad);

  it('invites underbidding: the empty bid at the cost floor beats 75 on everything at the estimate', () => {
    expect(check.verdict).toBe('invites-underbidding');
    expect(check.qualityPointPrice.sentence).toBe(
      'Bij een verwachte prijs van €\u00a0520.000,00 is één kwaliteitspunt €\u00a08.666,67 prijsverlaging waard. Dat is de verwachte prijs gedeeld door het prijsgewicht (60).',
    );
    expect(check.underbidderTest?.highestWinningPrice).toBe(259999.99);
    expect(check.underbidderTest?.sentences).toContain(
      'De onderbieder wint bij elke prijs vanaf de kostenvloer tot en met €\u00a0259.999,99: hij kan tot €\u00a016.249,99 boven de kostenvloer inschrijven en toch winnen.',
    );
    expect(check.verdictSentence).toMatch(/^Deze formule lokt onderbieden uit\. /);
  });

  it('suggests, with the exact patches: price weight 56,47, min-max-set, gunnen op waarde, fixed price, 644 contact hours', () => {
    expect(check.suggestions.map((s) => [s.kind, s.patch])).toEqual([
      // 60 x (1 - 243.750 / 520.000) = 60 x 0,53125 must not exceed 30: weight <= 56,47.
      ['lower-price-weight', [{ op: 'add', path: '/award/priceWeight', value: 56.47 }]],
      // With floor T and ceiling 1,1 E the underbidder keeps 1 - 52.000 / 328.250 of the weight: <= 35,64.
      [
        'switch-to-min-max-set',
        [
          { op: 'add', path: '/award/method', value: 'min-max-set' },
          { op: 'add', path: '/award/priceWeight', value: 35.64 },
          { op: 'add', path: '/award/priceFloor', value: 243750 },
          { op: 'add', path: '/award/priceCeiling', value: 572000 },
        ],
      ],
      // 30 points must be worth more than E - T = 276.250: €\u00a09.209 per point.
      [
        'switch-to-gunnen-op-waarde',
        [
          { op: 'add', path: '/award/method', value: 'gunnen-op-waarde' },
          { op: 'add', path: '/criteria/0/value', value: 115112.5 },
          { op: 'add', path: '/criteria/1/value', value: 92090 },
          { op: 'add', path: '/criteria/2/value', value: 69067.5 },
          { op: 'add', path: '/criteria/3/value', value: 46045 },
          { op: 'add', path: '/criteria/4/value', value: 46045 },
        ],
      ],
      [
        'switch-to-fixed-price',
        [
          { op: 'add', path: '/award/method', value: 'fixed-price' },
          { op: 'add', path: '/award/fixedPrice', value: 520000 },
        ],
      ],
      // The floor must exceed 259.999,99 for 60 learners: 6,1875 x h + 350 > 4.333,33, h = 644.
      ['raise-cost-floor', [{ op: 'add', path: '/lowBidRules/costFloor/contactHours', value: 644 }]],
    ]);
  });

  it('turns the verdict with every suggestion, checked again from scratch', () => {
    for (const suggestion of check.suggestions) {
      const again = checkFormula(applyPatch(bad, suggestion.patch));
      expect(again.verdict, suggestion.kind).toBe('resists-underbidding');
      expect(suggestion.recheck.verdict).toBe('resists-underbidding');
      expect(suggestion.sentence.length).toBeGreaterThan(40);
    }
    expect(check.suggestions[0]?.sentence).toBe(
      'Verlaag het prijsgewicht van 60 naar 56,47: het hoogste gewicht (in twee decimalen) waarbij de onderbieder niet meer wint; bij 56,48 wint hij nog.',
    );
  });

  it('finds no minimum score that turns it: the underbidder meets every minimum, so a minimum only narrows the gap', () => {
    expect(check.suggestions.some((s) => s.kind === 'raise-minimum')).toBe(false);
    for (const [i, criterion] of bad.criteria.entries()) {
      for (const minimum of criterion.scale) {
        const raised = applyPatch(bad, [{ op: 'add', path: `/criteria/${i}/minimum`, value: minimum }]);
        expect(checkFormula(raised, { suggestions: false }).verdict).toBe('invites-underbidding');
      }
    }
  });

  it('does not change the patched tender in place', () => {
    expect(bad.award.priceWeight).toBe(60);
    expect(badTender()).toEqual(bad);
  });
});

describe('the price of a quality point agrees with the engine', () => {
  // Bid A scores the quality bidder's profile at E; bid B one step lower on K1 (75 -> 50 on
  // K1, 3,125 points) must cut its price by the step's euros to win: the engine's priceToWin
  // for B is the last cent below E minus that amount. (Not for quality-price-ratio: its
  // scores are below 1, where the spec's tie test is absolute and shifts the cent by euros.)
  const methods: AwardMethod[] = ['lowest-relative', 'min-max-bids', 'min-max-set', 'gunnen-op-waarde', 'utility-index'];
  for (const method of methods) {
    it(`${method}: one step on K1`, () => {
      const tender = withMethod(badTender(), method, 243750);
      const check = checkFormula(tender);
      const step = check.qualityPointPrice.perCriterion[0];
      const quality = check.underbidderTest?.qualityBidder.bid as Bid;
      const a: Bid = { ...quality, id: 'A' };
      const b: Bid = { ...quality, id: 'B', scores: { ...quality.scores, K1: 50 } };
      const result = evaluateDossier({ ...tender, bids: [a, b] }, { lowBidRules: false });
      expect(result.winner).toBe('A');
      const threshold = 520000 - (step?.euros ?? Number.NaN);
      const priceToWin = result.sensitivity.priceToWin['B'] ?? Number.NaN;
      expect(priceToWin).toBeLessThan(threshold);
      expect(priceToWin).toBeGreaterThanOrEqual(threshold - 0.0100001);
    });
  }
});

describe('rank-reversal exposure', () => {
  for (const method of ['lowest-relative', 'min-max-bids', 'utility-index'] as const) {
    it(`${method}: a losing third bid flips the winner, and the engine warns about it`, () => {
      const tender = withMethod(badTender(), method, 243750);
      const { rankReversal } = checkFormula(tender);
      expect(rankReversal.relative).toBe(true);
      const example = rankReversal.example;
      const [a, b, c] = (example?.bids ?? []).map((x) => x.bid) as [Bid, Bid, Bid];
      expect(winnerOf(tender, [a, b])).toBe(example?.winnerWithoutC);
      const withC = evaluateDossier({ ...tender, bids: [a, b, c] }, { lowBidRules: false });
      expect(withC.winner).toBe(example?.winnerWithC);
      expect(withC.winner).not.toBe(example?.winnerWithoutC);
      expect(withC.warnings).toContainEqual({
        code: 'rank-reversal',
        removedBid: 'C',
        winner: example?.winnerWithC,
        winnerWithout: example?.winnerWithoutC,
      });
    });
  }

  for (const method of ['min-max-set', 'gunnen-op-waarde', 'quality-price-ratio', 'fixed-price'] as const) {
    it(`${method}: absolute, no example`, () => {
      const { rankReversal } = checkFormula(withMethod(badTender(), method, 243750));
      expect(rankReversal).toMatchObject({ relative: false, example: null });
      expect(rankReversal.sentence).toContain('is een absolute methode');
    });
  }
});

describe('price levels', () => {
  const base = templateDossier('b1-route', { estimatedValue: 520000, expectedLearners: 100 });

  it('ignores bids that are already in the dossier', () => {
    const bid: Bid = {
      id: 'X',
      provider: { name: 'X', kvk: '12345678', keurmerk: true },
      price: 1000,
      scores: { K1: 100, K2: 100, K3: 100, K4: 100, K5: 100 },
    };
    expect(checkFormula({ ...base, bids: [bid] })).toEqual(checkFormula(base));
  });

  it('bids 30% below the expected price without expected learners, and says the floor cannot apply', () => {
    const { expectedLearners: _learners, ...tender } = base.tender;
    const check = checkFormula({ ...base, tender });
    // ceil(0,7 x 520.000) = 364.000.
    expect(check.underbidderTest?.testPrice).toBe(364000);
    expect(check.underbidderTest?.testPriceBasis).toBe('below-expected');
    expect(check.notes[0]).toContain('tender.expectedLearners');
  });

  it('uses the ceiling without an estimate, and caps an estimate above the ceiling', () => {
    const { estimatedValue: _estimate, ...tender } = base.tender;
    const ceilingOnly = checkFormula({ ...base, tender, award: { ...base.award, priceCeiling: 500000 } });
    expect(ceilingOnly.expectedPrice).toMatchObject({ price: 500000, source: 'priceCeiling', cappedByCeiling: false });
    const capped = checkFormula({ ...base, award: { ...base.award, priceCeiling: 500000 } });
    expect(capped.expectedPrice).toMatchObject({ price: 500000, source: 'priceCeiling', cappedByCeiling: true });
    expect(capped.expectedPrice?.sentence).toContain('boven de plafondprijs');
  });

  it('notes an estimate below the cost floor', () => {
    const check = checkFormula({ ...base, tender: { ...base.tender, estimatedValue: 400000 } });
    expect(check.notes.some((note) => note.includes('ligt onder de kostenvloer voor alle inburgeraars (€\u00a0406.250,00)'))).toBe(true);
  });
});
