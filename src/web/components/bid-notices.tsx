/**
 * @module
 * What the panel is told of a bid that changed after the opening: each correction of an
 * obvious clerical error with its date and reason, and a withdrawal with its date and
 * reason. Never a figure: the evaluators score quality without the prices (docs/access.md),
 * and `listBids` gives them the reasons only.
 */
import type { EvaluatorBidView } from '../../modules/bids/bids.service.js';
import { bidLabel } from '../../domain/bid-label.js';
import { formatInstantDate, formatIsoDate } from '../format.js';
import { Notice } from './alerts.js';

export function BidNoticesForPanel({ bid }: { bid: Pick<EvaluatorBidView, 'id' | 'provider' | 'withdrawal' | 'corrections'> }) {
  return (
    <>
      {bid.withdrawal === undefined ? null : (
        <Notice kind="warning">
          De inschrijving van {bidLabel(bid.id, bid.provider.name)} is ingetrokken door de inschrijver (ontvangen op {formatIsoDate(bid.withdrawal.receivedOn)})
          en doet niet meer mee; u hoeft haar niet meer te beoordelen. Reden: {bid.withdrawal.reason}
        </Notice>
      )}
      {(bid.corrections ?? []).map((correction) => (
        <Notice>
          Op {formatInstantDate(correction.correctedAt)} is een kennelijke verschrijving in de prijs van inschrijving {bid.id} gecorrigeerd. Reden:{' '}
          {correction.reason}
        </Notice>
      ))}
    </>
  );
}
