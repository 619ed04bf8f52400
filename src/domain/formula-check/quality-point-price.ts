/**
 * @module
 * The price of a quality point: how many euros of price cut are worth exactly one quality
 * point (`Q = sum_c w_c * s_c / m_c`), at the expected price E, for the tender's method and
 * weights; and per criterion what one scale step (the top step, from the second-highest score
 * to the highest, the step a good bid is usually short of) is worth in euros. It is the
 * exchange rate between quality and price that the formula publishes to bidders: when a
 * point is cheap, cutting price pays better than delivering quality.
 *
 * Method per formula (W_P price weight, W_Q the sum of the criterion weights):
 * - `lowest-relative` (relative). Reference situation: all bids at E, one cuts its price to
 *   P and becomes the lowest. It keeps W_P price points, every other bid drops to
 *   `W_P * P / E`, so its lead grows by `W_P * (E - P) / E`: one point costs `E / W_P`, for
 *   any number of points (linear). Up to W_P points can be bought this way, no more.
 * - `utility-index` (relative). Same reference, the cutting bid k points below the best: it
 *   ties when `(1 - k / W_P) * E = P`, so again `E / W_P` per point, up to W_P points.
 * - `min-max-bids` (relative). Same reference: the first cent of price cut moves the cutting
 *   bid from a shared P_max = P_min (everyone W_P) to sole P_min (W_P) and everyone else to
 *   P_max (0 points). Any cut, however small, buys W_P points: the price of a point is 0.
 * - `min-max-set` (absolute). Price points fall linearly between floor F and ceiling C, so a
 *   point costs `(C - F) / W_P` at any E above F; below F a cut earns nothing. From E a cut
 *   buys at most `W_P * (E - F) / (C - F)` points.
 * - `gunnen-op-waarde` (absolute). The criterion values are the euros: one step on criterion
 *   c is worth `value_c * step / m_c`; one point on c is `value_c / w_c`, on average
 *   `sum value_c / W_Q`. No price level is needed for this.
 * - `quality-price-ratio` (absolute). At the reference bid (the quality bidder of the
 *   underbidder test, Q_ref points at E) the score Q / P stays equal when k points less are
 *   paid for by a price `E * (Q_ref - k) / Q_ref`: one point costs `E / Q_ref`.
 * - `fixed-price`: the price is not a choice, so a price cut is worth nothing.
 *
 * A step that costs at least as many points as a price cut can buy is marked not
 * compensable: no price, however low, makes up for it (ties go to quality in the templates).
 */
import type { Criterion } from '../evaluation/dossier.js';
import { RELATIVE_METHODS } from '../evaluation/dossier.js';
import { eurosToCents, formatDutchTrimmed } from '../money.js';
import { formatAmount, formatEuroCents, formatPoints } from './dutch.js';
import { highestScale, type FormulaTender } from './formula-tender.js';
import type { ExpectedPrice } from './price-level.js';

export type CriterionStepPrice = {
  criterionId: string;
  /** The top step: from the second-highest score to the highest. */
  from: number;
  to: number;
  points: number;
  /** The price cut worth this step; null where a price cut buys nothing or there is no price level. */
  euros: number | null;
  /** Whether any price cut can make up for the step; null without a price level. */
  compensable: boolean | null;
  sentence: string;
};

export type QualityPointPrice =
  | {
      status: 'euros';
      eurosPerQualityPoint: number;
      /** For relative methods: the situation in which the number holds; null for absolute ones. */
      referenceSituation: string | null;
      perCriterion: CriterionStepPrice[];
      sentence: string;
    }
  | { status: 'price-cuts-worthless'; eurosPerQualityPoint: null; referenceSituation: null; perCriterion: CriterionStepPrice[]; sentence: string }
  | { status: 'not-computable'; eurosPerQualityPoint: null; referenceSituation: null; perCriterion: CriterionStepPrice[]; sentence: string };

type Rate = {
  /** Euros per point; 0 for min-max-bids. */
  euros: number;
  /** The most points a price cut from E can buy (strictly fewer can be made up); Infinity when unbounded. */
  maxPoints: number;
  sentence: string;
};

function topStep(criterion: Criterion): { from: number; to: number; points: number } {
  const to = highestScale(criterion);
  const from = criterion.scale[criterion.scale.length - 2] ?? to;
  return { from, to, points: (criterion.weight * (to - from)) / to };
}

function stepPrices(
  criteria: readonly Criterion[],
  euros: (criterion: Criterion, points: number) => number | null,
  compensable: (points: number, euros: number | null) => boolean | null,
  explainNull: string,
): CriterionStepPrice[] {
  return criteria.map((criterion) => {
    const { from, to, points } = topStep(criterion);
    const worth = euros(criterion, points);
    const canCompensate = compensable(points, worth);
    const step = `Eén stap op ${criterion.id} (van ${formatDutchTrimmed(from, 4)} naar ${formatDutchTrimmed(to, 4)}) is ${formatPoints(points)}`;
    const sentence =
      worth === null
        ? `${step}; ${explainNull}`
        : canCompensate === false
          ? `${step}; geen prijsverlaging kan dat goedmaken, hoe laag de prijs ook is.`
          : worth === 0
            ? `${step}; één cent prijsverlaging maakt dat al goed.`
            : `${step}, ${formatAmount(worth)} prijsverlaging waard.`;
    return { criterionId: criterion.id, from, to, points, euros: worth, compensable: canCompensate, sentence };
  });
}

const RELATIVE_REFERENCE = (expected: number) =>
  `Referentiesituatie: alle inschrijvingen bieden de verwachte prijs van ${formatEuroCents(eurosToCents(expected))} en één inschrijving verlaagt haar prijs. ` +
  'De methode is relatief: bij andere prijzen van de andere inschrijvingen is een punt een ander bedrag waard.';

function rateFor(tender: FormulaTender, expected: number, referenceQuality: number): Rate | 'worthless' | string {
  const { award } = tender;
  const weight = award.priceWeight ?? 0;
  const at = `Bij een verwachte prijs van ${formatEuroCents(eurosToCents(expected))}`;
  switch (award.method) {
    case 'lowest-relative':
    case 'utility-index': {
      const euros = expected / weight;
      return {
        euros,
        maxPoints: weight,
        sentence:
          `${at} is één kwaliteitspunt ${formatAmount(euros)} prijsverlaging waard. ` +
          `Dat is de verwachte prijs gedeeld door het prijsgewicht (${formatDutchTrimmed(weight)}).`,
      };
    }
    case 'min-max-bids':
      return {
        euros: 0,
        maxPoints: weight,
        sentence:
          `${at} kost een kwaliteitspunt in feite niets: wie als enige één cent onder de rest biedt, krijgt alle ${formatPoints(weight)} prijsgewicht ` +
          'en de anderen krijgen 0 prijspunten. Liggen de inschrijvingen verder uiteen, dan is een punt (hoogste prijs - laagste prijs) / prijsgewicht waard: dat bepalen de inschrijvers, niet de aanbesteder.',
      };
    case 'min-max-set': {
      const floor = eurosToCents(award.priceFloor ?? 0);
      const ceiling = eurosToCents(award.priceCeiling ?? 0);
      const cents = eurosToCents(expected);
      if (cents <= floor) return 'worthless';
      const euros = (ceiling - floor) / 100 / weight;
      return {
        euros,
        maxPoints: (weight * (Math.min(cents, ceiling) - floor)) / (ceiling - floor),
        sentence:
          `${at} is één kwaliteitspunt ${formatAmount(euros)} prijsverlaging waard. ` +
          `Dat is (plafondprijs - bodemprijs) gedeeld door het prijsgewicht (${formatDutchTrimmed(weight)}); ` +
          `onder de bodemprijs van ${formatEuroCents(floor)} levert een lagere prijs niets meer op.`,
      };
    }
    case 'quality-price-ratio': {
      if (referenceQuality <= 0) return 'De kwaliteitsbieder heeft 0 kwaliteitspunten; bij kwaliteit per euro is een punt dan niet in euro uit te drukken.';
      const euros = expected / referenceQuality;
      return {
        euros,
        maxPoints: referenceQuality,
        sentence:
          `${at} en ${formatPoints(referenceQuality)} kwaliteit (de kwaliteitsbieder hieronder) is één kwaliteitspunt ${formatAmount(euros)} prijsverlaging waard: ` +
          'wie een punt minder biedt en zoveel goedkoper is, heeft dezelfde kwaliteit per euro.',
      };
    }
    default:
      return 'worthless';
  }
}

function gunnenOpWaarde(criteria: readonly Criterion[], expected: number | null): QualityPointPrice {
  const totalValue = criteria.reduce((sum, c) => sum + (c.value ?? 0), 0);
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const euros = totalValue / totalWeight;
  return {
    status: 'euros',
    eurosPerQualityPoint: euros,
    referenceSituation: null,
    perCriterion: stepPrices(
      criteria,
      (criterion, points) => ((criterion.value ?? 0) * points) / criterion.weight,
      (_points, worth) => (expected === null || worth === null ? null : worth < expected),
      '',
    ),
    sentence:
      `Bij gunnen op waarde volgt de waarde van kwaliteit direct uit de waarden per criterium: één kwaliteitspunt is gemiddeld ${formatAmount(euros)} waard ` +
      `(samen ${formatAmount(totalValue)} bij de hoogste score op elk criterium, gedeeld door ${formatPoints(totalWeight)}), onafhankelijk van de prijs.`,
  };
}

export function computeQualityPointPrice(tender: FormulaTender, expected: ExpectedPrice | null, referenceQuality: number): QualityPointPrice {
  const { criteria } = tender;
  if (tender.award.method === 'gunnen-op-waarde') return gunnenOpWaarde(criteria, expected?.price ?? null);
  if (tender.award.method === 'fixed-price') {
    return {
      status: 'price-cuts-worthless',
      eurosPerQualityPoint: null,
      referenceSituation: null,
      perCriterion: stepPrices(
        criteria,
        () => null,
        () => false,
        'bij een vaste prijs kan geen prijsverlaging dat goedmaken.',
      ),
      sentence: 'Bij een vaste prijs is een prijsverlaging niets waard: inschrijvers concurreren alleen op kwaliteit.',
    };
  }
  if (expected === null) {
    return {
      status: 'not-computable',
      eurosPerQualityPoint: null,
      referenceSituation: null,
      perCriterion: stepPrices(
        criteria,
        () => null,
        () => null,
        'zonder verwacht prijsniveau is dat niet in euro uit te drukken.',
      ),
      sentence: 'Zonder raming of plafondprijs is niet te berekenen hoeveel prijsverlaging één kwaliteitspunt waard is.',
    };
  }
  const rate = rateFor(tender, expected.price, referenceQuality);
  if (rate === 'worthless') {
    return {
      status: 'price-cuts-worthless',
      eurosPerQualityPoint: null,
      referenceSituation: null,
      perCriterion: stepPrices(
        criteria,
        () => null,
        () => false,
        'onder de bodemprijs kan geen prijsverlaging dat goedmaken.',
      ),
      sentence: `De verwachte prijs ligt op of onder de bodemprijs (award.priceFloor): een lagere prijs levert geen prijspunten meer op, dus een prijsverlaging is geen kwaliteitspunt waard.`,
    };
  }
  if (typeof rate === 'string') {
    return {
      status: 'not-computable',
      eurosPerQualityPoint: null,
      referenceSituation: null,
      perCriterion: stepPrices(
        criteria,
        () => null,
        () => null,
        'dat is hier niet in euro uit te drukken.',
      ),
      sentence: rate,
    };
  }
  const relative = RELATIVE_METHODS.includes(tender.award.method);
  return {
    status: 'euros',
    eurosPerQualityPoint: rate.euros,
    referenceSituation: relative ? RELATIVE_REFERENCE(expected.price) : null,
    perCriterion: stepPrices(
      criteria,
      (_criterion, points) => points * rate.euros,
      (points) => points < rate.maxPoints,
      '',
    ),
    sentence: rate.sentence,
  };
}
