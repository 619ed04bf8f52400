/**
 * @module
 * The evaluation panel: the inkoper assigns beoordelaars, each declares (no) conflict of
 * interest, and the inkoper and auditors follow who declared and sealed, and when. Every
 * change is one transaction with its audit event.
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext, Membership } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { type DeclaredSchool, schoolsOfTender } from './declaration-subject.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { countingMemberships } from '../organisations/organisation-access.js';
import { requireChangeAllowed, requireQualityUnlocked } from '../tenders/tender-lifecycle.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';
import { formatInstantNl } from './panel-format.js';
import { isOnPanel, namesNl, PANEL_READERS, requirePanelMember, sealStatusOf, type SealStatus } from './panel-access.js';
import type { PanelMemberRow, PanelMemberWithUser } from './panel.queries.js';
import type { OrganisationRow } from '../organisations/organisations.queries.js';

export type PanelMemberView = {
  userId: string;
  name: string;
  email: string;
  assignedAt: string;
  assignedBy: string;
  /** False once the member declared a conflict of interest. */
  onPanel: boolean;
  declaration: { noConflict: boolean; remarks: string | null; declaredAt: string } | null;
  sealedAt: string | null;
};

export type PanelView = SealStatus & { members: PanelMemberView[] };

function toMemberView(member: PanelMemberWithUser): PanelMemberView {
  const { userId, name, email, assignedAt, assignedBy, declaration, declaredAt, remarks, sealedAt } = member;
  return {
    userId,
    name,
    email,
    assignedAt,
    assignedBy,
    onPanel: isOnPanel(member),
    declaration: declaration === null || declaredAt === null ? null : { noConflict: declaration === 'no-conflict', remarks, declaredAt },
    sealedAt,
  };
}

function memberView(ctx: AppContext, tenderId: string, userId: string): PanelMemberView {
  const member = ctx.queries.panel.listMembers(tenderId).find((m) => m.userId === userId);
  if (member === undefined) throw new AppError('internal');
  return toMemberView(member);
}

/**
 * `POST .../evaluators {userId}`: the user must be a beoordelaar of the tender's organisation
 * or, for a regio's tender, of one of its member gemeenten (api.md "Roles"), and must not
 * also act on the tender as inkoper or auditor (blind scoring; docs/access.md).
 */
export function assignEvaluator(ctx: AppContext, { actor, access, userId }: { actor: Actor; access: TenderAccess; userId: string }): PanelMemberView {
  requireTenderRole(access, ['inkoper'], 'beoordelaars toewijzen');
  return writeTransaction(ctx.db, () => {
    const tender = ctx.queries.tenders.findTender(access.tender.id);
    const organisation = tender && ctx.queries.organisations.findOrganisation(tender.organisationId);
    if (tender === undefined || organisation === undefined) throw new AppError('not-found');
    requireChangeAllowed(tender.status, 'evaluators');
    requireQualityUnlocked(tender);
    const user = ctx.queries.auth.findUserById(userId);
    const refusal = seatingRefusal(
      ctx,
      organisation,
      user === undefined ? undefined : { ...user, memberships: ctx.queries.auth.listMembershipsOfUser(userId) },
    );
    if (refusal !== undefined) throw refusal;
    // seatingRefusal refuses an unknown user; this only tells the compiler.
    if (user === undefined) throw new AppError('internal');
    const existing = ctx.queries.panel.findMember(tender.id, userId);
    if (existing !== undefined) {
      throw new AppError('conflict', {
        detail: isOnPanel(existing)
          ? `${user.name} zit al in het beoordelingspanel`
          : `${user.name} heeft op ${formatInstantNl(existing.declaredAt)} belangenverstrengeling verklaard en kan niet opnieuw worden toegewezen`,
      });
    }
    const row: PanelMemberRow = {
      tenderId: tender.id,
      userId,
      assignedAt: ctx.clock().toISOString(),
      assignedBy: actor.userId,
      declaration: null,
      declaredAt: null,
      remarks: null,
      sealedAt: null,
    };
    ctx.queries.panel.insertMember(row);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: 'panel.assign',
      entityType: 'panel-member',
      entityId: `${tender.id}/${userId}`,
      tenderId: tender.id,
      change: { after: { userId, name: user.name, assignedAt: row.assignedAt } },
    });
    return memberView(ctx, tender.id, userId);
  });
}

/**
 * Why `user` may not be seated on a panel of `organisation`'s tender, or undefined when it
 * may: it must be a beoordelaar that counts for the organisation, and act on it as no
 * inkoper or auditor (`officerRefusal`). The same answer for "no such user" and "someone else's
 * user": ids of other organisations do not leak.
 */
function seatingRefusal(ctx: AppContext, organisation: OrganisationRow, user: { name: string; memberships: Membership[] } | undefined): AppError | undefined {
  const counting = user === undefined ? [] : countingMemberships(ctx, user, organisation);
  const roles = new Set(counting.map((m) => m.role));
  const whose = organisation.kind === 'regio' ? `${organisation.name} of een van haar gemeenten` : organisation.name;
  if (user === undefined || roles.size === 0) {
    return new AppError('invalid-input', {
      detail: `geen gebruiker van ${whose} met dit id`,
      errors: [{ path: 'userId', message: `geen gebruiker van ${whose}` }],
    });
  }
  if (!roles.has('beoordelaar')) {
    const held = [...roles].join(', ');
    return new AppError('invalid-input', {
      detail: `${user.name} heeft bij ${whose} de rol ${held}, niet de rol beoordelaar`,
      errors: [{ path: 'userId', message: `heeft de rol ${held}, niet beoordelaar` }],
    });
  }
  return officerRefusal(ctx, user.name, counting);
}

export type EvaluatorCandidate = {
  userId: string;
  name: string;
  email: string;
  /** The organisations in which it is a beoordelaar that counts for the tender. */
  organisations: string[];
};

/**
 * `GET .../evaluator-candidates` (inkoper): the beoordelaars the inkoper can seat on this
 * tender's panel now, by name: of the tender's organisation or, for a regio, of its member
 * gemeenten, with an account that is not disabled, not on the panel yet, and whom
 * `assignEvaluator` would accept. The panel page offers them by name.
 * @example listEvaluatorCandidates(ctx, { access }) // [{ userId, name: 'Bea Beoordelaar', email, organisations: ['Gemeente Zwolle'] }]
 */
export function listEvaluatorCandidates(ctx: AppContext, { access }: { access: TenderAccess }): EvaluatorCandidate[] {
  requireTenderRole(access, ['inkoper'], 'beoordelaars toewijzen');
  const organisation = ctx.queries.organisations.findOrganisation(access.tender.organisationId);
  if (organisation === undefined) throw new AppError('not-found');
  const organisationIds = [organisation.id, ...(organisation.kind === 'regio' ? ctx.queries.organisations.listRegionMemberIds(organisation.id) : [])];
  const names = new Map(ctx.queries.organisations.findOrganisations(organisationIds).map((o) => [o.id, o.name]));
  const seated = new Set(ctx.queries.panel.listMembers(access.tender.id).map((m) => m.userId));
  const candidates = new Map<string, EvaluatorCandidate>();
  for (const member of ctx.queries.users.listMembersWithRole(organisationIds, ['beoordelaar'], { activeOnly: true })) {
    if (seated.has(member.userId)) continue;
    const known = candidates.get(member.userId);
    if (known !== undefined) {
      known.organisations.push(names.get(member.organisationId) ?? member.organisationId);
      continue;
    }
    const user = { name: member.name, memberships: ctx.queries.auth.listMembershipsOfUser(member.userId) };
    if (seatingRefusal(ctx, organisation, user) !== undefined) continue;
    candidates.set(member.userId, {
      userId: member.userId,
      name: member.name,
      email: member.email,
      organisations: [names.get(member.organisationId) ?? member.organisationId],
    });
  }
  return [...candidates.values()];
}

/**
 * 409 for someone who reads this tender as inkoper or auditor: on the panel it would score
 * knowing the prices, the low-bid reviews and (as auditor) its colleagues' scores, and the
 * panel rule of `resolveTenderAccess` would take those roles away from it on this tender.
 * The message names the person and each role with the organisation that grants it.
 */
function officerRefusal(ctx: AppContext, name: string, counting: readonly Membership[]): AppError | undefined {
  const officer = counting.filter((m) => PANEL_READERS.includes(m.role));
  if (officer.length === 0) return undefined;
  const organisations = new Map(ctx.queries.organisations.findOrganisations(officer.map((m) => m.organisationId)).map((o) => [o.id, o.name]));
  const held = namesNl(officer.map((m) => ({ name: `${m.role} bij ${organisations.get(m.organisationId) ?? m.organisationId}` })));
  return new AppError('conflict', {
    detail:
      `${name} is ${held} en kan daarom niet in het beoordelingspanel van deze aanbesteding: ` +
      'wie de aanbesteding als inkoper of auditor volgt, ziet prijzen en scores en kan niet blind beoordelen',
    errors: [{ path: 'userId', message: `${name} is ${held} en kan niet in het beoordelingspanel` }],
  });
}

/**
 * `POST .../conflict-declaration`: once per member. `noConflict: false` records the declared
 * conflict and takes the member off the panel; the row stays, as part of the record.
 * `declaredAbout` is given by the procedure's declaration (one declaration about every lot's
 * schools); without it, the tender's own schools.
 */
export function declareConflictOfInterest(
  ctx: AppContext,
  {
    actor,
    access,
    input,
    declaredAbout,
  }: { actor: Actor; access: TenderAccess; input: { noConflict: boolean; remarks?: string | undefined }; declaredAbout?: DeclaredSchool[] },
): PanelMemberView {
  return writeTransaction(ctx.db, () => {
    const tender = ctx.queries.tenders.findTender(access.tender.id);
    if (tender === undefined) throw new AppError('not-found');
    const member = requirePanelMember(ctx, access, actor);
    requireChangeAllowed(tender.status, 'conflict-declarations');
    requireQualityUnlocked(tender);
    if (member.declaration !== null) {
      throw new AppError('conflict', { detail: `u heeft uw verklaring al op ${formatInstantNl(member.declaredAt)} afgelegd` });
    }
    const remarks = input.remarks === undefined || input.remarks.trim() === '' ? null : input.remarks.trim();
    const changes = {
      declaration: input.noConflict ? ('no-conflict' as const) : ('conflict' as const),
      declaredAt: ctx.clock().toISOString(),
      remarks,
    };
    ctx.queries.panel.updateMember(tender.id, actor.userId, changes);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: input.noConflict ? 'panel.declare-no-conflict' : 'panel.declare-conflict',
      entityType: 'panel-member',
      entityId: `${tender.id}/${actor.userId}`,
      tenderId: tender.id,
      // The schools it declared about, as they stood: the record of what the declaration covers.
      change: {
        before: { declaration: null },
        after: { ...changes, onPanel: input.noConflict, declaredAbout: declaredAbout ?? schoolsOfTender(ctx, tender.id) },
      },
    });
    return memberView(ctx, tender.id, actor.userId);
  });
}

/** `GET .../panel`: members, declarations with remarks and times, who sealed and when. */
export function getPanel(ctx: AppContext, { access }: { access: TenderAccess }): PanelView {
  requireTenderRole(access, PANEL_READERS, 'het beoordelingspanel zien');
  const members = ctx.queries.panel.listMembers(access.tender.id);
  return { ...sealStatusOf(members), members: members.map(toMemberView) };
}
