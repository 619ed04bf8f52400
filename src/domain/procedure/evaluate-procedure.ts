/**
 * @module
 * Evaluates a procedure: every lot's dossier exactly as a single dossier is evaluated (its
 * `result` is byte for byte what `evaluate` prints for that dossier alone), then the
 * allocation of the lots under the limitation. Pure, like the evaluation of one lot.
 *
 * @example
 * const parsed = parseProcedure(json);
 * if (parsed.ok) console.log(evaluateProcedure(parsed.procedure).allocation);
 */
import { evaluateDossier } from '../evaluation/evaluate.js';
import type { EvaluationResult } from '../evaluation/result.js';
import { allocateLots } from './allocate.js';
import type { LotAllocation } from './allocation.js';
import { type LotStanding, lotStanding } from './lot-standing.js';
import type { Procedure } from './procedure.js';

export type ProcedureResult = {
  lots: { lotId: string; result: EvaluationResult }[];
  allocation: LotAllocation[];
};

function evaluateLots(procedure: Procedure): { lots: ProcedureResult['lots']; standings: LotStanding[] } {
  const evaluated = procedure.lots.map((lot) => {
    const result = evaluateDossier(lot.dossier);
    return { lot: { lotId: lot.id, result }, standing: lotStanding(lot.id, lot.dossier, result) };
  });
  return { lots: evaluated.map((e) => e.lot), standings: evaluated.map((e) => e.standing) };
}

export function evaluateProcedure(procedure: Procedure): ProcedureResult {
  const { lots, standings } = evaluateLots(procedure);
  return { lots, allocation: allocateLots(standings, procedure.awardLimit, procedure.preferences ?? {}, procedure.draws ?? []) };
}
