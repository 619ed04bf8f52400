/**
 * @module
 * The roles a person holds in an organisation (`memberships.role`). The ids are Dutch
 * already except `admin`; the labels are what a sentence says ("alleen een inkoper mag ...").
 */
import { labelsOf, type Term } from './term.js';

/** The same union as `Role` in the database schema (which the domain does not import). */
export type RoleId = 'admin' | 'inkoper' | 'beoordelaar' | 'auditor';

export const ROLE_TERMS: Readonly<Record<RoleId, Term>> = {
  admin: { label: 'beheerder', explanation: 'Beheert de gebruikers en hun rollen in de organisatie.' },
  inkoper: { label: 'inkoper', explanation: 'Bereidt de aanbesteding voor, registreert inschrijvingen, leidt het onderzoek en neemt de gunningsbeslissing.' },
  beoordelaar: { label: 'beoordelaar', explanation: 'Beoordeelt als lid van het panel de kwaliteit van de inschrijvingen.' },
  auditor: { label: 'auditor', explanation: 'Leest alles en wijzigt niets; controleert de beoordeling en de audittrail.' },
};

export const ROLE_NAMES: Readonly<Record<RoleId, string>> = labelsOf(ROLE_TERMS);

/** "een inkoper of een auditor" */
export function rolesInSentence(roles: readonly RoleId[]): string {
  const named = roles.map((role) => `een ${ROLE_NAMES[role]}`);
  return named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} of ${named.at(-1) ?? ''}`;
}
