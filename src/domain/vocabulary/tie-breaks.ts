/**
 * @module
 * The tie-break rules of `award.tieBreak` (spec evaluation.md, ties): applied in the order the
 * tender publishes them when two bids end with the same total.
 */
import type { TieBreak } from '../evaluation/dossier.js';
import { labelsOf, type Term } from './term.js';

export const TIE_BREAK_TERMS: Readonly<Record<TieBreak, Term>> = {
  quality: { label: 'hoogste kwaliteit', explanation: 'Bij gelijke totaalscore wint de inschrijving met de meeste kwaliteitspunten.' },
  price: { label: 'laagste prijs', explanation: 'Bij gelijke totaalscore wint de inschrijving met de laagste prijs.' },
  lot: { label: 'loting', explanation: 'Bij gelijke stand na de andere regels beslist een loting, vastgelegd in de audittrail.' },
};

export const TIE_BREAK_NAMES: Readonly<Record<TieBreak, string>> = labelsOf(TIE_BREAK_TERMS);
