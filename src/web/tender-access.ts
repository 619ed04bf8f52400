/**
 * @module
 * The access of the caller to a tender it did not reach through `/aanbestedingen/:id` (the
 * list page shows counts of many tenders). Composed from the one place the membership rule
 * lives (`rolesForOrganisation`), exactly as `tenderScope` does for a single tender; the
 * services then decide with it as always. `tender-access.ts` keeps its resolver private,
 * hence this composition rather than a call.
 */
import type { Actor, AppContext } from '../http/types.js';
import { rolesForOrganisation } from '../modules/organisations/organisation-access.js';
import type { TenderAccess } from '../modules/tenders/tender-access.js';

export function accessToTender(ctx: AppContext, actor: Actor, tenderId: string): TenderAccess | undefined {
  const tender = ctx.queries.tenders.findTender(tenderId);
  const organisation = tender && ctx.queries.organisations.findOrganisation(tender.organisationId);
  if (tender === undefined || organisation === undefined) return undefined;
  const roles = rolesForOrganisation(ctx, actor, organisation);
  return roles.size === 0 ? undefined : { tender, roles };
}
