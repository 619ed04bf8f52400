/**
 * @module
 * Procedures with several lots in the server (issue 21, docs/procedures.md "In the server").
 * Each lot is a tender: importing a procedure writes the procedure and, per lot, the tender
 * exactly as `POST /tenders/import` writes a dossier, in one transaction. The procedure file
 * is rebuilt from the lots' dossiers (`procedureFile`), and the allocation is the domain's
 * `evaluateProcedure` on that file: by construction what the CLI prints for the exported file.
 * The award limitation and the schools' preferences are fixed once any lot is opened, like
 * the formula: both belong to the published tender documents.
 */
import { writeTransaction } from '../../db/client.js';
import { formatPath } from '../../domain/evaluation/dossier.schema.js';
import { evaluateProcedure, type ProcedureResult } from '../../domain/procedure/evaluate-procedure.js';
import { checkAwardLimit, checkPreferences } from '../../domain/procedure/procedure-rules.js';
import { parseProcedure } from '../../domain/procedure/procedure.schema.js';
import { PROCEDURE_FORMAT, type AwardLimit, type LotDraw, type Procedure, type ProcedureFields } from '../../domain/procedure/procedure.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { newId } from '../../lib/secrets.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { exportDossier, loadDossier } from '../evaluation/evaluation.service.js';
import { importLotTender, requireImportableDossier, requireInkoperOf } from '../tenders/tenders.service.js';
import { rolesForOrganisation } from '../organisations/organisation-access.js';
import { requireProcedureAccess, requireProcedureRole, resolveProcedureAccess, type ProcedureAccess } from './procedure-access.js';
import type { LotRow, ProcedureRow } from './procedures.queries.js';

export type Preferences = Record<string, string[]>;

export type ProcedureView = {
  id: string;
  organisationId: string;
  procedure: ProcedureFields;
  awardLimit: AwardLimit | null;
  preferences: Preferences | null;
  /** The draws of lots recorded for tied lots under the limitation, in the order recorded; empty when none. */
  draws: LotDraw[];
  lots: LotRow[];
  createdAt: string;
};

export type ProcedureAllocation = {
  lots: { lotId: string; tenderId: string; result: ProcedureResult['lots'][number]['result'] }[];
  allocation: ProcedureResult['allocation'];
};

const parseJson = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function toView(procedure: ProcedureRow, lots: LotRow[]): ProcedureView {
  const { id, organisationId, reference, title, buyer, createdAt } = procedure;
  return {
    id,
    organisationId,
    procedure: { reference, title, buyer },
    awardLimit: parseJson<AwardLimit>(procedure.awardLimit),
    preferences: parseJson<Preferences>(procedure.preferences),
    draws: parseJson<LotDraw[]>(procedure.draws) ?? [],
    lots,
    createdAt,
  };
}

/** The stored award limitation, or null for none. */
export const awardLimitOf = (procedure: Pick<ProcedureRow, 'awardLimit'>): AwardLimit | null => parseJson<AwardLimit>(procedure.awardLimit);

/** The file's optional `draws`, left out when none are recorded: a procedure without draws gives exactly the file it gave before. */
export function drawsOf(procedure: Pick<ProcedureRow, 'draws'>): { draws?: LotDraw[] } {
  const draws = parseJson<LotDraw[]>(procedure.draws);
  return draws === null || draws.length === 0 ? {} : { draws };
}

/**
 * `POST /procedures/import`: the procedure and one draft tender per lot, in one transaction.
 * A lot's tender keeps its dossier's own title (the export must give the same file back); the
 * procedure's title is on the procedure.
 */
export function importProcedure(ctx: AppContext, { actor, organisationId, file }: { actor: Actor; organisationId: string; file: unknown }): ProcedureView {
  requireInkoperOf(ctx, actor, organisationId);
  const parsed = parseProcedure(file);
  if (!parsed.ok) throw new AppError('invalid-input', { detail: 'Het procedurebestand is niet geldig.', errors: parsed.problems });
  const { procedure, awardLimit, preferences, lots, draws } = parsed.procedure;
  for (const [i, lot] of lots.entries()) requireImportableDossier(lot.dossier, `lots[${i}].dossier`);
  const id = newId();
  const createdAt = ctx.clock().toISOString();
  const row: ProcedureRow = {
    id,
    organisationId,
    ...procedure,
    awardLimit: awardLimit === undefined ? null : JSON.stringify(awardLimit),
    preferences: preferences === undefined ? null : JSON.stringify(preferences),
    draws: draws === undefined || draws.length === 0 ? null : JSON.stringify(draws),
    createdAt,
    createdBy: actor.userId,
  };
  return writeTransaction(ctx.db, () => {
    ctx.queries.procedures.insertProcedure(row);
    const tenders = lots.map((lot, position) =>
      importLotTender(ctx, { actor, organisationId, dossier: lot.dossier, lot: { procedureId: id, lotId: lot.id, position } }),
    );
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId,
      action: 'procedure.import',
      entityType: 'procedure',
      entityId: id,
      change: {
        after: {
          procedure,
          awardLimit: awardLimit ?? null,
          preferences: preferences ?? null,
          ...(row.draws === null ? {} : { draws }),
          lots: lots.map((lot, i) => ({ lotId: lot.id, tenderId: (tenders[i] as (typeof tenders)[number]).id })),
          createdAt,
        },
      },
    });
    return toView(row, ctx.queries.procedures.listLots(id));
  });
}

/**
 * `GET /procedures`: the procedures of the organisations the caller belongs to (and of the
 * regios of its gemeenten), each only when the caller may see every one of its lots.
 */
export function listProcedures(ctx: AppContext, { actor }: { actor: Actor }): ProcedureView[] {
  const direct = [...new Set(actor.memberships.map((m) => m.organisationId))];
  const viaRegion = direct.flatMap((id) => ctx.queries.tenders.listRegionsOfMember(id));
  const organisationIds = [...new Set([...direct, ...viaRegion])].filter((id) => {
    const organisation = ctx.queries.organisations.findOrganisation(id);
    return organisation !== undefined && rolesForOrganisation(ctx, actor, organisation).size > 0;
  });
  return ctx.queries.procedures.listProceduresOf(organisationIds).flatMap((procedure) => {
    const access = resolveProcedureAccess(ctx, actor, procedure.id);
    return access === undefined
      ? []
      : [
          toView(
            access.procedure,
            access.lots.map((l) => l.lot),
          ),
        ];
  });
}

/** `GET /procedures/:id`: whoever may see every lot's tender. */
export function getProcedure(_ctx: AppContext, { access }: { access: ProcedureAccess }): ProcedureView {
  return toView(
    access.procedure,
    access.lots.map((l) => l.lot),
  );
}

/** Each lot's refusal (a sealed price envelope, a role) names the lot it is about. */
export function inLot<T>(lotId: string, f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, { detail: `Perceel ${lotId}: ${error.detail ?? error.message}`, errors: error.errors });
  }
}

/** The procedure@1 file of a procedure the caller may export (inkoper, auditor on every lot). */
function fileOf(ctx: AppContext, actor: Actor, access: ProcedureAccess): Procedure {
  requireProcedureRole(access, ['inkoper', 'auditor'], 'de procedure exporteren');
  const { reference, title, buyer } = access.procedure;
  const awardLimit = parseJson<AwardLimit>(access.procedure.awardLimit);
  const preferences = parseJson<Preferences>(access.procedure.preferences);
  return {
    format: PROCEDURE_FORMAT,
    procedure: { reference, title, buyer },
    ...(awardLimit === null ? {} : { awardLimit }),
    ...(preferences === null ? {} : { preferences }),
    // Each lot's dossier exactly as GET /tenders/:id/dossier gives it, with that route's refusals.
    lots: access.lots.map(({ lot, access: lotAccess }) => ({
      id: lot.lotId,
      dossier: inLot(lot.lotId, () => exportDossier(ctx, { actor, access: lotAccess })),
    })),
    ...drawsOf(access.procedure),
  };
}

/**
 * The procedure as a procedure@1 file, rebuilt from the database: the value the letters, the
 * report's procedure part and the OCDS release of a procedure are built from.
 * @example evaluateProcedure(procedureFile(ctx, actor, id))
 */
export function procedureFile(ctx: AppContext, caller: Actor, id: string): Procedure {
  return fileOf(ctx, caller, requireProcedureAccess(ctx, caller, id));
}

/** `GET /procedures/:id/export`. */
export function exportProcedure(ctx: AppContext, { actor, access }: { actor: Actor; access: ProcedureAccess }): Procedure {
  return fileOf(ctx, actor, access);
}

/**
 * `GET /procedures/:id/allocation`: `evaluateProcedure` on the exported file, as the CLI would
 * run it (inkoper, auditor; never an evaluator). Unlike one lot's evaluation there is no
 * preview: the limitation weighs the lots against each other, so every lot must be a valid
 * dossier (every consensus score set, one bid per school); until then 409 with what is missing.
 */
export function allocateProcedure(ctx: AppContext, { actor, access }: { actor: Actor; access: ProcedureAccess }): ProcedureAllocation {
  return allocationOf(access, allocatableFile(ctx, { actor, access }));
}

/**
 * The procedure as a valid file the allocation can weigh (inkoper, auditor on every lot);
 * 409 with the problems by their path while a lot is not a complete dossier. For a caller
 * that reads more of the file than the allocation (the procedure's page: the schools' names,
 * the lots awaiting a draw), so that it is built once.
 */
export function allocatableFile(ctx: AppContext, { actor, access }: { actor: Actor; access: ProcedureAccess }): Procedure {
  requireProcedureRole(access, ['inkoper', 'auditor'], 'de toewijzing van de percelen zien');
  return weighable(fileOf(ctx, actor, access));
}

/** `GET .../allocation`'s answer for a file of `allocatableFile`. */
export function allocationOf(access: ProcedureAccess, file: Procedure): ProcedureAllocation {
  const result = evaluateProcedure(file);
  const tenderIds = new Map(access.lots.map((l) => [l.lot.lotId, l.lot.tenderId]));
  return {
    lots: result.lots.map(({ lotId, result: lotResult }) => ({ lotId, tenderId: tenderIds.get(lotId) ?? '', result: lotResult })),
    allocation: result.allocation,
  };
}

/** One lot under the award limitation: to whom it goes, who without the limitation, and why. */
export type LotAllocation = ProcedureResult['allocation'][number];

/**
 * The allocation of every lot of a procedure under its award limitation, for the award
 * decision (award.service.ts): undefined for a procedure without a limitation (each lot then
 * goes to its own winner). With a limitation a lot's winner depends on the other lots, so
 * every lot must be a complete dossier first; until then 409, the lot `about` named. No
 * access check: the callers decide about lots whose access they checked.
 */
export function allocationUnderLimit(ctx: AppContext, procedureId: string, about: string): Map<string, LotAllocation> | undefined {
  const procedure = ctx.queries.procedures.findProcedure(procedureId);
  if (procedure === undefined || procedure.awardLimit === null) return undefined;
  const parsed = parseProcedure(procedureOnRecord(ctx, procedure));
  if (!parsed.ok) {
    throw new AppError('conflict', {
      detail: `${about} valt onder de gunningsbeperking van procedure ${procedure.reference}: wie een perceel krijgt hangt af van de andere percelen, dus eerst moet elk perceel volledig beoordeeld zijn (met geopende prijzen).`,
      errors: parsed.problems,
    });
  }
  return new Map(evaluateProcedure(parsed.procedure).allocation.map((lot) => [lot.lotId, lot]));
}

/**
 * The procedure as the server holds it, each lot's dossier as stored (`loadDossier`), without
 * an access check or the export's refusals: for the award decision and the OCDS release,
 * whose callers checked access and which may not depend on the caller's role.
 */
export function procedureOnRecord(ctx: AppContext, procedure: ProcedureRow): Procedure {
  const { reference, title, buyer } = procedure;
  const awardLimit = parseJson<AwardLimit>(procedure.awardLimit);
  const preferences = parseJson<Preferences>(procedure.preferences);
  return {
    format: PROCEDURE_FORMAT,
    procedure: { reference, title, buyer },
    ...(awardLimit === null ? {} : { awardLimit }),
    ...(preferences === null ? {} : { preferences }),
    lots: ctx.queries.procedures.listLots(procedure.id).map((lot) => ({ id: lot.lotId, dossier: loadDossier(ctx, lot.tenderId) })),
    ...drawsOf(procedure),
  };
}

/**
 * `evaluateProcedure` on the procedure as held (`procedureOnRecord`); 409 with the problems by
 * their path in the file until every lot is a complete dossier, as the allocation answers.
 */
export function evaluatedOnRecord(ctx: AppContext, procedure: ProcedureRow): { procedure: Procedure; result: ProcedureResult } {
  const parsed = parsedOnRecord(ctx, procedure);
  return { procedure: parsed, result: evaluateProcedure(parsed) };
}

/** The procedure as held, checked as a file; 409 with the problems by their path until every lot is a complete dossier. */
export function parsedOnRecord(ctx: AppContext, procedure: ProcedureRow): Procedure {
  return weighable(procedureOnRecord(ctx, procedure));
}

/** The file checked as the allocation needs it; 409 with the problems by their path until every lot is a complete dossier. */
function weighable(file: Procedure): Procedure {
  const parsed = parseProcedure(file);
  if (!parsed.ok) {
    throw new AppError('conflict', {
      detail: 'De percelen kunnen nog niet tegen elkaar worden afgewogen: niet elk perceel is een volledig dossier (zie errors).',
      errors: parsed.problems,
    });
  }
  return parsed.procedure;
}

/**
 * What the award limitation makes of one lot, for that lot's own award decision: undefined
 * for a tender on its own or a lot of a procedure without a limitation. Nothing of the other
 * lots in the answer: the caller decides about this lot only.
 */
export function lotAllocationUnderLimit(ctx: AppContext, tenderId: string): LotAllocation | undefined {
  const tender = ctx.queries.tenders.findTender(tenderId);
  if (tender?.procedureId == null) return undefined;
  return allocationUnderLimit(ctx, tender.procedureId, `Perceel ${tender.lotId ?? '?'}`)?.get(tender.lotId ?? '');
}

/**
 * `PUT /procedures/:id/award-limit` (inkoper): the limitation, its rule and the schools'
 * preferences, while every lot is still draft. Checked against the lots as they are now
 * (their lot ids and the KvK numbers that bid on each).
 */
export function setAwardLimit(
  ctx: AppContext,
  { actor, access, awardLimit, preferences }: { actor: Actor; access: ProcedureAccess; awardLimit: AwardLimit | null; preferences: Preferences | null },
): ProcedureView {
  requireProcedureRole(access, ['inkoper'], 'de gunningsbeperking wijzigen');
  return writeTransaction(ctx.db, () => {
    const procedure = ctx.queries.procedures.findProcedure(access.procedure.id);
    if (procedure === undefined) throw new AppError('not-found');
    const lots = ctx.queries.procedures.listLots(procedure.id);
    const opened = lots.filter((lot) => lot.status !== 'draft');
    if (opened.length > 0) {
      throw new AppError('tender-locked', {
        detail: `De gunningsbeperking ligt vast: perceel ${opened.map((lot) => lot.lotId).join(', ')} is al geopend. Zoals de formule hoort zij bij de gepubliceerde aanbestedingsstukken.`,
      });
    }
    const errors: FieldError[] = [];
    const report = (path: readonly PropertyKey[], message: string) => errors.push({ path: formatPath(path), message });
    const asFile = lots.map((lot) => ({
      id: lot.lotId,
      dossier: { bids: ctx.queries.tenders.listBids(lot.tenderId).map((bid) => ({ provider: { kvk: bid.providerKvk } })) },
    }));
    checkAwardLimit(awardLimit ?? undefined, asFile, report);
    checkPreferences(preferences ?? undefined, awardLimit ?? undefined, asFile, report);
    if (errors.length > 0) throw new AppError('invalid-input', { detail: 'De gunningsbeperking past niet bij de percelen van de procedure.', errors });
    // A draw of lots (only from an imported file while every lot is draft) decided a tie under
    // the old limitation; a new limitation voids it rather than leave it to decide another tie.
    const draws = drawsOf(procedure).draws;
    const before = {
      awardLimit: parseJson<AwardLimit>(procedure.awardLimit),
      preferences: parseJson<Preferences>(procedure.preferences),
      ...(draws === undefined ? {} : { draws }),
    };
    const columns = {
      awardLimit: awardLimit === null ? null : JSON.stringify(awardLimit),
      preferences: preferences === null ? null : JSON.stringify(preferences),
    };
    ctx.queries.procedures.updateAwardLimit(procedure.id, columns);
    if (draws !== undefined) ctx.queries.procedures.updateDraws(procedure.id, null);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: procedure.organisationId,
      action: 'procedure.award-limit.set',
      entityType: 'procedure',
      entityId: procedure.id,
      change: { before, after: { awardLimit, preferences, ...(draws === undefined ? {} : { draws: null }) } },
    });
    return toView({ ...procedure, ...columns, draws: null }, lots);
  });
}
