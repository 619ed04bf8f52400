/**
 * @module
 * The formula check (issue 10) on the settings as they stand in the form: the same dossier
 * the live example evaluates (the form's fields, no bids) handed to the engine's own
 * `checkFormula`. Nothing is stored and no rule is repeated here; the stored tender's check
 * (`formulaCheckOf`) runs the very same function on the saved fields.
 */
import { DOSSIER_FORMAT } from '../domain/evaluation/dossier.js';
import { checkFormula, type FormulaCheck } from '../domain/formula-check/check-formula.js';
import type { TenderFields } from '../modules/tenders/dossier-mapping.js';

/** @example computeFormulaCheck(parseTenderFields(input)).verdict // 'resists-underbidding' */
export function computeFormulaCheck(fields: TenderFields): FormulaCheck {
  const { tender, award, criteria, lowBidRules } = fields;
  return checkFormula({ format: DOSSIER_FORMAT, tender, award, criteria, ...(lowBidRules === undefined ? {} : { lowBidRules }) });
}
