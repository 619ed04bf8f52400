/**
 * @module
 * Who may read the regional comparison, and whose bids it shows them. The one place both
 * rules live: the JSON route and the page go through `compareRegionTenders`, which asks here.
 *
 * Reading the comparison: the admins, inkopers and auditors of the regio or of a member
 * gemeente. A beoordelaar gets 403 (the comparison shows prices); anyone else 404, as for a
 * tender (no existence leak).
 *
 * Whose bids: the comparison is the region's shared view, but a bid's price is confidential
 * until the award (the bidders' business secret, and the buyer's: another gemeente that sees
 * the prices of a running tender learns what to expect in its own, and an evaluator who sees
 * them no longer scores blind). So a tender counts for a caller when
 * - it is `awarded` (the award is final; whoever reads the comparison sees it), or
 * - it is `open` or `award-proposed` and the caller holds `inkoper` or `auditor` for the
 *   tender's own organisation (for a regio's tender also through a member gemeente, as for
 *   the tender itself: `rolesForOrganisation`), and has no row in the tender's panel table,
 *   whatever its declaration: a member of the panel scores without prices (blind scoring),
 *   and one who declared a conflict has no business seeing them either.
 * A draft never counts: its bids are not final. The filters act only on what counts, so
 * no status or period can narrow the comparison to an unawarded tender of someone else,
 * and every statistic (quartiles, fences, trends, medians) is made of counted bids only.
 */
import type { Role, TenderStatus } from '../../db/schema/index.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { rolesForOrganisation } from '../organisations/organisation-access.js';
import type { OrganisationRow } from '../organisations/organisations.queries.js';

export const COMPARISON_READERS: readonly Role[] = ['admin', 'inkoper', 'auditor'];

/** Roles of a tender's own organisation that see its bids in the comparison before the award. */
export const EARLY_COMPARISON_ROLES: readonly Role[] = ['inkoper', 'auditor'];

/** What the rule needs to know of one tender and the caller's place in it. */
export type ComparisonStanding = {
  status: TenderStatus;
  /** The caller holds one of `EARLY_COMPARISON_ROLES` for the tender's organisation. */
  ownsTender: boolean;
  /** The caller has a row in the tender's panel table (any declaration, or none yet). */
  onPanel: boolean;
};

/**
 * Whether a tender's bids count in the caller's comparison.
 * @example countsInComparison({ status: 'open', ownsTender: true, onPanel: false }) // true
 * @example countsInComparison({ status: 'award-proposed', ownsTender: false, onPanel: false }) // false
 */
export function countsInComparison({ status, ownsTender, onPanel }: ComparisonStanding): boolean {
  switch (status) {
    case 'awarded':
      return true;
    case 'open':
    case 'award-proposed':
      return ownsTender && !onPanel;
    case 'draft':
      return false;
  }
}

/** A tender as the region listing gives it: its organisation, status and the caller's panel row. */
export type ListedTender = { organisationId: string; status: TenderStatus; callerOnPanel: boolean };

/**
 * The rule for one caller, as a predicate over the region's tenders; whether the caller owns
 * an organisation's tenders is decided once per organisation.
 * @example const counts = comparisonVisibility(ctx, actor); keys.filter(counts)
 */
export function comparisonVisibility(ctx: AppContext, actor: Actor): (tender: ListedTender) => boolean {
  const owns = new Map<string, boolean>();
  const ownsTendersOf = (organisationId: string): boolean => {
    let answer = owns.get(organisationId);
    if (answer === undefined) {
      const organisation = ctx.queries.organisations.findOrganisation(organisationId);
      const roles = organisation === undefined ? new Set<Role>() : rolesForOrganisation(ctx, actor, organisation);
      answer = EARLY_COMPARISON_ROLES.some((role) => roles.has(role));
      owns.set(organisationId, answer);
    }
    return answer;
  };
  return (tender) => countsInComparison({ status: tender.status, ownsTender: ownsTendersOf(tender.organisationId), onPanel: tender.callerOnPanel });
}

/** The regio, if the actor may read its comparison; otherwise the refusal. */
export function requireRegionReader(ctx: AppContext, actor: Actor, regionId: string): OrganisationRow {
  const organisation = ctx.queries.organisations.findOrganisation(regionId);
  const roles = organisation === undefined ? new Set<Role>() : rolesForOrganisation(ctx, actor, organisation);
  if (organisation === undefined || roles.size === 0) throw new AppError('not-found', { detail: `regio ${regionId} niet gevonden` });
  if (organisation.kind !== 'regio') {
    const regions = ctx.queries.organisations.findOrganisations(ctx.queries.tenders.listRegionsOfMember(organisation.id));
    const hint =
      regions.length === 0 ? 'Deze gemeente hoort bij geen regio.' : `Vraag de vergelijking op bij ${regions.map((r) => `${r.name} (${r.id})`).join(' of ')}.`;
    throw new AppError('not-found', {
      detail: `${organisation.name} is een gemeente, geen regio: de regiovergelijking bestaat alleen voor een regio. ${hint}`,
    });
  }
  if (!COMPARISON_READERS.some((role) => roles.has(role))) {
    throw new AppError('forbidden', {
      detail: 'een beoordelaar ziet de regiovergelijking niet: die toont de prijzen van de inschrijvingen',
    });
  }
  return organisation;
}
