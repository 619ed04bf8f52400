/**
 * @module
 * The award method and criteria in OCDS: the core `tender.awardCriteria` code and
 * `awardCriteriaDetails` (the scoring formula in Dutch, with the dossier's numbers), and the
 * awardCriteria extension's breakdown on the lot.
 *
 * Mapping:
 * - `awardCriteria`: `qualityOnly` for `fixed-price` (the price is set, bidders compete on
 *   quality), `ratedCriteria` (price and quality, BPKV) for every other method.
 * - each quality criterion becomes `{ type: 'quality', name, description, numbers }` with its
 *   weight as `pointsExact` (our weights are the points a criterion gives at its maximum score;
 *   they need not add up to 100, so a percentage would be a rounding) and its minimum score,
 *   converted to points on the same footing (`weight * minimum / maximum`), as `minimumScore`;
 *   the scale and the minimum on the scale are in the description;
 * - price is one criterion `{ type: 'price' }` with `priceWeight` as `pointsExact` where the
 *   method has one, the fixed price as `fixed: 'total'` for `fixed-price`, and no number where
 *   price enters otherwise (gunnen-op-waarde, quality-price-ratio);
 * - where the weighting is not a sum of weighted parts (gunnen-op-waarde, quality-price-ratio,
 *   utility-index) the formula is also the breakdown's `weightingDescription`.
 */
import type { Award, AwardMethod, Criterion, Dossier } from '../evaluation/dossier.js';
import { formatDutchTrimmed, formatEuros } from '../money.js';
import type { OcdsAwardCriteria, OcdsAwardCriterion, OcdsCriterionNumber } from './release-types.js';

const QUALITY_POINTS = 'kwaliteitspunten = som per criterium van gewicht x score / maximale score';

const NON_ADDITIVE: readonly AwardMethod[] = ['gunnen-op-waarde', 'quality-price-ratio', 'utility-index'];

/** @example ocdsAwardCriteriaCode('fixed-price') // 'qualityOnly' */
export function ocdsAwardCriteriaCode(method: AwardMethod): 'ratedCriteria' | 'qualityOnly' {
  return method === 'fixed-price' ? 'qualityOnly' : 'ratedCriteria';
}

function weight(x: number | undefined): string {
  return formatDutchTrimmed(x ?? 0);
}

/** The score of the method in words, with the dossier's numbers. */
function methodFormula(award: Award): string {
  const wp = weight(award.priceWeight);
  const highestWins = 'de hoogste score wint';
  switch (award.method) {
    case 'lowest-relative':
      return `score = kwaliteitspunten + ${wp} x laagste prijs / prijs; ${highestWins}`;
    case 'min-max-bids':
      return (
        `score = kwaliteitspunten + ${wp} x (hoogste prijs - prijs) / (hoogste prijs - laagste prijs), ` +
        `over de gerangschikte inschrijvingen; ${highestWins}`
      );
    case 'min-max-set':
      return (
        `score = kwaliteitspunten + ${wp} x (plafondprijs - prijs) / (plafondprijs - bodemprijs), begrensd tussen 0 en 1, ` +
        `met bodemprijs ${formatEuros(award.priceFloor ?? 0)} en plafondprijs ${formatEuros(award.priceCeiling ?? 0)}; ${highestWins}`
      );
    case 'gunnen-op-waarde':
      return 'fictieve prijs = prijs - som per criterium van waarde x score / maximale score (gunnen op waarde); ' + 'de laagste fictieve prijs wint';
    case 'quality-price-ratio':
      return `score = kwaliteitspunten / prijs (punten per euro); ${highestWins}`;
    case 'utility-index':
      return `score = (1 - (beste kwaliteitsfractie - kwaliteitsfractie) x totaal kwaliteitsgewicht / ${wp}) / prijs ` + `x laagste prijs; ${highestWins}`;
    case 'fixed-price':
      return `vaste prijs ${formatEuros(award.fixedPrice ?? 0)}; inschrijvers concurreren alleen op kwaliteit: ` + `score = kwaliteitspunten; ${highestWins}`;
  }
}

/**
 * `tender.awardCriteriaDetails`: the method and its formula in Dutch.
 * @example describeAwardMethod({ method: 'lowest-relative', priceWeight: 30 })
 * // 'Beste prijs-kwaliteitverhouding, methode lowest-relative: score = kwaliteitspunten + 30 x laagste prijs / prijs; ...'
 */
export function describeAwardMethod(award: Award): string {
  const basis = award.method === 'fixed-price' ? 'Vaste prijs, gunning op kwaliteit' : 'Beste prijs-kwaliteitverhouding';
  const parts = [`${basis}, methode ${award.method}: ${methodFormula(award)}`, QUALITY_POINTS];
  if (award.priceCeiling !== undefined && award.method !== 'min-max-set') {
    parts.push(`inschrijvingen boven de plafondprijs ${formatEuros(award.priceCeiling)} zijn ongeldig`);
  }
  return `${parts.join('. ')}.`;
}

function qualityCriterion(criterion: Criterion): OcdsAwardCriterion {
  const maximum = criterion.scale[criterion.scale.length - 1] ?? 1;
  const numbers: OcdsCriterionNumber[] = [{ number: criterion.weight, weight: 'pointsExact' }];
  const facts = [`Criterium ${criterion.id}`, `schaal ${criterion.scale.map((s) => formatDutchTrimmed(s)).join(', ')}`];
  if (criterion.minimum !== undefined) {
    numbers.push({ number: (criterion.weight * criterion.minimum) / maximum, threshold: 'minimumScore' });
    facts.push(`minimumscore ${formatDutchTrimmed(criterion.minimum)} (knock-out)`);
  }
  if (criterion.value !== undefined) facts.push(`fictieve korting bij de maximale score ${formatEuros(criterion.value)}`);
  const description = [criterion.description, `${facts.join('; ')}.`].filter((text) => text !== undefined && text !== '').join(' ');
  return { type: 'quality', name: criterion.title, description, numbers };
}

function priceCriterion(award: Award): OcdsAwardCriterion {
  if (award.method === 'fixed-price') {
    return {
      type: 'price',
      name: 'Vaste prijs',
      description: 'De prijs is vastgesteld door de aanbestedende dienst; inschrijvers concurreren alleen op kwaliteit.',
      numbers: [{ number: award.fixedPrice ?? 0, fixed: 'total' }],
    };
  }
  const criterion: OcdsAwardCriterion = { type: 'price', name: 'Prijs', description: `${methodFormula(award)}.` };
  if (award.priceWeight !== undefined && award.method !== 'gunnen-op-waarde' && award.method !== 'quality-price-ratio') {
    criterion.numbers = [{ number: award.priceWeight, weight: 'pointsExact' }];
  }
  return criterion;
}

/**
 * The awardCriteria extension's breakdown for the lot: the quality criteria, then price.
 * @example lotAwardCriteria(dossier).criteria.map((c) => c.type) // ['quality', 'quality', 'price']
 */
export function lotAwardCriteria(dossier: Dossier): OcdsAwardCriteria {
  const breakdown: OcdsAwardCriteria = {
    criteria: [...dossier.criteria.map(qualityCriterion), priceCriterion(dossier.award)],
  };
  if (NON_ADDITIVE.includes(dossier.award.method)) breakdown.weightingDescription = `${methodFormula(dossier.award)}.`;
  return breakdown;
}
