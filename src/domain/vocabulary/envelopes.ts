/**
 * @module
 * A tender's envelopes (`one`, `two`): the settings page's choice and the overview's words,
 * and the stages of the price opening (`priceOpening.stage`), whose ids are in the scan.
 * Not in `VOCABULARY`'s identifier scan: `one` and `two` are ordinary English words that the
 * scan would find in names and texts without proving a leak.
 */
import type { EnvelopeStage } from '../envelopes/price-opening.js';
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

/** Where the price opening of a two-envelope tender stands (`priceOpening.stage`). */
export const PRICE_OPENING_STAGE_TERMS: Readonly<Record<Exclude<EnvelopeStage, 'one-envelope'>, Term>> = {
  sealed: {
    label: 'prijsenveloppen verzegeld',
    explanation: 'Het panel beoordeelt de kwaliteit; niemand kent een prijs.',
  },
  'quality-locked': {
    label: 'kwaliteitsscores vergrendeld',
    explanation: 'De kwaliteitsscores liggen vast; een inkoper mag de prijsenveloppen openen en de prijzen invoeren.',
  },
  'prices-entered': {
    label: 'prijzen ingevoerd, wacht op bevestiging',
    explanation: 'Een inkoper heeft de prijzen ingevoerd; een tweede inkoper leest de prijsenveloppen opnieuw en bevestigt. Tot dan ziet niemand een bedrag.',
  },
  'prices-confirmed': {
    label: 'prijzen bevestigd',
    explanation: 'Twee inkopers lazen dezelfde prijzen; het proces-verbaal van opening is ondertekend en de beoordeling op prijs loopt.',
  },
};

export const PRICE_OPENING_STAGE_NAMES = labelsOf(PRICE_OPENING_STAGE_TERMS);
