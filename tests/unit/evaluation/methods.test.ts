import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDossier } from '../../../src/domain/evaluation/dossier.schema.js';
import { evaluateDossier } from '../../../src/domain/evaluation/evaluate.js';
import { buildLot } from './build-lot.js';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/dossiers/example-b1-route.dossier.json', import.meta.url), 'utf8')) as unknown;

function scoreOf(result: ReturnType<typeof evaluateDossier>, bidId: string) {
  const bid = result.bids.find((b) => b.bidId === bidId);
  if (!bid) throw new Error(`no bid ${bidId}`);
  return bid;
}

describe('the published utility-index example', () => {
  it('gives 0.600, 0.5829 and 0.550 for quality 90%, 80%, 60% at €\u00a01000, 875, 600 with weights 60/40', () => {
    const result = evaluateDossier(
      buildLot({
        award: { method: 'utility-index', priceWeight: 40 },
        qualityWeight: 60,
        bids: [
          { id: 'A', quality: 90, price: 1000 },
          { id: 'B', quality: 80, price: 875 },
          { id: 'C', quality: 60, price: 600 },
        ],
      }),
    );
    expect(result.scoreKind).toBe('utility');
    expect(scoreOf(result, 'A').score).toBeCloseTo(0.6, 12);
    expect(scoreOf(result, 'B').score).toBeCloseTo(0.85 * (600 / 875), 12);
    expect(scoreOf(result, 'B').score?.toFixed(4)).toBe('0.5829');
    expect(scoreOf(result, 'C').score).toBeCloseTo(0.55, 12);
    expect(result.winner).toBe('A');
    expect(result.bids.map((b) => [b.bidId, b.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('warns utility-nonpositive for bids whose numerator is zero or negative', () => {
    const result = evaluateDossier(
      buildLot({
        award: { method: 'utility-index', priceWeight: 10 },
        qualityWeight: 90,
        bids: [
          { id: 'A', quality: 90, price: 1000 },
          { id: 'B', quality: 70, price: 500 },
          { id: 'C', quality: 20, price: 400 },
        ],
      }),
    );
    // (1 - 0.2 * 9) = -0.8 for B and (1 - 0.7 * 9) = -5.3 for C
    expect(result.warnings).toContainEqual({ code: 'utility-nonpositive', bids: ['B', 'C'] });
    expect(scoreOf(result, 'B').score).toBeCloseTo((-0.8 / 500) * 400, 12);
  });
});

describe("the spec's example dossier (lowest-relative, 70/30)", () => {
  const parsed = parseDossier(fixture);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const result = evaluateDossier(parsed.dossier);

  it('ranks NT2 Centrum Almere (B2) first with 56 quality points and 30 * 318000 / 612000 price points', () => {
    expect(result.winner).toBe('B2');
    const b2 = scoreOf(result, 'B2');
    expect(b2.qualityPoints).toBeCloseTo(56, 12);
    expect(b2.pricePoints).toBeCloseTo((30 * 318000) / 612000, 12);
    expect(b2.score).toBeCloseTo(56 + (30 * 318000) / 612000, 12);
    expect(result.bids.map((b) => b.bidId)).toEqual(['B2', 'B1', 'B3', 'B4']);
    expect(result.bids.map((b) => b.rank)).toEqual([1, 2, 3, 4]);
  });

  it('gives the cheapest bid (B3) the full price weight', () => {
    expect(scoreOf(result, 'B3').pricePoints).toBe(30);
    expect(scoreOf(result, 'B3').qualityPoints).toBeCloseTo(33, 12);
  });

  it('flags B3 under mean-of-others, gap-to-next, below-estimate and the cost floor', () => {
    expect(scoreOf(result, 'B3').lowBidFlags.map((f) => f.rule)).toEqual(['mean-of-others', 'gap-to-next', 'below-estimate', 'cost-floor']);
    for (const id of ['B1', 'B2', 'B4']) expect(scoreOf(result, id).lowBidFlags).toEqual([]);
  });

  it('computes the effective weights from the spreads of quality and price points', () => {
    const quality = 56 - 33;
    const price = 30 - (30 * 318000) / 612000;
    expect(result.effectiveWeights?.quality).toBeCloseTo(quality / (quality + price), 12);
    expect(result.effectiveWeights?.price).toBeCloseTo(price / (quality + price), 12);
  });
});

describe('the other methods', () => {
  const bids = [
    { id: 'A', quality: 80, price: 1000 },
    { id: 'B', quality: 60, price: 800 },
    { id: 'C', quality: 40, price: 500 },
  ];

  it('min-max-bids interpolates between the lowest and highest bid', () => {
    const result = evaluateDossier(buildLot({ award: { method: 'min-max-bids', priceWeight: 40 }, qualityWeight: 60, bids }));
    expect(scoreOf(result, 'A').pricePoints).toBe(0);
    expect(scoreOf(result, 'B').pricePoints).toBeCloseTo((40 * 200) / 500, 12);
    expect(scoreOf(result, 'C').pricePoints).toBe(40);
    expect(scoreOf(result, 'A').score).toBeCloseTo(48, 12);
  });

  it('min-max-bids gives everyone the full price weight when all prices are equal', () => {
    const result = evaluateDossier(
      buildLot({
        award: { method: 'min-max-bids', priceWeight: 40 },
        bids: [
          { id: 'A', quality: 50, price: 700 },
          { id: 'B', quality: 70, price: 700 },
        ],
      }),
    );
    expect(result.bids.map((b) => b.pricePoints)).toEqual([40, 40]);
    expect(result.winner).toBe('B');
  });

  it('min-max-set clamps to the published floor and ceiling', () => {
    const result = evaluateDossier(
      buildLot({
        award: { method: 'min-max-set', priceWeight: 40, priceFloor: 600, priceCeiling: 1000 },
        qualityWeight: 60,
        bids,
      }),
    );
    expect(scoreOf(result, 'A').pricePoints).toBe(0);
    expect(scoreOf(result, 'B').pricePoints).toBeCloseTo(20, 12);
    expect(scoreOf(result, 'C').pricePoints).toBe(40);
  });

  it('gunnen-op-waarde subtracts the fictive discount and ranks the lowest fictive price first', () => {
    const result = evaluateDossier(buildLot({ award: { method: 'gunnen-op-waarde' }, qualityWeight: 60, value: 500, bids }));
    expect(result.scoreKind).toBe('fictive-price');
    expect(scoreOf(result, 'A').fictiveDiscount).toBeCloseTo(400, 12);
    expect(scoreOf(result, 'A').score).toBeCloseTo(600, 9);
    expect(scoreOf(result, 'B').score).toBeCloseTo(500, 9);
    expect(scoreOf(result, 'C').score).toBeCloseTo(300, 9);
    expect(result.winner).toBe('C');
    expect(scoreOf(result, 'A').pricePoints).toBeUndefined();
  });

  it('quality-price-ratio gives quality points per euro', () => {
    const result = evaluateDossier(buildLot({ award: { method: 'quality-price-ratio' }, qualityWeight: 60, bids }));
    expect(result.scoreKind).toBe('ratio');
    expect(scoreOf(result, 'A').score).toBeCloseTo(48 / 1000, 15);
    expect(scoreOf(result, 'C').score).toBeCloseTo(24 / 500, 15);
  });

  it('fixed-price ranks on quality alone and excludes a bid that quotes another price', () => {
    const result = evaluateDossier(
      buildLot({
        award: { method: 'fixed-price', fixedPrice: 900 },
        qualityWeight: 60,
        bids: [
          { id: 'A', quality: 80 },
          { id: 'B', quality: 90, price: 850 },
          { id: 'C', quality: 60, price: 900 },
        ],
      }),
    );
    expect(result.winner).toBe('A');
    expect(scoreOf(result, 'A').score).toBeCloseTo(48, 12);
    expect(scoreOf(result, 'B').exclusionReasons).toEqual(['prijs €\u00a0850,00 wijkt af van de vaste prijs €\u00a0900,00']);
    expect(result.sensitivity).toEqual({ priceShareRange: null, priceToWin: {} });
    expect(result.effectiveWeights).toBeNull();
  });
});
