/**
 * @module
 * The field: the ranked bids of a lot (exclusions removed) with everything needed to score
 * and rank them again. The analysis re-scores the field with one bid moved or removed;
 * quality stays as prepared, only prices change. Scores go into buffers owned by the field,
 * so re-scoring does not allocate.
 */
import { AWARD_METHOD_DEFINITIONS, type AwardMethodDefinition, type ScoringInput } from './methods/index.js';
import type { AwardParams, PreparedBid } from './prepare.js';
import { findWinner, rankCandidates, type RankInput, type Ranking } from './ranking.js';

export type Field = ScoringInput & {
  ids: string[];
  pricesCents: Float64Array;
  params: AwardParams;
  method: AwardMethodDefinition;
  /** Scratch buffers for re-scoring. */
  scratch: { scores: Float64Array; pricePoints: Float64Array; rankInput: RankInput };
};

function createScratch(field: Omit<Field, 'scratch'>): Field['scratch'] {
  const n = field.ids.length;
  const scores = new Float64Array(n);
  return { scores, pricePoints: new Float64Array(n), rankInput: rankInput(field, scores, field.pricesCents) };
}

export function createField(params: AwardParams, bids: readonly PreparedBid[]): Field {
  const field = {
    ids: bids.map((b) => b.id),
    qualityPoints: Float64Array.from(bids, (b) => b.qualityPoints),
    qualityFractions: Float64Array.from(bids, (b) => b.qualityFraction),
    fictiveDiscounts: Float64Array.from(bids, (b) => b.fictiveDiscount),
    pricesCents: Float64Array.from(bids, (b) => b.priceCents),
    params,
    method: AWARD_METHOD_DEFINITIONS[params.method],
  };
  return { ...field, scratch: createScratch(field) };
}

/** Scores the field at its own prices into fresh arrays (for the result). */
export function scoreField(field: Field): { scores: Float64Array; pricePoints: Float64Array | null } {
  const scores = new Float64Array(field.ids.length);
  const pricePoints = new Float64Array(field.ids.length);
  field.method.score(field.params, field, field.pricesCents, scores, pricePoints);
  return { scores, pricePoints: field.method.hasPricePoints ? pricePoints : null };
}

function rankInput(field: Omit<Field, 'scratch'>, scores: ArrayLike<number>, pricesCents: ArrayLike<number>): RankInput {
  return {
    ids: field.ids,
    scores,
    qualityPoints: field.qualityPoints,
    pricesCents,
    higherIsBetter: field.method.higherIsBetter,
    tieBreak: field.params.tieBreak,
  };
}

export function rankField(field: Field, scores: ArrayLike<number>): Ranking {
  return rankCandidates(rankInput(field, scores, field.pricesCents));
}

/** The winner's index when the field is scored at these prices. */
export function winnerAt(field: Field, pricesCents: ArrayLike<number>): number | null {
  const { scores, pricePoints, rankInput: input } = field.scratch;
  field.method.score(field.params, field, pricesCents, scores, pricePoints);
  input.pricesCents = pricesCents;
  return findWinner(input);
}

/**
 * A field with room for one bid fewer, to be filled by `removeBidInto` again and again: rank
 * reversal removes every non-winner in turn, and reusing the buffers keeps that cheap.
 */
export function createReducedField(field: Field): Field {
  const n = Math.max(0, field.ids.length - 1);
  const reduced = {
    ...field,
    ids: new Array<string>(n).fill(''),
    qualityPoints: new Float64Array(n),
    qualityFractions: new Float64Array(n),
    fictiveDiscounts: new Float64Array(n),
    pricesCents: new Float64Array(n),
  };
  return { ...reduced, scratch: createScratch(reduced) };
}

/** Fills `target` (from `createReducedField`) with `field` less the bid at `index`. */
export function removeBidInto(target: Field, field: Field, index: number): Field {
  const copy = (from: Float64Array, to: Float64Array) => {
    to.set(from.subarray(0, index));
    to.set(from.subarray(index + 1), index);
  };
  copy(field.qualityPoints, target.qualityPoints);
  copy(field.qualityFractions, target.qualityFractions);
  copy(field.fictiveDiscounts, target.fictiveDiscounts);
  copy(field.pricesCents, target.pricesCents);
  for (let i = 0, k = 0; i < field.ids.length; i++) if (i !== index) target.ids[k++] = field.ids[i] as string;
  return target;
}
