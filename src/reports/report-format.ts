/**
 * @module
 * Formatting shared by the evaluation report and the award letters, so that a score, a price
 * or a criterion reads the same in both (a bidder compares its letter with the report).
 */
import type { Award } from '../domain/evaluation/dossier.js';
import { formatScore } from '../domain/evaluation/explain.js';
import { METHOD_NAMES, TENDER_STATUS_NAMES } from '../domain/vocabulary/index.js';
import type { BidResult, EvaluationResult } from '../domain/evaluation/result.js';
import { formatDutchNumber, formatDutchTrimmed, formatEuros } from '../domain/money.js';
import type { ReportCriterion } from './report-data.js';
import { fill, wording } from './wording.js';

export function scaleMaximum(criterion: ReportCriterion): number {
  return criterion.scale[criterion.scale.length - 1] ?? 1;
}

/** "6 van 10"; a missing score (an incomplete evaluation) prints as "-". */
export function formatCriterionScore(criterion: ReportCriterion, score: number | undefined): string {
  if (score === undefined) return wording.common.none;
  return fill(wording.evaluation.bids.scoreOf, { score: formatDutchTrimmed(score), max: formatDutchTrimmed(scaleMaximum(criterion)) });
}

/** Quality points one criterion contributes: weight x score / maximum. */
export function criterionPoints(criterion: ReportCriterion, score: number | undefined): string {
  if (score === undefined) return wording.common.none;
  return formatDutchNumber((criterion.weight * score) / scaleMaximum(criterion), 2);
}

export function formatPrice(price: number | null | undefined): string {
  return price === null || price === undefined ? wording.evaluation.bids.noPrice : formatEuros(price);
}

export function formatPoints(points: number): string {
  return formatDutchNumber(points, 2);
}

/** The score as its method means it: points, a fictive price, a ratio or a utility. */
export function formatBidScore(scoreKind: EvaluationResult['scoreKind'], score: number | null): string {
  // explain.ts formats by the result's scoreKind alone; a letter has no whole result to pass.
  return formatScore({ scoreKind } as EvaluationResult, score);
}

/** Price points, or the fictive discount of `gunnen-op-waarde`, or "-". */
export function formatPricePart(bid: Pick<BidResult, 'pricePoints' | 'fictiveDiscount'>): string {
  if (bid.pricePoints !== undefined) return formatPoints(bid.pricePoints);
  if (bid.fictiveDiscount !== undefined) {
    return fill(wording.evaluation.ranking.discount, { amount: formatEuros(Math.round(bid.fictiveDiscount * 100) / 100) });
  }
  return wording.common.none;
}

export function methodName(award: Award): string {
  return METHOD_NAMES[award.method];
}

/** The method's formula in words, with the tender's own parameters filled in. */
export function methodFormula(award: Award): string {
  const values = {
    priceWeight: award.priceWeight === undefined ? wording.common.none : formatDutchTrimmed(award.priceWeight),
    priceFloor: award.priceFloor === undefined ? wording.common.none : formatEuros(award.priceFloor),
    priceCeiling: award.priceCeiling === undefined ? wording.common.none : formatEuros(award.priceCeiling),
    fixedPrice: award.fixedPrice === undefined ? wording.common.none : formatEuros(award.fixedPrice),
  };
  return fill(wording.evaluation.method.formulas[award.method], values);
}

/** A tender's status in the vocabulary's words; an unknown one (an older database) as it is. */
export function statusName(status: string): string {
  return Object.hasOwn(TENDER_STATUS_NAMES, status) ? TENDER_STATUS_NAMES[status as keyof typeof TENDER_STATUS_NAMES] : status;
}

/** "Anna de Vries, Bert Jansen en Chloë Bakker" */
export function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names.at(-1) ?? ''}`;
}

/**
 * The members who have not sealed yet, when the report must leave out every individual score
 * (blind scoring); undefined when all have sealed or there is no panel.
 */
export function unsealedMembers(data: { panel?: { notSealed?: readonly string[] | undefined } | undefined }): string | undefined {
  const names = data.panel?.notSealed ?? [];
  return names.length === 0 ? undefined : listNames(names);
}
