/**
 * @module
 * One panel for a whole procedure (issue 21): the inkoper seats a beoordelaar on the panel of
 * every lot at once, and the beoordelaar declares once about every school of the procedure.
 * Each lot stays a tender with its own panel: every lot's seat and declaration goes through
 * the tender's own service function (`assignEvaluator`, `declareConflictOfInterest`), with its
 * rules and its own audit event, all lots in ONE transaction, so a lot that refuses refuses
 * the whole call and nothing is written on any lot (docs/procedures.md, "In the server").
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { type DeclaredSchool, schoolsOfTender } from '../panel/declaration-subject.js';
import { isOnPanel, PANEL_READERS, requirePanelMember } from '../panel/panel-access.js';
import { assignEvaluator, declareConflictOfInterest, type EvaluatorCandidate, listEvaluatorCandidates } from '../panel/panel.service.js';
import { requireProcedureRole, type ProcedureAccess } from './procedure-access.js';
import { inLot } from './procedures.service.js';

/** Where a member stands on one lot's panel; `assigned: false` when it is not on that lot's panel at all. */
export type LotSeat = {
  lotId: string;
  tenderId: string;
  assigned: boolean;
  onPanel: boolean;
  declaration: 'no-conflict' | 'conflict' | null;
  declaredAt: string | null;
  sealedAt: string | null;
};

export type ProcedurePanelMember = { userId: string; name: string; email: string; lots: LotSeat[] };

/** Every member of any lot's panel, in the order of the lots and then of assignment, with its seat on every lot. */
function panelOf(ctx: AppContext, access: ProcedureAccess): ProcedurePanelMember[] {
  const members = new Map<string, ProcedurePanelMember>();
  const perLot = access.lots.map(({ lot }) => ({ lot, seats: new Map(ctx.queries.panel.listMembers(lot.tenderId).map((m) => [m.userId, m])) }));
  for (const { seats } of perLot) {
    for (const m of seats.values()) if (!members.has(m.userId)) members.set(m.userId, { userId: m.userId, name: m.name, email: m.email, lots: [] });
  }
  for (const member of members.values()) {
    member.lots = perLot.map(({ lot, seats }) => {
      const seat = seats.get(member.userId);
      return {
        lotId: lot.lotId,
        tenderId: lot.tenderId,
        assigned: seat !== undefined,
        onPanel: seat !== undefined && isOnPanel(seat),
        declaration: seat?.declaration ?? null,
        declaredAt: seat?.declaredAt ?? null,
        sealedAt: seat?.sealedAt ?? null,
      };
    });
  }
  return [...members.values()];
}

function memberOf(ctx: AppContext, access: ProcedureAccess, userId: string): ProcedurePanelMember {
  const member = panelOf(ctx, access).find((m) => m.userId === userId);
  if (member === undefined) throw new AppError('internal');
  return member;
}

/** `GET /procedures/:id/evaluators` (inkoper, auditor on every lot): who sits on which lot's panel, declared and sealed. */
export function getProcedurePanel(ctx: AppContext, { access }: { access: ProcedureAccess }): ProcedurePanelMember[] {
  requireProcedureRole(access, PANEL_READERS, 'het beoordelingspanel zien');
  return panelOf(ctx, access);
}

/**
 * `POST /procedures/:id/evaluators {userId}` (inkoper): the user joins every lot's panel, each
 * through `assignEvaluator` (its refusals name the lot), plus one `procedure.panel.add` event.
 */
export function addProcedureEvaluator(
  ctx: AppContext,
  { actor, access, userId }: { actor: Actor; access: ProcedureAccess; userId: string },
): ProcedurePanelMember {
  requireProcedureRole(access, ['inkoper'], 'beoordelaars toewijzen');
  return writeTransaction(ctx.db, () => {
    const seated = access.lots.map(({ lot, access: lotAccess }) => {
      const member = inLot(lot.lotId, () => assignEvaluator(ctx, { actor, access: lotAccess, userId }));
      return { lotId: lot.lotId, tenderId: lot.tenderId, assignedAt: member.assignedAt, name: member.name };
    });
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: access.procedure.organisationId,
      action: 'procedure.panel.add',
      entityType: 'procedure',
      entityId: access.procedure.id,
      change: {
        after: { userId, name: seated[0]?.name ?? '', lots: seated.map(({ lotId, tenderId, assignedAt }) => ({ lotId, tenderId, assignedAt })) },
      },
    });
    return memberOf(ctx, access, userId);
  });
}

/** Every school of the procedure, each once by KvK number, in the order of the lots and their bids. */
export function schoolsOfProcedure(ctx: AppContext, access: ProcedureAccess): DeclaredSchool[] {
  const byKvk = new Map<string, DeclaredSchool>();
  for (const { lot } of access.lots) for (const school of schoolsOfTender(ctx, lot.tenderId)) if (!byKvk.has(school.kvk)) byKvk.set(school.kvk, school);
  return [...byKvk.values()];
}

/**
 * `GET /procedures/:id/declaration`: the schools the procedure's declaration is about, as the
 * tender's `GET .../conflict-declaration` gives a lot's: to a beoordelaar on every lot's panel
 * (also before it declares: only names and KvK numbers), and to the inkoper and auditors.
 * @example getProcedureDeclarationSubject(ctx, { actor, access }) // { schools: [{ name: 'Taalhuis Flevoland', kvk: '30123456' }] }
 */
export function getProcedureDeclarationSubject(ctx: AppContext, { actor, access }: { actor: Actor; access: ProcedureAccess }): { schools: DeclaredSchool[] } {
  if (!PANEL_READERS.some((role) => access.roles.has(role))) {
    requireProcedureRole(access, ['beoordelaar'], 'de scholen van de verklaring zien');
    for (const { lot, access: lotAccess } of access.lots) inLot(lot.lotId, () => requirePanelMember(ctx, lotAccess, actor));
  }
  return { schools: schoolsOfProcedure(ctx, access) };
}

export type ProcedureDeclarationInput = { noConflict: boolean; conflictWith?: string[] | undefined; remarks?: string | undefined };

/**
 * `POST /procedures/:id/declaration` (the beoordelaar, on every lot's panel): one declaration
 * about every school of the procedure, recorded on every lot by `declareConflictOfInterest`
 * with the whole list as `declaredAbout`. A conflict is a conflict with schools: with
 * `conflictWith` (KvK numbers) the member declares the conflict, and leaves the panel, on each
 * lot where one of them bid, and no conflict on the other lots (none of their bidders is one
 * it has an interest in); without it, a conflict on every lot.
 */
export function declareForProcedure(
  ctx: AppContext,
  { actor, access, input }: { actor: Actor; access: ProcedureAccess; input: ProcedureDeclarationInput },
): ProcedurePanelMember {
  requireProcedureRole(access, ['beoordelaar'], 'een verklaring over belangenverstrengeling afleggen');
  const schools = schoolsOfProcedure(ctx, access);
  const conflictWith = new Set(input.conflictWith ?? []);
  if (input.noConflict && conflictWith.size > 0) {
    throw new AppError('invalid-input', {
      detail: 'Wie geen belangenverstrengeling verklaart, noemt geen scholen.',
      errors: [{ path: 'conflictWith', message: 'alleen bij noConflict: false' }],
    });
  }
  const known = new Set(schools.map((s) => s.kvk));
  const unknown = [...(input.conflictWith ?? []).entries()].filter(([, kvk]) => !known.has(kvk));
  if (unknown.length > 0) {
    throw new AppError('invalid-input', {
      detail: 'Niet elk genoemd KvK-nummer is van een school die in deze procedure inschreef.',
      errors: unknown.map(([i, kvk]) => ({ path: `conflictWith[${i}]`, message: `${kvk} is geen school die in deze procedure inschreef` })),
    });
  }
  return writeTransaction(ctx.db, () => {
    for (const { lot, access: lotAccess } of access.lots) {
      const conflict =
        !input.noConflict && (conflictWith.size === 0 || ctx.queries.tenders.listBids(lot.tenderId).some((bid) => conflictWith.has(bid.providerKvk)));
      inLot(lot.lotId, () =>
        declareConflictOfInterest(ctx, { actor, access: lotAccess, input: { noConflict: !conflict, remarks: input.remarks }, declaredAbout: schools }),
      );
    }
    return memberOf(ctx, access, actor.userId);
  });
}

/**
 * The beoordelaars the inkoper can seat on the panel of every lot now: those the tender's own
 * `listEvaluatorCandidates` offers on each lot (the same rules as `assignEvaluator`), in the
 * first lot's order. Someone already on one lot's panel is left out: the procedure's call
 * would refuse it, and it is added per lot on that lot's panel page.
 * @example listProcedureEvaluatorCandidates(ctx, { access }) // [{ userId, name: 'Bea Beoordelaar', email, organisations: ['Gemeente Zwolle'] }]
 */
export function listProcedureEvaluatorCandidates(ctx: AppContext, { access }: { access: ProcedureAccess }): EvaluatorCandidate[] {
  requireProcedureRole(access, ['inkoper'], 'beoordelaars toewijzen');
  const [first, ...rest] = access.lots.map(({ access: lotAccess }) => listEvaluatorCandidates(ctx, { access: lotAccess }));
  const everywhere = rest.map((candidates) => new Set(candidates.map((c) => c.userId)));
  return (first ?? []).filter((candidate) => everywhere.every((ids) => ids.has(candidate.userId)));
}

/**
 * The caller's own seat on every lot (a beoordelaar of the procedure: on every lot's panel,
 * also after a declared conflict took it off some), for its page after the declaration.
 * @example getOwnProcedureSeat(ctx, { actor, access }).lots[0] // { lotId: 'L1', onPanel: true, declaration: 'no-conflict', ... }
 */
export function getOwnProcedureSeat(ctx: AppContext, { actor, access }: { actor: Actor; access: ProcedureAccess }): ProcedurePanelMember {
  requireProcedureRole(access, ['beoordelaar'], 'de eigen plaats in het beoordelingspanel zien');
  return memberOf(ctx, access, actor.userId);
}
