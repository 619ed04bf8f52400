/**
 * @module
 * Where the art. 2.116 Aanbestedingswet review of a flagged bid stands, and its decision.
 */
import type { ReviewState } from '../evaluation/dossier.js';
import { labelsOf, type Term } from './term.js';

export const REVIEW_STATE_TERMS: Readonly<Record<ReviewState, Term>> = {
  open: { label: 'nog niet onderzocht', explanation: 'De inschrijving is gesignaleerd; de inschrijver is nog niet om een toelichting gevraagd.' },
  'explanation-requested': { label: 'toelichting gevraagd', explanation: 'De inschrijver is gevraagd de prijs toe te lichten en de termijn loopt.' },
  'explanation-received': { label: 'toelichting ontvangen', explanation: 'De toelichting is binnen en moet worden beoordeeld.' },
  'no-response': { label: 'geen reactie binnen de termijn', explanation: 'De inschrijver heeft binnen de gestelde termijn geen toelichting gegeven.' },
  accepted: { label: 'aanvaard', explanation: 'De toelichting overtuigt: de inschrijving doet gewoon mee.' },
  rejected: { label: 'afgewezen', explanation: 'De inschrijving is als abnormaal laag afgewezen en doet niet meer mee.' },
};

export type ReviewDecision = 'accepted' | 'rejected';

/** The decision in a sentence: "afgerond: aanvaard". */
export const REVIEW_DECISION_TERMS: Readonly<Record<ReviewDecision, Term>> = {
  accepted: { label: 'aanvaard', explanation: 'De prijs is na onderzoek aanvaard.' },
  rejected: { label: 'afgewezen als abnormaal laag', explanation: 'De inschrijving is na onderzoek afgewezen als abnormaal laag.' },
};

export const REVIEW_STATE_NAMES: Readonly<Record<ReviewState, string>> = labelsOf(REVIEW_STATE_TERMS);
export const REVIEW_DECISION_NAMES: Readonly<Record<ReviewDecision, string>> = labelsOf(REVIEW_DECISION_TERMS);
