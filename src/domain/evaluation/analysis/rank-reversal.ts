/**
 * @module
 * Rank reversal: under a relative method a losing bid can decide who wins, because its price
 * moves the others' price points. For each ranked bid other than the winner we evaluate again
 * without it; if the winner changes (or none remains), the award hinges on an irrelevant
 * alternative, which a court may ask about. Only for relative methods with a winner.
 */
import type { Field } from '../field.js';
import { createReducedField, removeBidInto, winnerAt } from '../field.js';
import type { Warning } from '../result.js';

export function findRankReversals(field: Field, winner: number, order: readonly number[]): Warning[] {
  const warnings: Warning[] = [];
  const winnerId = field.ids[winner] ?? '';
  const buffer = createReducedField(field);
  for (const removed of order) {
    if (removed === winner) continue;
    const reduced = removeBidInto(buffer, field, removed);
    const newWinner = winnerAt(reduced, reduced.pricesCents);
    const winnerWithout = newWinner === null ? null : (reduced.ids[newWinner] ?? null);
    if (winnerWithout !== winnerId) {
      warnings.push({ code: 'rank-reversal', removedBid: field.ids[removed] ?? '', winner: winnerId, winnerWithout });
    }
  }
  return warnings;
}
