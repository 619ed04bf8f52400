/**
 * @module
 * What an audit event is about (`audit_events.entity_type`), as a noun on the audit page:
 * "inschrijving Taalhuis (B3)" instead of "bid B3".
 */
import type { Term } from './term.js';

const term = (label: string, explanation: string): Term => ({ label, explanation });

export const AUDIT_SUBJECT_TERMS = {
  tender: term('aanbesteding', 'De aanbesteding zelf: gegevens, criteria, status.'),
  bid: term('inschrijving', 'Een inschrijving van een school.'),
  'consensus-score': term('consensusscore', 'De score die het panel samen vaststelt voor een inschrijving op een criterium.'),
  'individual-score': term('individuele score', 'De score van één beoordelaar voor een inschrijving op een criterium.'),
  'panel-member': term('panellid', 'Een beoordelaar in het panel van de aanbesteding.'),
  report: term('rapport', 'Een ondertekend beoordelingsrapport of een gunningsbrief.'),
  provider: term('school', 'Een taalschool in het register van inschrijvers.'),
  organisation: term('organisatie', 'Een gemeente of regio.'),
  user: term('gebruiker', 'Een account van een persoon.'),
  'api-token': term('API-sleutel', 'Een sleutel waarmee een ander systeem de koppeling gebruikt.'),
} as const satisfies Record<string, Term>;

export type AuditSubject = keyof typeof AUDIT_SUBJECT_TERMS;

export function auditSubjectLabel(entityType: string): string {
  return Object.hasOwn(AUDIT_SUBJECT_TERMS, entityType) ? AUDIT_SUBJECT_TERMS[entityType as AuditSubject].label : entityType;
}
