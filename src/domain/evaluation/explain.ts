/**
 * @module
 * Dutch sentences for the result's warnings and analysis, shared by the command line, the
 * pages and the reports so that every place says the same thing in the same words.
 */
import { formatDutchNumber, formatEuros, formatPercent } from '../money.js';
import type { EvaluationResult, Warning } from './result.js';

/** How a sentence names a bid: by its id, or (on the pages) by its school with the id (`bidLabel`). */
export type BidLabel = (bidId: string) => string;
const byId: BidLabel = (bidId) => bidId;

export function explainWarning(warning: Warning): string {
  return explainWarningWith(warning, byId);
}

/** `explainWarning` with the bids named by `label`. */
export function explainWarningWith(warning: Warning, label: BidLabel): string {
  switch (warning.code) {
    case 'tie-unresolved':
      return `Inschrijvingen ${warning.bids.map(label).join(', ')} staan gelijk op plaats ${warning.rank}; de tie-break beslist niet, loting is nodig.`;
    case 'rank-reversal':
      return warning.winnerWithout === null
        ? `Zonder inschrijving ${label(warning.removedBid)} is er geen eenduidige winnaar meer (nu ${label(warning.winner)}): de uitslag hangt af van een verliezende inschrijving.`
        : `Zonder inschrijving ${label(warning.removedBid)} zou ${label(warning.winnerWithout)} winnen in plaats van ${label(warning.winner)}: de uitslag hangt af van een verliezende inschrijving (rangomkering).`;
    case 'price-dominates':
      return `De prijs bepaalt feitelijk ${formatPercent(warning.effective)} van het verschil in totaalscore, terwijl het nominale prijsgewicht ${formatPercent(warning.nominal)} is.`;
    case 'utility-nonpositive':
      return `De utiliteitsindex is niet positief voor ${warning.bids.map(label).join(', ')}: de formule rangschikt die inschrijvingen slechter naarmate ze goedkoper zijn.`;
  }
}

export function explainPriceShareRange(range: [number, number] | null): string {
  if (range === null) return 'Er is geen prijsaandeel waarbij de huidige winnaar wint.';
  return `De winnaar blijft winnen bij een prijsaandeel tussen ${formatPercent(range[0])} en ${formatPercent(range[1])} van het totaalgewicht.`;
}

export function explainPriceToWin(bidId: string, price: number | null, label: BidLabel = byId): string {
  return price === null
    ? `${label(bidId)} kan met geen enkele prijs winnen.`
    : `${label(bidId)} had gewonnen bij een prijs van ten hoogste ${formatEuros(price)}.`;
}

export function explainEffectiveWeights(weights: EvaluationResult['effectiveWeights']): string | null {
  if (weights === null) return null;
  return `Feitelijk gewicht: kwaliteit ${formatPercent(weights.quality)}, prijs ${formatPercent(weights.price)}.`;
}

export function formatScore(result: EvaluationResult, score: number | null): string {
  if (score === null) return '-';
  switch (result.scoreKind) {
    case 'fictive-price':
      return formatEuros(Math.round(score * 100) / 100);
    case 'ratio':
      return `${formatDutchNumber(score * 1000, 4)} per 1000 euro`;
    case 'utility':
      return formatDutchNumber(score, 4);
    default:
      return formatDutchNumber(score, 2);
  }
}
