/**
 * Golden checks: the four shipped templates, each with the buyer's facts filled in and each
 * of the seven methods set on it (tenders.ts, `withMethod`), plus the deliberately bad tender.
 * Every expected number is derived by hand in the comments from the spec's formulas, not
 * copied from the output.
 *
 * Notation: E expected price (the estimate), T the underbidder's test price (cost floor per
 * learner x learners), W_P price weight, Q_Q the quality bidder's points (75 on every
 * criterion: 0,75 W_Q), Q_U the underbidder's (50 on criteria with minimum 50, else 0).
 * For gunnen-op-waarde every criterion is worth w_c x E / 100, so a point is worth E / 100
 * and the fictive discounts are Q x E / 100.
 */
import { describe, expect, it } from 'vitest';
import { AWARD_METHODS, type AwardMethod, type Dossier } from '../../../src/domain/evaluation/dossier.js';
import { parseDossier } from '../../../src/domain/evaluation/dossier.schema.js';
import { checkFormula } from '../../../src/domain/formula-check/check-formula.js';
import { badTender, templateDossier, withMethod } from './tenders.js';

type Golden = {
  verdict: 'invites-underbidding' | 'resists-underbidding';
  eurosPerQualityPoint: number | null;
  highestWinningPrice: number | null;
  winner: 'quality-bidder' | 'underbidder';
  margin: number;
};

type Case = { name: string; dossier: Dossier; testPrice: number; rows: Record<AwardMethod, Golden> };

const resists = 'resists-underbidding' as const;
const invites = 'invites-underbidding' as const;
const QB = 'quality-bidder' as const;
const UB = 'underbidder' as const;

const CASES: Case[] = [
  {
    // E 520.000; T = 4.062,50 x 100 = 406.250; W_P 20; W_Q 80, Q_Q 60, Q_U 20 (K1, K3 at 50).
    name: 'b1-route',
    dossier: templateDossier('b1-route', { estimatedValue: 520000, expectedLearners: 100 }),
    testPrice: 406250,
    rows: {
      // Point: E / W_P. The underbidder is P_min (20 points), the quality bidder 20 x T / E = 15,625.
      'lowest-relative': { verdict: resists, eurosPerQualityPoint: 26000, highestWinningPrice: null, winner: QB, margin: 60 + 15.625 - 40 },
      // The cheaper of two gets all 20 points: 20 + 20 < 60 at any price.
      'min-max-bids': { verdict: resists, eurosPerQualityPoint: 0, highestWinningPrice: null, winner: QB, margin: 60 - 40 },
      // Floor T, ceiling 624.000: point (C - F) / W_P = 217.750 / 20; quality bidder 20 x 104.000 / 217.750.
      'min-max-set': { verdict: resists, eurosPerQualityPoint: 10887.5, highestWinningPrice: null, winner: QB, margin: 60 + (20 * 104000) / 217750 - 40 },
      // Wins iff p - 20 x 5.200 < E - 60 x 5.200, i.e. p < 312.000; fictive 208.000 against 302.250.
      'gunnen-op-waarde': { verdict: resists, eurosPerQualityPoint: 5200, highestWinningPrice: 311999.99, winner: QB, margin: 302250 - 208000 },
      // Point E / Q_Q. Wins iff 20 / p - 60 / E > 1e-9 (the spec's tie test, absolute for scores below 1):
      // p < 20 / (60 / 520.000 + 1e-9) = 173.331,831...
      'quality-price-ratio': {
        verdict: resists,
        eurosPerQualityPoint: 520000 / 60,
        highestWinningPrice: 173331.83,
        winner: QB,
        margin: 60 / 520000 - 20 / 406250,
      },
      // Underbidder numerator 1 - (0,75 - 0,25) x 80 / 20 = -1: never wins; quality bidder T / E = 0,78125.
      'utility-index': { verdict: resists, eurosPerQualityPoint: 26000, highestWinningPrice: null, winner: QB, margin: 0.78125 + 1 },
      // Both at the fixed price; quality decides.
      'fixed-price': { verdict: resists, eurosPerQualityPoint: null, highestWinningPrice: null, winner: QB, margin: 40 },
    },
  },
  {
    // E 60.000; T = 446 x 100 = 44.600; W_P 20; W_Q 80, Q_Q 60, Q_U 15 (K1 at 50).
    name: 'module-map',
    dossier: templateDossier('module', { estimatedValue: 60000, expectedLearners: 100 }),
    testPrice: 44600,
    rows: {
      'lowest-relative': { verdict: resists, eurosPerQualityPoint: 3000, highestWinningPrice: null, winner: QB, margin: 60 + (20 * 44600) / 60000 - 35 },
      'min-max-bids': { verdict: resists, eurosPerQualityPoint: 0, highestWinningPrice: null, winner: QB, margin: 60 - 35 },
      // Ceiling 72.000: (72.000 - 44.600) / 20 = 1.370.
      'min-max-set': { verdict: resists, eurosPerQualityPoint: 1370, highestWinningPrice: null, winner: QB, margin: 60 + (20 * 12000) / 27400 - 35 },
      // p < 60.000 - 45 x 600 = 33.000; fictive 24.000 against 35.600.
      'gunnen-op-waarde': { verdict: resists, eurosPerQualityPoint: 600, highestWinningPrice: 32999.99, winner: QB, margin: 35600 - 24000 },
      // p < 15 / (60 / 60.000 + 1e-9) = 14.999,985...
      'quality-price-ratio': { verdict: resists, eurosPerQualityPoint: 1000, highestWinningPrice: 14999.98, winner: QB, margin: 60 / 60000 - 15 / 44600 },
      // Numerator 1 - 45 / 20 = -1,25.
      'utility-index': { verdict: resists, eurosPerQualityPoint: 3000, highestWinningPrice: null, winner: QB, margin: 44600 / 60000 + 1.25 },
      'fixed-price': { verdict: resists, eurosPerQualityPoint: null, highestWinningPrice: null, winner: QB, margin: 45 },
    },
  },
  {
    // E 640.000; T = 9.000 x 40 = 360.000; W_P 10; W_Q 90, Q_Q 67,5, Q_U 27,5 (K1, K2 at 50).
    name: 'onderwijsroute',
    dossier: templateDossier('onderwijsroute', { estimatedValue: 640000, expectedLearners: 40 }),
    testPrice: 360000,
    rows: {
      'lowest-relative': { verdict: resists, eurosPerQualityPoint: 64000, highestWinningPrice: null, winner: QB, margin: 67.5 + (10 * 360000) / 640000 - 37.5 },
      'min-max-bids': { verdict: resists, eurosPerQualityPoint: 0, highestWinningPrice: null, winner: QB, margin: 67.5 - 37.5 },
      // Ceiling 768.000: (768.000 - 360.000) / 10 = 40.800.
      'min-max-set': { verdict: resists, eurosPerQualityPoint: 40800, highestWinningPrice: null, winner: QB, margin: 67.5 + (10 * 128000) / 408000 - 37.5 },
      // The one inviting golden: p < 640.000 - 40 x 6.400 = 384.000 > T. Fictive 184.000 against 208.000.
      'gunnen-op-waarde': { verdict: invites, eurosPerQualityPoint: 6400, highestWinningPrice: 383999.99, winner: UB, margin: 208000 - 184000 },
      // p < 27,5 / (67,5 / 640.000 + 1e-9) = 260.738,26...
      'quality-price-ratio': {
        verdict: resists,
        eurosPerQualityPoint: 640000 / 67.5,
        highestWinningPrice: 260738.26,
        winner: QB,
        margin: 67.5 / 640000 - 27.5 / 360000,
      },
      // Numerator 1 - 40 / 10 = -3.
      'utility-index': { verdict: resists, eurosPerQualityPoint: 64000, highestWinningPrice: null, winner: QB, margin: 360000 / 640000 + 3 },
      'fixed-price': { verdict: resists, eurosPerQualityPoint: null, highestWinningPrice: null, winner: QB, margin: 40 },
    },
  },
  {
    // E 300.000; T = 7.480 x 30 = 224.400; W_P 15; W_Q 85, Q_Q 63,75, Q_U 25 (K1, K2 at 50).
    name: 'z-route',
    dossier: templateDossier('z-route', { estimatedValue: 300000, expectedLearners: 30 }),
    testPrice: 224400,
    rows: {
      'lowest-relative': { verdict: resists, eurosPerQualityPoint: 20000, highestWinningPrice: null, winner: QB, margin: 63.75 + (15 * 224400) / 300000 - 40 },
      'min-max-bids': { verdict: resists, eurosPerQualityPoint: 0, highestWinningPrice: null, winner: QB, margin: 63.75 - 40 },
      // Ceiling 360.000: (360.000 - 224.400) / 15 = 9.040.
      'min-max-set': { verdict: resists, eurosPerQualityPoint: 9040, highestWinningPrice: null, winner: QB, margin: 63.75 + (15 * 60000) / 135600 - 40 },
      // p < 300.000 - 38,75 x 3.000 = 183.750; fictive 108.750 against 149.400.
      'gunnen-op-waarde': { verdict: resists, eurosPerQualityPoint: 3000, highestWinningPrice: 183749.99, winner: QB, margin: 149400 - 108750 },
      // p < 25 / (63,75 / 300.000 + 1e-9) = 117.646,505...
      'quality-price-ratio': {
        verdict: resists,
        eurosPerQualityPoint: 300000 / 63.75,
        highestWinningPrice: 117646.5,
        winner: QB,
        margin: 63.75 / 300000 - 25 / 224400,
      },
      // Numerator 1 - 38,75 / 15.
      'utility-index': { verdict: resists, eurosPerQualityPoint: 20000, highestWinningPrice: null, winner: QB, margin: 224400 / 300000 + 38.75 / 15 - 1 },
      'fixed-price': { verdict: resists, eurosPerQualityPoint: null, highestWinningPrice: null, winner: QB, margin: 38.75 },
    },
  },
  {
    // The bad tender: E 520.000; T = 4.062,50 x 60 = 243.750; W_P 60; W_Q 40, Q_Q 30, Q_U 0 (no minimums).
    name: 'bad tender',
    dossier: badTender(),
    testPrice: 243750,
    rows: {
      // Wins iff 60 (1 - p / E) > 30, i.e. p < E / 2 = 260.000; at T: 60 against 30 + 60 x T / E = 58,125.
      'lowest-relative': { verdict: invites, eurosPerQualityPoint: 520000 / 60, highestWinningPrice: 259999.99, winner: UB, margin: 60 - 58.125 },
      // Any price below E gives it all 60 points; at E both have 60 and quality decides.
      'min-max-bids': { verdict: invites, eurosPerQualityPoint: 0, highestWinningPrice: 519999.99, winner: UB, margin: 30 },
      // Floor T, ceiling 624.000: the quality bidder has 30 + 60 x 104.000 / 380.250 = 46,41;
      // the underbidder wins iff 60 (624.000 - p) / 380.250 > 46,41, i.e. p < 329.875.
      'min-max-set': {
        verdict: invites,
        eurosPerQualityPoint: 380250 / 60,
        highestWinningPrice: 329874.99,
        winner: UB,
        margin: 60 - 30 - (60 * 104000) / 380250,
      },
      // p < 520.000 - 30 x 5.200 = 364.000; fictive 243.750 against 364.000.
      'gunnen-op-waarde': { verdict: invites, eurosPerQualityPoint: 5200, highestWinningPrice: 363999.99, winner: UB, margin: 364000 - 243750 },
      // Zero quality is zero quality per euro, at any price.
      'quality-price-ratio': { verdict: resists, eurosPerQualityPoint: 520000 / 30, highestWinningPrice: null, winner: QB, margin: 30 / 520000 },
      // Numerator 1 - 30 / 60 = 0,5: wins iff 0,5 > p / E, i.e. p < 260.000; at T 0,5 against 0,46875.
      'utility-index': { verdict: invites, eurosPerQualityPoint: 520000 / 60, highestWinningPrice: 259999.99, winner: UB, margin: 0.5 - 0.46875 },
      'fixed-price': { verdict: resists, eurosPerQualityPoint: null, highestWinningPrice: null, winner: QB, margin: 30 },
    },
  },
];

describe('golden formula checks on the shipped templates, one per method', () => {
  for (const { name, dossier, testPrice, rows } of CASES) {
    for (const method of AWARD_METHODS) {
      const golden = rows[method];
      it(`${name}, ${method}: ${golden.verdict}, underbidder wins up to ${String(golden.highestWinningPrice)}`, () => {
        const tender = withMethod(dossier, method, testPrice);
        expect(parseDossier(tender).ok).toBe(true);
        const check = checkFormula(tender);
        expect(check.verdict).toBe(golden.verdict);
        if (golden.eurosPerQualityPoint === null) expect(check.qualityPointPrice.eurosPerQualityPoint).toBeNull();
        else expect(check.qualityPointPrice.eurosPerQualityPoint).toBeCloseTo(golden.eurosPerQualityPoint, 6);
        const test = check.underbidderTest;
        expect(test?.testPrice).toBe(method === 'fixed-price' ? dossier.tender.estimatedValue : testPrice);
        expect(test?.highestWinningPrice).toBe(golden.highestWinningPrice);
        expect(test?.winner).toBe(golden.winner);
        expect(test?.margin).toBeCloseTo(golden.margin, 9);
        expect(check.suggestions.length > 0).toBe(golden.verdict === 'invites-underbidding');
      });
    }
  }
});
