/**
 * @module
 * The formula check of a tender (issue 10): computed by the engine from the tender alone,
 * before any bid counts. Opening a tender whose formula invites underbidding needs an explicit
 * confirmation with a motivation, which goes into the audit trail with the verdict: the buyer
 * may have reasons, but must state them before the bids are known.
 */
import type { Dossier } from '../../domain/evaluation/dossier.js';
import { checkFormula, type FormulaCheck } from '../../domain/formula-check/check-formula.js';
import { isSentence, SENTENCE_RULE_MESSAGE } from '../../domain/panel/motivation.js';
import type { AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { loadDossier } from '../evaluation/evaluation.service.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';

export type OpenConfirmation = { confirmUnderbiddingRisk?: boolean | undefined; motivation?: string | undefined };

/** The check on the tender as stored; the bids play no part. */
export function formulaCheckOf(ctx: AppContext, tenderId: string, options: { suggestions?: boolean } = {}): FormulaCheck {
  return formulaCheckOfDossier(loadDossier(ctx, tenderId), options);
}

/** The check on a stored tender's dossier; the bids play no part. */
export function formulaCheckOfDossier(dossier: Dossier, options: { suggestions?: boolean } = {}): FormulaCheck {
  const { bids: _bids, ...tender } = dossier;
  return checkFormula(tender, options);
}

/** `GET /tenders/:id/formula-check` (inkoper, auditor). */
export function getFormulaCheck(ctx: AppContext, { access }: { access: TenderAccess }): FormulaCheck {
  requireTenderRole(access, ['inkoper', 'auditor'], 'de formulecontrole zien');
  return formulaCheckOf(ctx, access.tender.id);
}

/**
 * What opening needs to record about the formula: nothing when it resists underbidding;
 * a confirmation with a motivation (a sentence) when it invites it, else 409 / 400.
 */
export function confirmFormulaForOpening(
  ctx: AppContext,
  tenderId: string,
  confirmation: OpenConfirmation,
): { verdict: FormulaCheck['verdict']; motivation: string | null } {
  const check = formulaCheckOf(ctx, tenderId, { suggestions: false });
  if (check.verdict !== 'invites-underbidding') return { verdict: check.verdict, motivation: null };
  if (confirmation.confirmUnderbiddingRisk !== true) {
    throw new AppError('conflict', {
      detail:
        `${check.verdictSentence} Openen kan alleen met een uitdrukkelijke bevestiging en een motivering ` +
        '(confirmUnderbiddingRisk: true en motivation); die komen in de audittrail.',
      errors: [{ path: 'confirmUnderbiddingRisk', message: 'bevestig dat u met deze formule wilt openen' }],
    });
  }
  const motivation = confirmation.motivation?.trim() ?? '';
  if (!isSentence(motivation)) {
    throw new AppError('invalid-input', { errors: [{ path: 'motivation', message: SENTENCE_RULE_MESSAGE }] });
  }
  return { verdict: check.verdict, motivation };
}
