/**
 * @module
 * The formula check of a procedure (issue 21: "the formula check works per lot"). Each lot is
 * a tender with its own award method, weights, scales and estimate (docs/procedures.md, "In
 * the server"), so each lot has its own formula and its own verdict: a formula that resists
 * underbidding on the B1-route may invite it on the Z-route, where the estimate and the
 * weights differ. The check is therefore the single tender's `formulaCheckOf` run on every
 * lot, in the procedure's lot order, with one sentence per lot naming the lot; nothing is
 * pooled across lots, as no single formula covers two lots.
 *
 * Access: the procedure's (procedure-access.ts, derived from every lot's tender access); the
 * roles are those of the single check, held on every lot.
 */
import type { FormulaCheck, Verdict } from '../../domain/formula-check/check-formula.js';
import type { AppContext } from '../../http/types.js';
import { type ProcedureAccess, requireProcedureRole } from '../procedures/procedure-access.js';
import { loadDossier } from '../evaluation/evaluation.service.js';
import { formulaCheckOfDossier } from './formula-check.service.js';

export type LotFormulaCheck = {
  lotId: string;
  tenderId: string;
  title: string;
  /** The lot's route as its tender names it (`tender.lot`). */
  route: string;
  /** "Perceel L2 (onderwijsroute): " and the lot's verdict sentence. */
  sentence: string;
  check: FormulaCheck;
};

export type ProcedureFormulaCheck = {
  procedureId: string;
  /** The lots whose formula invites underbidding, in lot order. */
  lotsInvitingUnderbidding: string[];
  lots: LotFormulaCheck[];
};

/** @example lotSentence('L3', 'Z-route', check) // 'Perceel L3 (Z-route): Deze formule ...' */
export function lotSentence(lotId: string, route: string, check: { verdictSentence: string }): string {
  return `Perceel ${lotId} (${route}): ${check.verdictSentence}`;
}

/** `GET /procedures/:id/formula-check` (inkoper, auditor on every lot). */
export function getProcedureFormulaCheck(ctx: AppContext, access: ProcedureAccess): ProcedureFormulaCheck {
  requireProcedureRole(access, ['inkoper', 'auditor'], 'de formulecontrole zien');
  const lots = access.lots.map(({ lot }): LotFormulaCheck => {
    const dossier = loadDossier(ctx, lot.tenderId);
    const route = dossier.tender.lot;
    const check = formulaCheckOfDossier(dossier);
    return { lotId: lot.lotId, tenderId: lot.tenderId, title: lot.title, route, sentence: lotSentence(lot.lotId, route, check), check };
  });
  const inviting: Verdict = 'invites-underbidding';
  return {
    procedureId: access.procedure.id,
    lotsInvitingUnderbidding: lots.filter((lot) => lot.check.verdict === inviting).map((lot) => lot.lotId),
    lots,
  };
}
