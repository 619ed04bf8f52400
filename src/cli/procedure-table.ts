/**
 * @module
 * `evaluate --format table` for a procedure file: each lot's table as for a single dossier,
 * under the lot's id, then the allocation with its reason per lot. The limitation's rule is
 * printed by its Dutch name and explanation (the vocabulary), never by its id.
 */
import type { Procedure } from '../domain/procedure/procedure.js';
import type { ProcedureResult } from '../domain/procedure/evaluate-procedure.js';
import { bidLabeller } from '../domain/bid-label.js';
import { renderEvaluationTable } from './evaluation-table.js';
import { AWARD_LIMIT_RULE_NAMES, AWARD_LIMIT_RULE_TERMS } from '../domain/vocabulary/award-limit-rules.js';

export function renderProcedureTable(procedure: Procedure, result: ProcedureResult): string {
  const limit = procedure.awardLimit;
  const heading = `${procedure.procedure.title} (${procedure.procedure.reference}), ${procedure.procedure.buyer}`;
  const rule =
    limit === undefined
      ? 'Geen gunningsbeperking.'
      : `Gunningsbeperking: hoogstens ${limit.maxLotsPerBidder} ${limit.maxLotsPerBidder === 1 ? 'perceel' : 'percelen'} per inschrijver, regel: ${AWARD_LIMIT_RULE_NAMES[limit.rule]}${limit.lotOrder === undefined ? '' : ` (${limit.lotOrder.join(', ')})`}. ${AWARD_LIMIT_RULE_TERMS[limit.rule].explanation}`;
  const lots = procedure.lots.map((lot) => {
    const evaluated = result.lots.find((entry) => entry.lotId === lot.id);
    return `== Perceel ${lot.id}: ${lot.dossier.tender.lot} ==\n${evaluated === undefined ? 'Niet beoordeeld.' : renderEvaluationTable(lot.dossier, evaluated.result)}`;
  });
  // Each lot's bids by their school, "School (B2)", as the lots' own tables name them.
  const nameIn = (lotId: string) => {
    const bids = procedure.lots.find((lot) => lot.id === lotId)?.dossier.bids ?? [];
    const label = bidLabeller(new Map(bids.map((bid) => [bid.id, bid.provider.name])));
    return (bidId: string | null) => (bidId === null ? 'geen winnaar' : label(bidId));
  };
  const allocation = result.allocation.map((entry) => {
    const name = nameIn(entry.lotId);
    const without = entry.winner === entry.winnerWithoutLimit ? '' : ` (zonder beperking: ${name(entry.winnerWithoutLimit)})`;
    return `${entry.lotId}: ${name(entry.winner)}${without}\n  ${entry.reason}`;
  });
  return [heading, rule, ...lots, `== Toewijzing ==\n${allocation.join('\n')}`].join('\n\n');
}
