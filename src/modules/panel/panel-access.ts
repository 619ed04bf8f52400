/**
 * @module
 * Where a caller stands on a tender's evaluation panel. A beoordelaar of the tender's
 * organisation sees nothing of a tender it is not assigned to; an assigned one sees the
 * tender, and the bids only after declaring that it has no conflict of interest (issue 5,
 * domain.md: "Evaluators declare they have no conflict of interest before they see the
 * bids"). A declared conflict takes the member off the panel for good.
 */
import type { Role } from '../../db/schema/index.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import type { TenderAccess } from '../tenders/tender-access.js';
import { formatInstantNl } from './panel-format.js';
import type { PanelMemberRow, PanelMemberWithUser } from './panel.queries.js';

/** Roles that read a tender's panel, scores and consensus view; a beoordelaar reads only its own. */
export const PANEL_READERS: readonly Role[] = ['inkoper', 'auditor'];

export function isOnPanel(member: Pick<PanelMemberRow, 'declaration'>): boolean {
  return member.declaration !== 'conflict';
}

export function holdsAnyRole(access: TenderAccess, roles: readonly Role[]): boolean {
  return roles.some((role) => access.roles.has(role));
}

/** The caller's active panel membership, if it is a beoordelaar on the panel. */
export function findOwnMembership(ctx: AppContext, access: TenderAccess, actor: Actor): PanelMemberRow | undefined {
  if (!access.roles.has('beoordelaar')) return undefined;
  const member = ctx.queries.panel.findMember(access.tender.id, actor.userId);
  return member !== undefined && isOnPanel(member) ? member : undefined;
}

/**
 * The caller's panel membership; 403 for a beoordelaar that is not (or no longer) on the
 * panel, and for every other role.
 */
export function requirePanelMember(ctx: AppContext, access: TenderAccess, actor: Actor): PanelMemberRow {
  if (!access.roles.has('beoordelaar')) {
    throw new AppError('forbidden', { detail: 'alleen een beoordelaar uit het beoordelingspanel kan dit doen' });
  }
  const member = ctx.queries.panel.findMember(access.tender.id, actor.userId);
  if (member === undefined) {
    throw new AppError('forbidden', { detail: 'u bent niet als beoordelaar aan deze aanbesteding toegewezen' });
  }
  if (!isOnPanel(member)) {
    throw new AppError('forbidden', {
      detail: `u heeft op ${formatInstantNl(member.declaredAt)} belangenverstrengeling verklaard en maakt geen deel meer uit van het beoordelingspanel`,
    });
  }
  return member;
}

/** As `requirePanelMember`, and the member has declared that it has no conflict of interest. */
export function requireDeclaredMember(ctx: AppContext, access: TenderAccess, actor: Actor): PanelMemberRow {
  const member = requirePanelMember(ctx, access, actor);
  if (member.declaration !== 'no-conflict') {
    throw new AppError('forbidden', {
      detail:
        'verklaar eerst dat u geen belangenverstrengeling heeft (POST /api/v1/tenders/{id}/conflict-declaration); ' +
        'pas daarna ziet u de inschrijvingen en kunt u scoren',
    });
  }
  return member;
}

export type SealStatus = {
  /** Every member on the panel has sealed; true for a tender without a panel. */
  allSealed: boolean;
  sealed: { userId: string; name: string; sealedAt: string }[];
  pending: { userId: string; name: string }[];
};

/** Who on the panel has sealed, in order of assignment. */
export function sealStatusOf(members: readonly PanelMemberWithUser[]): SealStatus {
  const onPanel = members.filter(isOnPanel);
  const sealed = onPanel.flatMap((m) => (m.sealedAt === null ? [] : [{ userId: m.userId, name: m.name, sealedAt: m.sealedAt }]));
  const pending = onPanel.filter((m) => m.sealedAt === null).map((m) => ({ userId: m.userId, name: m.name }));
  return { allSealed: pending.length === 0, sealed, pending };
}

/** "Anna de Vries en Bert Jansen" */
export function namesNl(people: readonly { name: string }[]): string {
  const names = people.map((p) => p.name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names.at(-1) ?? ''}`;
}
