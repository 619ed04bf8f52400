/**
 * @module
 * What a member of the panel declares about (issue 15): the schools that bid, by name and
 * KvK number, each once, in the order of the bids. A member sees them before declaring, and
 * only them: a conflict of interest is declared about bidders, so the bidders' names are
 * the one thing of the bids a member must know first. Prices, codes and everything else of
 * the bids stay hidden until it declares no conflict (docs/access.md).
 */
import type { Actor, AppContext } from '../../http/types.js';
import type { TenderAccess } from '../tenders/tender-access.js';
import { holdsAnyRole, PANEL_READERS, requirePanelMember } from './panel-access.js';

export type DeclaredSchool = { name: string; kvk: string };

/** The schools of a tender's bids, without any check: for the service below and the declaration's audit event. */
export function schoolsOfTender(ctx: Pick<AppContext, 'queries'>, tenderId: string): DeclaredSchool[] {
  const seen = new Set<string>();
  const schools: DeclaredSchool[] = [];
  for (const bid of ctx.queries.tenders.listBids(tenderId)) {
    const key = `${bid.providerKvk}\u0000${bid.providerName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    schools.push({ name: bid.providerName, kvk: bid.providerKvk });
  }
  return schools;
}

/**
 * `GET .../conflict-declaration`: the schools a member on the panel declares about. The
 * inkoper and auditors, who read the bids anyway, see what their panel declares about; any
 * other caller gets 403 as `requirePanelMember` decides (a member that declared a conflict
 * too: it left the panel).
 * @example getDeclarationSubject(ctx, { actor, access }) // { schools: [{ name: 'Taalhuis Flevoland', kvk: '30123456' }] }
 */
export function getDeclarationSubject(ctx: AppContext, { actor, access }: { actor: Actor; access: TenderAccess }): { schools: DeclaredSchool[] } {
  if (!holdsAnyRole(access, PANEL_READERS)) requirePanelMember(ctx, access, actor);
  return { schools: schoolsOfTender(ctx, access.tender.id) };
}
