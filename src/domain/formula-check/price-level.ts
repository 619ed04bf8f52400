/**
 * @module
 * The two prices the formula check works at.
 *
 * **The expected price** is the price level a good bid is expected at: the buyer's estimate
 * (`tender.estimatedValue`), else the ceiling (`award.priceCeiling`), the highest valid price.
 * Under `fixed-price` it is the fixed price, because no other price is possible there. An
 * estimate above the ceiling is capped at the ceiling (a bid at the estimate would be
 * invalid) and the sentence says so. Without any of them there is no price level and every
 * number in euros is left out, with the reason; the rank-reversal example then works at an
 * assumed level (see rank-reversal-example.ts).
 *
 * **The underbidder's test price** is the lowest price a bidder can offer without being
 * below cost: the cost floor per learner (`../cost-floor.ts`) times `expectedLearners`,
 * rounded up to the cent (a bid exactly at the floor covers it, `low-bids.md`). Without a
 * cost floor or without `expectedLearners` it is 30% below the expected price, a rule of
 * thumb of this check (an underbidder that undercuts a realistic price by almost a third),
 * rounded up to the cent. Under `fixed-price` it is the fixed price: any other price excludes.
 */
import { computeCostFloor } from '../cost-floor.js';
import { eurosToCents, formatDutchTrimmed, formatEuroRational } from '../money.js';
import { formatEuroCents } from './dutch.js';
import type { FormulaTender } from './formula-tender.js';

export type ExpectedPriceSource = 'estimatedValue' | 'priceCeiling' | 'fixedPrice';

export type ExpectedPrice = {
  /** Euros. */
  price: number;
  source: ExpectedPriceSource;
  /** The estimate was above the ceiling and the ceiling is used instead. */
  cappedByCeiling: boolean;
  sentence: string;
};

export type ExpectedPriceLookup = { ok: true; expected: ExpectedPrice } | { ok: false; reason: string };

/** The rule of thumb without a cost floor: the underbidder bids 30% below the expected price. */
export const BELOW_EXPECTED_SHARE = 0.3;

export type TestPriceBasis = 'cost-floor' | 'below-expected' | 'fixed-price';

export type TestPrice = {
  /** Euros. */
  price: number;
  basis: TestPriceBasis;
  sentence: string;
};

export function findExpectedPrice(tender: FormulaTender): ExpectedPriceLookup {
  const { award } = tender;
  const estimate = tender.tender.estimatedValue;
  if (award.method === 'fixed-price' && award.fixedPrice !== undefined) {
    return {
      ok: true,
      expected: {
        price: award.fixedPrice,
        source: 'fixedPrice',
        cappedByCeiling: false,
        sentence: `Bij een vaste prijs is de prijs van elke inschrijving de vaste prijs: ${formatEuroCents(eurosToCents(award.fixedPrice))}.`,
      },
    };
  }
  const ceiling = award.priceCeiling;
  if (estimate !== undefined && ceiling !== undefined && eurosToCents(estimate) > eurosToCents(ceiling)) {
    return {
      ok: true,
      expected: {
        price: ceiling,
        source: 'priceCeiling',
        cappedByCeiling: true,
        sentence:
          `De raming (${formatEuroCents(eurosToCents(estimate))}) ligt boven de plafondprijs; een inschrijving op de raming zou ongeldig zijn, ` +
          `dus rekent deze toets met de plafondprijs als verwachte prijs: ${formatEuroCents(eurosToCents(ceiling))}.`,
      },
    };
  }
  if (estimate !== undefined) {
    return {
      ok: true,
      expected: {
        price: estimate,
        source: 'estimatedValue',
        cappedByCeiling: false,
        sentence: `De verwachte prijs is de raming: ${formatEuroCents(eurosToCents(estimate))}.`,
      },
    };
  }
  if (ceiling !== undefined) {
    return {
      ok: true,
      expected: {
        price: ceiling,
        source: 'priceCeiling',
        cappedByCeiling: false,
        sentence: `Er is geen raming; de verwachte prijs is daarom de plafondprijs: ${formatEuroCents(eurosToCents(ceiling))}.`,
      },
    };
  }
  return {
    ok: false,
    reason:
      'Er is geen verwacht prijsniveau: vul de raming (tender.estimatedValue) of een plafondprijs (award.priceCeiling) in. ' +
      'Zonder prijsniveau kan niet worden berekend wat een kwaliteitspunt in euro waard is en kan de onderbiedertoets niet worden uitgevoerd.',
  };
}

/** `(1 - 0.3) * expected`, rounded up to the cent, on integers (a double would round 0,7 x a price). */
export function centsBelowExpected(expectedCents: number): number {
  const keptBasisPoints = BigInt(10000 - Math.round(BELOW_EXPECTED_SHARE * 10000));
  return Number((BigInt(expectedCents) * keptBasisPoints + 9999n) / 10000n);
}

/** The cost floor for all expected learners in cents, rounded up; null without a floor or learners. */
export function costFloorTotalCents(tender: FormulaTender): number | null {
  const params = tender.lowBidRules?.costFloor;
  const learners = tender.tender.expectedLearners;
  if (params === undefined || learners === undefined) return null;
  const { n, d } = computeCostFloor(params).perLearnerCents;
  const total = n * BigInt(learners);
  return Number((total + d - 1n) / d);
}

export function findTestPrice(tender: FormulaTender, expected: ExpectedPrice): TestPrice {
  if (tender.award.method === 'fixed-price' && tender.award.fixedPrice !== undefined) {
    return {
      price: tender.award.fixedPrice,
      basis: 'fixed-price',
      sentence:
        `Bij een vaste prijs kan de onderbieder niet lager inschrijven: een andere prijs dan ${formatEuroCents(eurosToCents(tender.award.fixedPrice))} sluit de inschrijving uit. ` +
        'Hij biedt dus de vaste prijs en concurreert alleen op kwaliteit.',
    };
  }
  const total = costFloorTotalCents(tender);
  const params = tender.lowBidRules?.costFloor;
  const learners = tender.tender.expectedLearners;
  if (total !== null && params !== undefined && learners !== undefined) {
    const floor = computeCostFloor(params);
    return {
      price: total / 100,
      basis: 'cost-floor',
      sentence:
        `De onderbieder biedt precies de kostenvloer: ${formatEuroRational(floor.perLearnerCents, 4)} per inburgeraar ` +
        `(${floor.computation.replace(/ = .*$/, '')}) x ${learners} inburgeraars = ${formatEuroCents(total)}.`,
    };
  }
  const cents = centsBelowExpected(eurosToCents(expected.price));
  const why =
    params !== undefined
      ? 'Er is een kostenvloer, maar geen verwacht aantal inburgeraars (tender.expectedLearners), dus geen kostenvloer voor het hele perceel; '
      : 'Er is geen kostenvloer (lowBidRules.costFloor); ';
  return {
    price: cents / 100,
    basis: 'below-expected',
    sentence: `${why}de onderbieder biedt daarom ${formatDutchTrimmed(BELOW_EXPECTED_SHARE * 100)}% onder de verwachte prijs: ${formatEuroCents(cents)}.`,
  };
}
