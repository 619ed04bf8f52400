/**
 * @module
 * A tender's status (`draft`, `open`, `award-proposed`, `awarded`). `label` is the badge and
 * the report's word; `inSentence` completes "de aanbesteding is ...".
 */
import type { TenderStatus } from '../lifecycle/tender-statuses.js';
import { labelsOf, type Term } from './term.js';

export type TenderStatusTerm = Term & { readonly inSentence: string };

export const TENDER_STATUS_TERMS: Readonly<Record<TenderStatus, TenderStatusTerm>> = {
  draft: {
    label: 'concept',
    inSentence: 'in voorbereiding',
    explanation: 'De aanbesteding wordt voorbereid: criteria, wegingen en inschrijvingen kunnen nog worden gewijzigd.',
  },
  open: {
    label: 'beoordeling loopt',
    inSentence: 'geopend',
    explanation: 'De inschrijving is gesloten en de criteria liggen vast; het panel beoordeelt de inschrijvingen.',
  },
  'award-proposed': {
    label: 'voorgenomen gunning (opschortende termijn)',
    inSentence: 'voorlopig gegund',
    explanation: 'De gunningsbeslissing is bekendgemaakt; tijdens de opschortende termijn kunnen inschrijvers bezwaar maken.',
  },
  awarded: {
    label: 'gegund',
    inSentence: 'definitief gegund',
    explanation: 'De opdracht is definitief gegund; de aanbesteding is vergrendeld.',
  },
};

/** The badge's and the report's word: "concept", "gegund". */
export const TENDER_STATUS_NAMES: Readonly<Record<TenderStatus, string>> = labelsOf(TENDER_STATUS_TERMS);

/** How a Dutch sentence names the status: "de aanbesteding is nu ...". */
export const TENDER_STATUS_LABELS: Readonly<Record<TenderStatus, string>> = Object.fromEntries(
  Object.entries<TenderStatusTerm>(TENDER_STATUS_TERMS).map(([status, term]) => [status, term.inSentence]),
) as Record<TenderStatus, string>;
