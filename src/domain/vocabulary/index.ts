/**
 * @module
 * The one Dutch vocabulary (issue 16): every internal identifier a person could otherwise
 * read (statuses, methods, rules, presets, review states, verdicts, audit actions and
 * subjects) with its Dutch label and a one-line explanation. Pages, letters, reports and the
 * command line print these labels; the list of words chosen where Dutch has two is
 * docs/vocabulary.md.
 */
import { AUDIT_ACTION_TERMS } from './audit-actions.js';
import { AUDIT_SUBJECT_TERMS } from './audit-subjects.js';
import { AWARD_LIMIT_RULE_TERMS } from './award-limit-rules.js';
import { AWARD_METHOD_TERMS } from './award-methods.js';
import { DRAW_OUTCOME_TERMS } from './draw-outcomes.js';
import { PRICE_OPENING_STAGE_TERMS } from './envelopes.js';
import { FORMULA_VERDICT_TERMS } from './formula-verdicts.js';
import { LOW_BID_PRESET_TERMS } from './low-bid-presets.js';
import { LOW_BID_RULE_TERMS } from './low-bid-rules.js';
import { REVIEW_DECISION_TERMS, REVIEW_STATE_TERMS } from './review-states.js';
import { ROLE_TERMS } from './roles.js';
import { SETTING_GROUP_TERMS } from './setting-groups.js';
import { TENDER_STATUS_TERMS } from './tender-statuses.js';
import { TIE_BREAK_TERMS } from './tie-breaks.js';
import type { Term } from './term.js';

export * from './audit-actions.js';
export * from './audit-subjects.js';
export * from './award-limit-rules.js';
export * from './award-methods.js';
export * from './draw-outcomes.js';
export * from './envelopes.js';
export * from './formula-verdicts.js';
export * from './low-bid-presets.js';
export * from './low-bid-rules.js';
export * from './review-states.js';
export * from './roles.js';
export * from './setting-groups.js';
export * from './tender-statuses.js';
export * from './tie-breaks.js';
export * from './term.js';

/** Every kind of identifier, by the name docs/vocabulary.md gives it. */
export const VOCABULARY: Readonly<Record<string, Readonly<Record<string, Term>>>> = {
  'status van een aanbesteding': TENDER_STATUS_TERMS,
  gunningsmethode: AWARD_METHOD_TERMS,
  'regel van de gunningsbeperking': AWARD_LIMIT_RULE_TERMS,
  'regel voor lage inschrijvingen': LOW_BID_RULE_TERMS,
  'set regels voor lage inschrijvingen': LOW_BID_PRESET_TERMS,
  'stand van het onderzoek': REVIEW_STATE_TERMS,
  'besluit na onderzoek': REVIEW_DECISION_TERMS,
  'uitkomst van de formulecontrole': FORMULA_VERDICT_TERMS,
  'handeling in de audittrail': AUDIT_ACTION_TERMS,
  'onderwerp in de audittrail': AUDIT_SUBJECT_TERMS,
  'onderdeel van de instellingen': SETTING_GROUP_TERMS,
  'beslisregel bij gelijke stand': TIE_BREAK_TERMS,
  'uitkomst van een vastgelegde loting': DRAW_OUTCOME_TERMS,
  rol: ROLE_TERMS,
  'stand van de prijsopening': PRICE_OPENING_STAGE_TERMS,
};

/**
 * Identifiers that are also ordinary Dutch words: finding them in a page's text proves
 * nothing ("de termijn is open", "een Europese tender"), so the scan for leaked identifiers
 * skips them. Their labels are still used wherever the id would be shown.
 */
const DUTCH_WORDS = new Set(['open', 'tender', 'criteria', 'inkoper', 'beoordelaar', 'auditor', 'admin', 'lot']);

/**
 * Every identifier of the vocabulary that must never reach a person: the keys of each
 * vocabulary, less the ones that are Dutch words themselves. The visible-text tests scan
 * pages, letters and reports for these.
 */
export function knownIdentifiers(): string[] {
  return [...new Set(Object.values(VOCABULARY).flatMap((terms) => Object.keys(terms)))].filter((id) => !DUTCH_WORDS.has(id)).sort();
}
