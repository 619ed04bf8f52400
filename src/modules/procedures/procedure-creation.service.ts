/**
 * @module
 * Making a procedure and its lots in the product (issue 21, docs/procedures.md "Making a
 * procedure"), not only by importing a file: `POST /procedures` (the procedure and a draft
 * tender per lot from a template), `POST /procedures/:id/lots` (one more lot, from a
 * template or as a copy of another lot's award rules) and
 * `POST /procedures/:id/lots/:lotId/settings-copy` (one lot's award rules onto other lots).
 * Each lot is made by the service behind `POST /tenders` (`createLotTender`) and changed by
 * the one behind `PATCH /tenders/:id` (`patchTender`), so a lot stays an ordinary tender
 * with its own exact settings: sharing is a copy at one moment, never a link.
 */
import { writeTransaction } from '../../db/client.js';
import { MAX_LOTS } from '../../domain/procedure/procedure.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { prefixFieldPath } from '../../lib/field-path.js';
import { newId } from '../../lib/secrets.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { tenderFieldsOf } from '../tenders/dossier-mapping.js';
import { createLotTender, patchTender, requireInkoperOf, type LotRulesSource, type TenderView } from '../tenders/tenders.service.js';
import type { FlatTenderInput } from '../tenders/tender-input.js';
import { requireProcedureAccess, requireProcedureRole, type LotAccess, type ProcedureAccess } from './procedure-access.js';
import { awardLimitOf, drawsOf, getProcedure, inLot, type ProcedureView } from './procedures.service.js';
import type { ProcedureRow } from './procedures.queries.js';

/** A new lot's own facts, as the routes' bodies give them. */
export type NewLot = { id: string; title: string; lot?: string | undefined; estimatedValue?: number | undefined; expectedLearners?: number | undefined };

export type NewProcedure = {
  reference: string;
  title: string;
  buyer?: string | undefined;
  lots: (NewLot & { template: string })[];
};

/** The problems of one lot are reported at its path in the request (`lots[1].template`). */
function underPath<T>(prefix: string, f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'invalid-input' || prefix === '') throw error;
    const errors = (error.errors ?? []).map((e) => ({ ...e, path: prefixFieldPath(prefix, e.path) }));
    throw new AppError('invalid-input', { detail: error.detail ?? error.message, errors });
  }
}

/** A lot's tender fields: its reference is the procedure's, a hyphen and the lot id. */
function lotInput(procedure: Pick<ProcedureRow, 'reference' | 'buyer'>, lot: NewLot, defaultLot?: string): FlatTenderInput {
  const { id, title, estimatedValue, expectedLearners } = lot;
  return { reference: `${procedure.reference}-${id}`, title, buyer: procedure.buyer, lot: lot.lot ?? defaultLot, estimatedValue, expectedLearners };
}

function duplicateIds(ids: readonly string[], path: (index: number) => string): FieldError[] {
  const seen = new Set<string>();
  return ids.flatMap((id, index) => {
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    return [{ path: path(index), message: `perceel ${id} staat er al eerder in` }];
  });
}

/**
 * `POST /procedures?organisationId=` (inkoper): the procedure and one draft tender per lot,
 * each from its template as `POST /tenders {template}` makes it, in one transaction; the
 * audit trail gets `procedure.create` and per lot its `tender.create` naming the procedure.
 */
export function createProcedure(
  ctx: AppContext,
  { actor, organisationId, input }: { actor: Actor; organisationId: string; input: NewProcedure },
): ProcedureView {
  const organisation = requireInkoperOf(ctx, actor, organisationId);
  const duplicates = duplicateIds(
    input.lots.map((lot) => lot.id),
    (i) => `lots[${i}].id`,
  );
  if (duplicates.length > 0) throw new AppError('invalid-input', { detail: 'Elk perceel heeft een eigen id.', errors: duplicates });
  const id = newId();
  const createdAt = ctx.clock().toISOString();
  const fields = { reference: input.reference, title: input.title, buyer: input.buyer ?? organisation.name };
  const row: ProcedureRow = { id, organisationId, ...fields, awardLimit: null, preferences: null, draws: null, createdAt, createdBy: actor.userId };
  return writeTransaction(ctx.db, () => {
    ctx.queries.procedures.insertProcedure(row);
    const tenders = input.lots.map((lot, position) =>
      underPath(`lots[${position}]`, () =>
        createLotTender(ctx, {
          actor,
          organisationId,
          input: lotInput(row, lot),
          source: { template: lot.template },
          lot: { procedureId: id, lotId: lot.id, position },
        }),
      ),
    );
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId,
      action: 'procedure.create',
      entityType: 'procedure',
      entityId: id,
      change: {
        after: {
          procedure: fields,
          awardLimit: null,
          preferences: null,
          lots: input.lots.map((lot, i) => ({ lotId: lot.id, tenderId: (tenders[i] as TenderView).id, template: lot.template })),
          createdAt,
        },
      },
    });
    return getProcedure(ctx, { access: requireProcedureAccess(ctx, actor, id) });
  });
}

/** 409 naming each lot that is no longer draft: a procedure's lots and their rules are fixed at opening, like the formula. */
function requireDraftLots(lots: readonly LotAccess[], what: string): void {
  const opened = lots.filter(({ lot }) => lot.status !== 'draft');
  if (opened.length === 0) return;
  throw new AppError('tender-locked', {
    detail: `${what} kan niet meer: perceel ${opened.map(({ lot }) => lot.lotId).join(', ')} is al geopend. De percelen en hun regels horen bij de gepubliceerde aanbestedingsstukken.`,
  });
}

/** The award rules a copy takes from a lot: criteria (weights, scales, minimums), method and price formula, low-bid rules, envelopes. */
function rulesOf(ctx: AppContext, tenderId: string): { rules: Extract<LotRulesSource, { rules: unknown }>['rules']; lot: string } {
  const tender = ctx.queries.tenders.findTender(tenderId);
  if (tender === undefined) throw new AppError('not-found');
  const fields = tenderFieldsOf(tender, ctx.queries.tenders.listCriteria(tenderId));
  return {
    rules: { award: fields.award, criteria: fields.criteria, lowBidRules: fields.lowBidRules, envelopes: fields.tender.envelopes },
    lot: fields.tender.lot,
  };
}

/**
 * `POST /procedures/:id/lots` (inkoper, every lot draft): one more lot, last, from a template
 * or as a copy of another lot's award rules (not its bids, panel or estimate). Under a
 * `lot-order` limitation the new lot is added at the end of the published order, which must
 * name every lot; the event `procedure.lot.add` holds the limitation as it is after. Draws of
 * lots an imported file brought are voided, as by a new limitation (`draws: null` in the event).
 */
export function addLot(
  ctx: AppContext,
  { actor, access, input }: { actor: Actor; access: ProcedureAccess; input: NewLot & { template?: string | undefined; copyOf?: string | undefined } },
): ProcedureView {
  requireProcedureRole(access, ['inkoper'], 'een perceel toevoegen');
  const { template, copyOf, ...lot } = input;
  if ((template === undefined) === (copyOf === undefined)) {
    const message = 'geef precies één van template en copyOf';
    throw new AppError('invalid-input', {
      detail: 'Een nieuw perceel begint bij een sjabloon of bij een ander perceel.',
      errors: [{ path: 'template', message }],
    });
  }
  return writeTransaction(ctx.db, () => {
    const current = requireProcedureAccess(ctx, actor, access.procedure.id);
    requireDraftLots(current.lots, 'Een perceel toevoegen');
    if (current.lots.length >= MAX_LOTS) {
      throw new AppError('invalid-input', { errors: [{ path: 'id', message: `een procedure heeft hoogstens ${MAX_LOTS} percelen` }] });
    }
    if (current.lots.some((l) => l.lot.lotId === lot.id)) {
      throw new AppError('invalid-input', { detail: 'Elk perceel heeft een eigen id.', errors: [{ path: 'id', message: `perceel ${lot.id} bestaat al` }] });
    }
    const procedure = current.procedure;
    let source: LotRulesSource;
    let defaultLot: string | undefined;
    if (copyOf === undefined) source = { template: template as string };
    else {
      const from = current.lots.find((l) => l.lot.lotId === copyOf);
      if (from === undefined)
        throw new AppError('invalid-input', { errors: [{ path: 'copyOf', message: `perceel ${copyOf} bestaat niet in deze procedure` }] });
      const copied = rulesOf(ctx, from.lot.tenderId);
      source = { rules: copied.rules };
      defaultLot = copied.lot;
    }
    const position = current.lots.length;
    const tender = createLotTender(ctx, {
      actor,
      organisationId: procedure.organisationId,
      input: lotInput(procedure, lot, defaultLot),
      source,
      lot: { procedureId: procedure.id, lotId: lot.id, position },
    });
    const limit = awardLimitOf(procedure);
    const awardLimit = limit?.lotOrder === undefined ? limit : { ...limit, lotOrder: [...limit.lotOrder, lot.id] };
    if (awardLimit !== limit)
      ctx.queries.procedures.updateAwardLimit(procedure.id, { awardLimit: JSON.stringify(awardLimit), preferences: procedure.preferences });
    // A draw an imported file brought was recorded for the lots as they were; as with a new limitation, it no longer holds.
    const voidsDraws = drawsOf(procedure).draws !== undefined;
    if (voidsDraws) ctx.queries.procedures.updateDraws(procedure.id, null);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: procedure.organisationId,
      action: 'procedure.lot.add',
      entityType: 'procedure',
      entityId: procedure.id,
      change: {
        after: {
          lotId: lot.id,
          tenderId: tender.id,
          position,
          ...(copyOf === undefined ? { template } : { copyOf }),
          awardLimit,
          ...(voidsDraws ? { draws: null } : {}),
        },
      },
    });
    return getProcedure(ctx, { access: requireProcedureAccess(ctx, actor, procedure.id) });
  });
}

/**
 * `POST /procedures/:id/lots/:lotId/settings-copy {to}` (inkoper): the source lot's criteria
 * (weights, scales, minimums), award method and price formula and low-bid rules onto each
 * named draft lot, each by `patchTender` (its checks, its own `tender.update`), all in one
 * transaction. Afterwards each lot is changed on its own again: the copy is no link. The
 * envelopes stay each lot's own: they decide how its bids are registered.
 */
export function copyLotSettings(
  ctx: AppContext,
  { actor, access, lotId, to }: { actor: Actor; access: ProcedureAccess; lotId: string; to: readonly string[] },
): ProcedureView {
  requireProcedureRole(access, ['inkoper'], 'de instellingen van een perceel overnemen');
  const source = access.lots.find((l) => l.lot.lotId === lotId);
  if (source === undefined) throw new AppError('not-found', { detail: `Perceel ${lotId} bestaat niet in deze procedure.` });
  const errors: FieldError[] = [
    ...duplicateIds(to, (i) => `to[${i}]`),
    ...to.flatMap((id, i) => {
      if (id === lotId) return [{ path: `to[${i}]`, message: `perceel ${id} is het bronperceel` }];
      return access.lots.some((l) => l.lot.lotId === id) ? [] : [{ path: `to[${i}]`, message: `perceel ${id} bestaat niet in deze procedure` }];
    }),
  ];
  if (errors.length > 0) throw new AppError('invalid-input', { detail: 'De percelen om naar te kopiëren kloppen niet.', errors });
  return writeTransaction(ctx.db, () => {
    const current = requireProcedureAccess(ctx, actor, access.procedure.id);
    const targets = to.map((id) => current.lots.find((l) => l.lot.lotId === id) as LotAccess);
    requireDraftLots(targets, 'De instellingen overnemen');
    const { rules } = rulesOf(ctx, source.lot.tenderId);
    for (const target of targets) {
      inLot(target.lot.lotId, () =>
        patchTender(ctx, {
          actor,
          access: target.access,
          patch: { award: rules.award, criteria: rules.criteria, lowBidRules: rules.lowBidRules ?? null },
        }),
      );
    }
    return getProcedure(ctx, { access: requireProcedureAccess(ctx, actor, current.procedure.id) });
  });
}
