/**
 * @module
 * `evaluate --format table`: the result as readable Dutch text for a terminal. A low-bid rule
 * is named by its Dutch label (the vocabulary), never by its id; the table's column counts the
 * signals, the list below names them.
 */
import type { Dossier } from '../domain/evaluation/dossier.js';
import { METHOD_NAMES } from '../domain/vocabulary/award-methods.js';
import { LOW_BID_RULE_NAMES } from '../domain/vocabulary/low-bid-rules.js';
import { explainEffectiveWeights, explainPriceShareRange, explainPriceToWin, explainWarning, formatScore } from '../domain/evaluation/explain.js';
import type { EvaluationResult } from '../domain/evaluation/result.js';
import { formatDutchNumber, formatEuros } from '../domain/money.js';

function pad(rows: string[][]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function renderEvaluationTable(dossier: Dossier, result: EvaluationResult): string {
  const bidsById = new Map(dossier.bids.map((bid) => [bid.id, bid]));
  const header = ['Rang', 'Inschrijving', 'Inschrijver', 'Prijs', 'Kwaliteit', 'Prijspunten/korting', 'Score', 'Signalen'];
  const rows = result.bids.map((bid) => {
    const source = bidsById.get(bid.bidId);
    const price = source?.price === undefined ? '-' : formatEuros(source.price);
    const pricePart =
      bid.pricePoints !== undefined
        ? formatDutchNumber(bid.pricePoints, 2)
        : bid.fictiveDiscount !== undefined
          ? `korting ${formatEuros(Math.round(bid.fictiveDiscount * 100) / 100)}`
          : '-';
    return [
      bid.rank === null ? 'uitgesloten' : String(bid.rank),
      bid.bidId,
      source?.provider.name ?? '',
      price,
      formatDutchNumber(bid.qualityPoints, 2),
      pricePart,
      formatScore(result, bid.score),
      bid.lowBidFlags.length === 0 ? '-' : String(bid.lowBidFlags.length),
    ];
  });

  const lines = [
    `${dossier.tender.reference} - ${dossier.tender.title} (${dossier.tender.lot})`,
    `Gunningsmethode: ${METHOD_NAMES[result.method]}`,
    `Winnaar: ${result.winner ?? 'geen (gelijke stand of geen geldige inschrijving)'}`,
    '',
    pad([header, ...rows]),
  ];
  const excluded = result.bids.filter((bid) => bid.status === 'excluded');
  if (excluded.length > 0) {
    lines.push('', 'Uitgesloten:');
    for (const bid of excluded) lines.push(...bid.exclusionReasons.map((reason) => `  ${bid.bidId}: ${reason}`));
  }
  const flagged = result.bids.filter((bid) => bid.lowBidFlags.length > 0);
  if (flagged.length > 0) {
    lines.push('', 'Mogelijk abnormaal lage inschrijvingen (art. 2.116 Aanbestedingswet):');
    for (const bid of flagged) lines.push(...bid.lowBidFlags.map((flag) => `  ${bid.bidId} (${LOW_BID_RULE_NAMES[flag.rule]}): ${flag.message}`));
  }
  if (result.warnings.length > 0) {
    lines.push('', 'Waarschuwingen:');
    for (const warning of result.warnings) lines.push(`  - ${explainWarning(warning)}`);
  }
  const analysis: string[] = [];
  if (result.sensitivity.priceShareRange !== null || result.winner !== null) {
    if (['lowest-relative', 'min-max-bids', 'min-max-set'].includes(result.method) && result.winner !== null) {
      analysis.push(explainPriceShareRange(result.sensitivity.priceShareRange));
    }
  }
  for (const [bidId, price] of Object.entries(result.sensitivity.priceToWin)) analysis.push(explainPriceToWin(bidId, price));
  const weights = explainEffectiveWeights(result.effectiveWeights);
  if (weights) analysis.push(weights);
  if (analysis.length > 0) {
    lines.push('', 'Gevoeligheid:');
    for (const line of analysis) lines.push(`  - ${line}`);
  }
  return lines.join('\n');
}
