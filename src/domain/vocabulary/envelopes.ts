/**
 * @module
 * A tender's envelopes (`one`, `two`): the settings page's choice and the overview's words.
 * Not in `VOCABULARY`'s identifier scan: `one` and `two` are ordinary English words that the
 * scan would find in names and texts without proving a leak.
 */
import type { Tender } from '../evaluation/dossier.js';
import { labelsOf, type Term } from './term.js';

export const ENVELOPE_TERMS: Readonly<Record<NonNullable<Tender['envelopes']>, Term>> = {
  one: {
    label: 'één envelop (kwaliteit en prijs samen)',
    explanation: 'De prijs wordt bij de inschrijving geregistreerd; beoordelaars zien hem niet, tenzij de aanbesteding dat toestaat.',
  },
  two: {
    label: 'twee enveloppen (prijs verzegeld tot de kwaliteit is vergrendeld)',
    explanation:
      'De inschrijving wordt zonder prijs geregistreerd; de prijsenveloppen gaan pas open als de kwaliteitsscores zijn vergrendeld, door twee inkopers.',
  },
};

export const ENVELOPE_NAMES = labelsOf(ENVELOPE_TERMS);
