/**
 * @module
 * The link from an audit event's Dutch sentence to the event as it is stored and hashed
 * (`GET /aanbestedingen/:id/audit/:seq`, its JSON with ids and all), for the specialist;
 * the sentence is for everyone else (issue 16).
 */
import type { TenderAccess } from '../../modules/tenders/tender-access.js';
import { tenderPath } from './tender-frame.js';

export const rawEventPath = (access: TenderAccess, seq: number) => `${tenderPath(access, 'audit')}/${seq}`;

export function RawEventLink({ access, seq }: { access: TenderAccess; seq: number }) {
  return (
    <a class="utrecht-link" href={rawEventPath(access, seq)} type="application/json">
      (gebeurtenis {seq} als JSON)
    </a>
  );
}
