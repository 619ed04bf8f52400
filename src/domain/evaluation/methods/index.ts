/**
 * @module
 * The award methods by id (spec "Award methods").
 */
import type { AwardMethod } from '../dossier.js';
import { fixedPrice } from './fixed-price.js';
import { gunnenOpWaarde } from './gunnen-op-waarde.js';
import { lowestRelative } from './lowest-relative.js';
import type { AwardMethodDefinition } from './method.js';
import { minMaxBids } from './min-max-bids.js';
import { minMaxSet } from './min-max-set.js';
import { qualityPriceRatio } from './quality-price-ratio.js';
import { utilityIndex } from './utility-index.js';

export const AWARD_METHOD_DEFINITIONS: Readonly<Record<AwardMethod, AwardMethodDefinition>> = {
  'lowest-relative': lowestRelative,
  'min-max-bids': minMaxBids,
  'min-max-set': minMaxSet,
  'gunnen-op-waarde': gunnenOpWaarde,
  'quality-price-ratio': qualityPriceRatio,
  'utility-index': utilityIndex,
  'fixed-price': fixedPrice,
};

export type { AwardMethodDefinition, ScoringInput } from './method.js';
