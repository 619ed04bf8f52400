/**
 * @module
 * What a tender's status allows: the transitions between statuses and which data may change
 * in each. Services ask here and answer a refusal with 409 (`tender-locked`) and its message.
 *
 *   draft --open--> open --award-decision--> award-proposed --award--> awarded
 *                     ^                            |
 *                     +--- withdraw the decision --+
 *
 * | change                 | draft | open | award-proposed | awarded |
 * |------------------------|-------|------|----------------|---------|
 * | settings (criteria, weights, method, price formula, low-bid rules, tender fields) | yes | | | |
 * | bids (add, edit, delete) | yes |      |                |         |
 * | deleting the tender    | yes   |      |                |         |
 * | evaluators, conflict declarations | yes | yes |           |         |
 * | individual scores, seals, consensus scores, low-bid reviews | | yes | |   |
 * | bid corrections (clerical error, withdrawal) |  | yes |  |         |
 * | bid documents (receive)  | yes  |      |                |         |
 * | bid documents (replace, with a reason) | yes | yes |     |         |
 * | two envelopes: quality lock, price opening and its confirmation | | yes |  |    |
 *
 * Decisions, where issue 5 is silent:
 * - Bids only while draft: `open` closes bidding (spec api.md), and a bid registered once
 *   the others are known would break equal treatment.
 * - Evaluators and conflict declarations while draft or open: the panel can be formed before
 *   the bids are in, and an evaluator who declares a conflict can be replaced while scoring
 *   runs. Scoring, sealing, consensus and low-bid reviews only while open: the criteria are
 *   frozen by then, and the award decision rests on them, so they freeze with it.
 * - `award-proposed -> open` is allowed: a buyer may withdraw an award decision (after an
 *   objection during the standstill, or an error found) and evaluate again
 *   (`POST .../award-decision/withdraw`, with a reason). Nothing returns to draft, and
 *   nothing leaves `awarded`.
 * - The table knows statuses, not dates or completeness: `award` also needs the standstill
 *   to have passed (standstill.ts), and the award decision complete scores and no open
 *   low-bid review; the service checks those.
 * - A bid is edited or deleted only while draft; after the opening it cannot change silently:
 *   a clerical error is corrected with a written reason, and a bidder's withdrawal recorded,
 *   only while open, since the award decision rests on the bids as they are
 *   (docs/corrections.md). A tender is deleted only while draft: once opened, its bids are
 *   part of a procedure that has to be accounted for.
 * - Reports (evaluation report, award letters) change no tender data and are not in the
 *   table: they are made in every status, award letters typically after the decision.
 */

import { TENDER_STATUS_LABELS } from '../vocabulary/tender-statuses.js';
import { TENDER_STATUSES, type TenderStatus } from './tender-statuses.js';

export { TENDER_STATUSES, type TenderStatus };

export const TENDER_CHANGES = [
  'settings',
  'bids',
  'evaluators',
  'conflict-declarations',
  'individual-scores',
  'seals',
  'consensus-scores',
  'low-bid-reviews',
  'bid-corrections',
  'tender-deletion',
  'bid-documents',
  'document-replacements',
  'price-opening',
] as const;
export type TenderChange = (typeof TENDER_CHANGES)[number];

export type LifecycleCheck = { ok: true } | { ok: false; code: 'tender-locked'; message: string };

const LOCKED_MESSAGE = 'De aanbesteding is definitief gegund en daarmee vergrendeld; er kan niets meer worden gewijzigd.';

/** `tooEarly` for a status before the first allowed one; rules allowed from draft have none. */
type ChangeRule = { allowedIn: readonly TenderStatus[]; tooEarly?: string; tooLate: string };

const NOT_BEFORE_OPEN = 'kan pas als de aanbesteding is geopend en de criteria vastliggen';

const CHANGE_RULES: Record<TenderChange, ChangeRule> = {
  settings: {
    allowedIn: ['draft'],
    tooLate:
      'Criteria, wegingen, gunningsmethode, prijsformule en regels voor lage inschrijvingen liggen vast sinds de aanbesteding is geopend (gelijke behandeling en transparantie).',
  },
  bids: {
    allowedIn: ['draft'],
    tooLate: 'Inschrijvingen registreren kan alleen zolang de aanbesteding in voorbereiding is; bij het openen sluit de inschrijving.',
  },
  evaluators: {
    allowedIn: ['draft', 'open'],
    tooLate: 'Beoordelaars toewijzen kan alleen tot de gunningsbeslissing.',
  },
  'conflict-declarations': {
    allowedIn: ['draft', 'open'],
    tooLate: 'Een verklaring over belangenverstrengeling kan alleen tot de gunningsbeslissing worden afgelegd.',
  },
  'individual-scores': {
    allowedIn: ['open'],
    tooEarly: `Beoordelen ${NOT_BEFORE_OPEN}.`,
    tooLate: 'De beoordeling is afgesloten: de gunningsbeslissing is genomen.',
  },
  seals: {
    allowedIn: ['open'],
    tooEarly: `Scores verzegelen ${NOT_BEFORE_OPEN}.`,
    tooLate: 'De beoordeling is afgesloten: de gunningsbeslissing is genomen.',
  },
  'consensus-scores': {
    allowedIn: ['open'],
    tooEarly: `Een consensusscore vastleggen ${NOT_BEFORE_OPEN}.`,
    tooLate: 'De consensusscores liggen vast sinds de gunningsbeslissing.',
  },
  'low-bid-reviews': {
    allowedIn: ['open'],
    tooEarly: `Het onderzoek naar een abnormaal lage inschrijving ${NOT_BEFORE_OPEN}.`,
    tooLate: 'Het onderzoek naar abnormaal lage inschrijvingen is afgesloten: de gunningsbeslissing is genomen.',
  },
  'bid-corrections': {
    allowedIn: ['open'],
    tooEarly:
      'Een correctie of intrekking van een inschrijving wordt vastgelegd na het openen; zolang de aanbesteding in voorbereiding is, wijzigt of verwijdert u de inschrijving zelf.',
    tooLate:
      'Na de gunningsbeslissing kan een inschrijving niet meer worden gecorrigeerd of ingetrokken: de beslissing berust op de inschrijvingen zoals ze waren.',
  },
  'tender-deletion': {
    allowedIn: ['draft'],
    tooLate: 'Alleen een aanbesteding in voorbereiding kan worden verwijderd; een geopende aanbesteding blijft bewaard met haar inschrijvingen en beoordeling.',
  },
  // Documents come in with their bid; a wrong file can still be replaced (a new version with
  // a reason, the old one kept) while the panel scores, never after the award decision.
  'bid-documents': {
    allowedIn: ['draft'],
    tooLate:
      'Documenten van een inschrijving worden ontvangen zolang de aanbesteding in voorbereiding is; bij het openen sluit de inschrijving. Een verkeerd bestand vervangt u door een nieuwe versie met een reden (replaces en reason).',
  },
  'document-replacements': {
    allowedIn: ['draft', 'open'],
    tooLate: 'Na de gunningsbeslissing kan een document van een inschrijving niet meer worden vervangen: de beslissing berust op de documenten zoals ze waren.',
  },
  // Two envelopes: the quality is locked and the prices opened between the scoring and the
  // award decision, which rests on both (docs/two-envelopes.md).
  'price-opening': {
    allowedIn: ['open'],
    tooEarly: `De kwaliteit vergrendelen en de prijsenveloppen openen ${NOT_BEFORE_OPEN}.`,
    tooLate: 'De gunningsbeslissing is genomen: de kwaliteit en de prijzen liggen vast.',
  },
};

const TRANSITIONS: Record<TenderStatus, readonly TenderStatus[]> = {
  draft: ['open'],
  open: ['award-proposed'],
  'award-proposed': ['awarded', 'open'],
  awarded: [],
};

/** Why a move to the status is refused, when it is not already that status or locked. */
const TRANSITION_REFUSALS: Record<TenderStatus, string> = {
  draft: 'Een geopende aanbesteding kan niet terug naar de voorbereiding: de criteria liggen vast zodra de inschrijvingen bekend zijn.',
  open: 'Openen kan alleen vanuit de voorbereiding, of door de gunningsbeslissing in te trekken.',
  'award-proposed': 'Een gunningsbeslissing kan alleen worden genomen als de aanbesteding is geopend en beoordeeld.',
  awarded: 'Definitief gunnen kan pas na de gunningsbeslissing en de opschortende termijn.',
};

function refuse(message: string): LifecycleCheck {
  return { ok: false, code: 'tender-locked', message };
}

/** @example canTransition('open', 'award-proposed') // true */
export function canTransition(from: TenderStatus, to: TenderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * @example checkTransition('open', 'awarded')
 * // { ok: false, code: 'tender-locked', message: 'Definitief gunnen kan pas na de gunningsbeslissing en de opschortende termijn.' }
 */
export function checkTransition(from: TenderStatus, to: TenderStatus): LifecycleCheck {
  if (canTransition(from, to)) return { ok: true };
  if (from === 'awarded') return refuse(LOCKED_MESSAGE);
  if (from === to) return refuse(`De aanbesteding is al ${TENDER_STATUS_LABELS[to]}.`);
  return refuse(TRANSITION_REFUSALS[to]);
}

/** @example canChange('open', 'bids') // false */
export function canChange(status: TenderStatus, change: TenderChange): boolean {
  return CHANGE_RULES[change].allowedIn.includes(status);
}

/**
 * @example checkChange('award-proposed', 'consensus-scores')
 * // { ok: false, code: 'tender-locked', message: 'De consensusscores liggen vast sinds de gunningsbeslissing.' }
 */
export function checkChange(status: TenderStatus, change: TenderChange): LifecycleCheck {
  if (canChange(status, change)) return { ok: true };
  if (status === 'awarded') return refuse(LOCKED_MESSAGE);
  const rule = CHANGE_RULES[change];
  const first = TENDER_STATUSES.indexOf(rule.allowedIn[0] as TenderStatus);
  return refuse(TENDER_STATUSES.indexOf(status) < first ? (rule.tooEarly ?? rule.tooLate) : rule.tooLate);
}
