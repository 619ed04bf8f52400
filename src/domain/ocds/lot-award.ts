/**
 * @module
 * One lot's award in OCDS (`awards[]`): the winner's bid, value and school, tied to its lot
 * (`relatedLots`, lots extension) and bid (`relatedBids`, bids extension). Its status follows
 * the decision: `pending` during the standstill (the codelist's cooling-off period), `active`
 * once final (status-mapping.ts). A single tender has one (build-release-package.ts), a
 * procedure one per awarded lot (build-procedure-release.ts).
 */
import type { Bid } from '../evaluation/dossier.js';
import type { TenderStatus } from '../lifecycle/tender-status.js';
import { centsToEuros } from '../money.js';
import { tendererReference } from './parties.js';
import type { OcdsAward } from './release-types.js';
import { ocdsAwardStatus } from './status-mapping.js';

export type LotAwardInput = {
  /** The status of the decision on this lot, its date and the last day of its standstill. */
  status: TenderStatus;
  awardDecisionAt?: string | undefined;
  standstillEndsOn?: string | undefined;
  lotId: string;
  /** The lot's name as the tender documents give it ("B1-route"). */
  lotTitle: string;
  winner: Bid;
  winnerCents: number;
  names: ReadonlyMap<string, string>;
  /** The winning bid's OCDS id (`bids.details[].id`). */
  relatedBid: string;
  /** A sentence after the award's own description: a procedure's allocation reason. */
  note?: string | undefined;
};

/** Null while the status has no award yet (draft, open). */
export function buildLotAward(input: LotAwardInput): OcdsAward | null {
  const status = ocdsAwardStatus(input.status);
  if (status === null) return null;
  const until = input.standstillEndsOn;
  const description =
    status === 'pending'
      ? 'Voorlopige gunning: de gunningsbeslissing is genomen, de overeenkomst nog niet gesloten.' +
        (until === undefined ? '' : ` De opschortende termijn loopt tot en met ${until}.`)
      : `Definitieve gunning na afloop van de opschortende termijn${until === undefined ? '' : ` (tot en met ${until})`}.`;
  const award: OcdsAward = {
    id: `award-${input.lotId}`,
    title: `Gunning perceel ${input.lotTitle}`,
    description: input.note === undefined ? description : `${description} ${input.note}`,
    status,
    value: { amount: centsToEuros(input.winnerCents), currency: 'EUR' },
    suppliers: [tendererReference(input.winner.provider.kvk, input.names)],
    relatedBids: [input.relatedBid],
    relatedLots: [input.lotId],
  };
  if (input.awardDecisionAt !== undefined) award.date = input.awardDecisionAt;
  return award;
}
