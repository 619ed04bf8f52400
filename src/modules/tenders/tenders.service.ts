/**
 * @module
 * Tenders: create, import, list, read, change while draft, open. Every write is one
 * transaction with its audit event. After `open` the criteria, weights, method and low-bid
 * rules are frozen (equal treatment: they must be known before the bids are opened).
 */
import type { AuditAction } from '../../domain/vocabulary/audit-actions.js';
import { writeTransaction } from '../../db/client.js';
import type { Role } from '../../db/schema/index.js';
import type { Dossier } from '../../domain/evaluation/dossier.js';
import type { Actor, AppContext } from '../../http/types.js';
import type { VersionedCache } from '../../lib/versioned-cache.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { newId } from '../../lib/secrets.js';
import { dossierFromTemplate } from '../../domain/templates/dossier-from-template.js';
import { getTemplate } from '../templates/templates.service.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { rolesForOrganisation } from '../organisations/organisation-access.js';
import { criterionRows, dossierRows, tenderColumns, tenderFieldsOf, type TenderFields } from './dossier-mapping.js';
import { awardAllowedOn } from '../../domain/lifecycle/standstill.js';
import { findOwnMembership } from '../panel/panel-access.js';
import { requireTenderRole, tenderRowOf, type TenderAccess } from './tender-access.js';
import { checkTransition } from '../../domain/lifecycle/tender-status.js';
import { requireChangeAllowed } from './tender-lifecycle.js';
import { parseImportedDossier, parseTenderFields, type FlatTenderInput } from './tender-input.js';
import type { TenderRow } from './tenders.queries.js';
import { envelopeStage, type EnvelopeStage } from '../../domain/envelopes/price-opening.js';
import { confirmFormulaForOpening, type OpenConfirmation } from '../formula-check/formula-check.service.js';

/** Roles that see a tender; a beoordelaar sees only the tenders on whose panel it sits. */
export const TENDER_READERS: readonly Role[] = ['admin', 'inkoper', 'auditor'];

export type AwardDecisionSummary = { decidedAt: string; winner: string; standstillEndsOn: string; awardAllowedOn: string };

export type TenderView = TenderFields & {
  id: string;
  organisationId: string;
  status: TenderRow['status'];
  showPricesToEvaluators: boolean;
  createdAt: string;
  updatedAt: string;
  openedAt: string | null;
  awardDecision: AwardDecisionSummary | null;
  awardedAt: string | null;
  /** Two envelopes: where the price opening stands (null for one envelope); never a price. */
  priceOpening: PriceOpeningSummary | null;
};

export type PriceOpeningSummary = {
  stage: Exclude<EnvelopeStage, 'one-envelope'>;
  qualityLockedAt: string | null;
  pricesEnteredAt: string | null;
  pricesEnteredBy: string | null;
  pricesConfirmedAt: string | null;
  pricesConfirmedBy: string | null;
};

function priceOpeningSummary(tender: TenderRow): PriceOpeningSummary | null {
  const stage = envelopeStage(tender);
  if (stage === 'one-envelope') return null;
  const { qualityLockedAt, pricesEnteredAt, pricesEnteredBy, pricesConfirmedAt, pricesConfirmedBy } = tender;
  return { stage, qualityLockedAt, pricesEnteredAt, pricesEnteredBy, pricesConfirmedAt, pricesConfirmedBy };
}

export function toTenderView(ctx: AppContext, tender: TenderRow, criteria = ctx.queries.tenders.listCriteria(tender.id)): TenderView {
  const fields = tenderFieldsOf(tender, criteria);
  const { id, organisationId, status, showPricesToEvaluators, createdAt, updatedAt, openedAt, awardedAt } = tender;
  return {
    id,
    organisationId,
    status,
    ...fields,
    showPricesToEvaluators,
    createdAt,
    updatedAt,
    openedAt,
    awardDecision: awardDecisionSummary(tender),
    awardedAt,
    priceOpening: priceOpeningSummary(tender),
  };
}

function awardDecisionSummary(tender: TenderRow): AwardDecisionSummary | null {
  if (tender.awardDecidedAt === null || tender.standstillEndsOn === null || tender.awardDecision === null) return null;
  const { winner } = JSON.parse(tender.awardDecision) as { winner: string };
  return {
    decidedAt: tender.awardDecidedAt,
    winner,
    standstillEndsOn: tender.standstillEndsOn,
    awardAllowedOn: awardAllowedOn(tender.standstillEndsOn),
  };
}

/** The organisation a new tender (or procedure) goes to, if the actor is an inkoper for it. */
export function requireInkoperOf(ctx: AppContext, actor: Actor, organisationId: string) {
  const organisation = ctx.queries.organisations.findOrganisation(organisationId);
  const roles = organisation ? rolesForOrganisation(ctx, actor, organisation) : new Set<Role>();
  if (organisation === undefined || roles.size === 0) throw new AppError('not-found', { detail: 'Deze organisatie bestaat niet of u bent er geen lid van.' });
  if (!roles.has('inkoper')) throw new AppError('forbidden', { detail: 'Alleen een inkoper mag een aanbesteding starten.' });
  return organisation;
}

/**
 * `POST /tenders`: the dossier's tender fields, flattened, or a template plus the buyer's
 * own facts; `buyer` defaults to the organisation's name.
 */
export function createTender(
  ctx: AppContext,
  {
    actor,
    organisationId,
    input,
  }: {
    actor: Actor;
    organisationId: string;
    input: FlatTenderInput & { template?: string | undefined; showPricesToEvaluators?: boolean | undefined };
  },
): TenderView {
  const organisation = requireInkoperOf(ctx, actor, organisationId);
  const { template, showPricesToEvaluators = false, ...flat } = input;
  const withBuyer = { ...flat, buyer: flat.buyer ?? organisation.name };
  const fields = parseTenderFields(template === undefined ? withBuyer : fromTemplate(template, withBuyer));
  const dossier: Dossier = { format: 'gunningswijzer/dossier@1', ...fields, bids: [] };
  return insertDossier(ctx, { actor, organisationId, dossier, action: 'tender.create', showPricesToEvaluators });
}

/** A template's award rules with the buyer's facts; the template's own fields may not be overridden here (PATCH the draft). */
function fromTemplate(templateId: string, input: FlatTenderInput): FlatTenderInput {
  const template = getTemplate(templateId);
  if (template === undefined) throw new AppError('invalid-input', { errors: [{ path: 'template', message: `onbekend sjabloon "${templateId}"` }] });
  const clashes = (['award', 'criteria', 'lowBidRules'] as const).filter((key) => input[key] !== undefined);
  if (clashes.length > 0) {
    throw new AppError('invalid-input', {
      errors: clashes.map((key) => ({ path: key, message: 'komt uit het sjabloon; wijzig het concept daarna met PATCH' })),
    });
  }
  const { tender, award, criteria, lowBidRules } = dossierFromTemplate(template, { reference: '', title: '', buyer: '' });
  return { ...input, lot: input.lot ?? tender.lot, award, criteria, lowBidRules };
}

/** `POST /tenders/import`: a whole dossier, bids and consensus scores included, as one draft tender. */
export function importTender(ctx: AppContext, { actor, organisationId, dossier }: { actor: Actor; organisationId: string; dossier: unknown }): TenderView {
  requireInkoperOf(ctx, actor, organisationId);
  const parsed = parseImportedDossier(dossier);
  requireImportableDossier(parsed, 'dossier');
  return insertDossier(ctx, { actor, organisationId, dossier: parsed, action: 'tender.import' });
}

/**
 * A dossier's bids carry prices; in a two-envelope tender no price exists before the opening.
 * @example requireImportableDossier(parsed, 'lots[1].dossier') // 409 naming `lots[1].dossier.bids`
 */
export function requireImportableDossier(dossier: Dossier, path: string): void {
  if (dossier.tender.envelopes !== 'two' || dossier.bids.length === 0) return;
  throw new AppError('conflict', {
    detail:
      'Een dossier met twee enveloppen wordt zonder inschrijvingen ingelezen: registreer de inschrijvingen daarna zonder prijs, met het prijsblad in de prijsenvelop.',
    errors: [{ path: `${path}.bids`, message: 'geen inschrijvingen bij twee enveloppen' }],
  });
}

/** A tender that is a lot of a procedure (issue 21): which procedure, its lot id there and its place in the file. */
export type LotOfProcedure = { procedureId: string; lotId: string; position: number };

/**
 * One lot of an imported procedure as a draft tender, exactly as `POST /tenders/import` would
 * write its dossier, plus the link to the procedure. Runs inside the procedure's transaction
 * (procedures.service.ts), which checked the caller and the dossier.
 */
export function importLotTender(
  ctx: AppContext,
  { actor, organisationId, dossier, lot }: { actor: Actor; organisationId: string; dossier: Dossier; lot: LotOfProcedure },
): TenderView {
  return insertDossier(ctx, { actor, organisationId, dossier, action: 'tender.import', lot });
}

/** Where a new lot's award rules come from: a template, or another lot's rules (`tenderFieldsOf` of that lot). */
export type LotRulesSource = { template: string } | { rules: Pick<FlatTenderInput, 'award' | 'criteria' | 'lowBidRules' | 'envelopes'> };

/**
 * A new lot of a procedure (issue 21) as a draft tender, made exactly as `POST /tenders` makes
 * one (the same template rules, the same dossier checks, `tender.create`), plus the link to
 * the procedure. Runs inside the procedure's transaction (procedure-creation.service.ts),
 * which checked the caller; a problem's path is the request's own (`template`, `estimatedValue`).
 */
export function createLotTender(
  ctx: AppContext,
  { actor, organisationId, input, source, lot }: { actor: Actor; organisationId: string; input: FlatTenderInput; source: LotRulesSource; lot: LotOfProcedure },
): TenderView {
  const fields = parseTenderFields('template' in source ? fromTemplate(source.template, input) : { ...input, ...source.rules });
  const dossier: Dossier = { format: 'gunningswijzer/dossier@1', ...fields, bids: [] };
  return insertDossier(ctx, { actor, organisationId, dossier, action: 'tender.create', lot });
}

function insertDossier(
  ctx: AppContext,
  {
    actor,
    organisationId,
    dossier,
    action,
    showPricesToEvaluators = false,
    lot,
  }: { actor: Actor; organisationId: string; dossier: Dossier; action: AuditAction; showPricesToEvaluators?: boolean; lot?: LotOfProcedure },
): TenderView {
  const id = newId();
  const rows = dossierRows(dossier, { id, organisationId, status: 'draft', now: ctx.clock().toISOString(), userId: actor.userId });
  rows.tender.showPricesToEvaluators = showPricesToEvaluators;
  if (lot !== undefined) Object.assign(rows.tender, { procedureId: lot.procedureId, lotId: lot.lotId, lotPosition: lot.position });
  writeTransaction(ctx.db, () => {
    const q = ctx.queries.tenders;
    q.insertTender(rows.tender);
    q.replaceCriteria(id, rows.criteria);
    q.insertBids(rows.bids);
    q.insertPriceLines(rows.priceLines);
    q.insertScores(rows.scores);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId,
      action,
      entityType: 'tender',
      entityId: id,
      tenderId: id,
      change: {
        after: dossier,
        settings: { showPricesToEvaluators },
        ...(lot === undefined ? {} : { procedure: { id: lot.procedureId, lotId: lot.lotId, position: lot.position } }),
      },
    });
  });
  return toTenderView(ctx, rows.tender);
}

/**
 * The tenders of every organisation the actor reads for, directly or as a member gemeente of
 * a regio, and those on whose panel it sits as a beoordelaar.
 */
export function listTenders(ctx: AppContext, { actor }: { actor: Actor }): TenderView[] {
  const direct = actor.memberships.filter((m) => TENDER_READERS.includes(m.role)).map((m) => m.organisationId);
  const viaRegion = direct.flatMap((id) => ctx.queries.tenders.listRegionsOfMember(id));
  const organisationIds = [...new Set([...direct, ...viaRegion])];
  const q = ctx.queries.tenders;
  const readable = q.listTenderVersionsOf(organisationIds);
  const known = new Set(readable.map((t) => t.id));
  const onPanel = actor.memberships.some((m) => m.role === 'beoordelaar')
    ? q.listTenderVersionsByIds(ctx.queries.panel.listTenderIdsOfEvaluator(actor.userId).filter((id) => !known.has(id)))
    : [];
  const all = [...readable, ...onPanel].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  // Views of unchanged tenders come from the cache; the rest are read in two statements.
  const versions = new Map(all.map((t) => [t.id, String(t.version)]));
  const views = new Map<string, TenderView>();
  for (const [id, version] of versions) {
    const cached = ctx.tenderViewCache.get(id, version);
    if (cached !== undefined) views.set(id, cached);
  }
  const missing = [...versions.keys()].filter((id) => !views.has(id));
  if (missing.length > 0) {
    const rows = q.listTendersByIds(missing);
    const criteria = q.listCriteriaOfTenders(missing);
    for (const row of rows) {
      const view = toTenderView(ctx, row, criteria.get(row.id));
      ctx.tenderViewCache.set(row.id, versions.get(row.id) as string, view);
      views.set(row.id, view);
    }
  }
  return all.flatMap((t) => views.get(t.id) ?? []);
}

/** Members in a reading role, and a beoordelaar on the tender's panel (before its declaration too: it declares on what it sees here). */
export function getTender(ctx: AppContext, { actor, access }: { actor: Actor; access: TenderAccess }): TenderView {
  if (findOwnMembership(ctx, access, actor) === undefined) requireTenderRole(access, TENDER_READERS, 'deze aanbesteding lezen');
  return toTenderView(ctx, tenderRowOf(ctx, access));
}

/** A patch value of `null` removes an optional field. */
export type TenderPatch = { [K in keyof FlatTenderInput]?: unknown } & { showPricesToEvaluators?: boolean | undefined };

/** `PATCH /tenders/:id`: only while draft; the result must still be a valid dossier. */
export function patchTender(ctx: AppContext, { actor, access, patch }: { actor: Actor; access: TenderAccess; patch: TenderPatch }): TenderView {
  requireTenderRole(access, ['inkoper'], 'een aanbesteding wijzigen');
  return writeTransaction(ctx.db, () => {
    const current = ctx.queries.tenders.findTender(access.tender.id);
    if (current === undefined) throw new AppError('not-found');
    requireChangeAllowed(current.status, 'settings');
    const { showPricesToEvaluators = current.showPricesToEvaluators, ...fieldPatch } = patch;
    const before = tenderFieldsOf(current, ctx.queries.tenders.listCriteria(current.id));
    const merged: FlatTenderInput = { ...before.tender, award: before.award, criteria: before.criteria, lowBidRules: before.lowBidRules };
    for (const [key, value] of Object.entries(fieldPatch)) {
      if (value === undefined) continue;
      merged[key as keyof FlatTenderInput] = value === null ? undefined : value;
    }
    const after = parseTenderFields(merged);
    assertScoresStillFit(ctx, current.id, after);
    if (after.tender.envelopes === 'two') assertNoPricedBids(ctx, current.id);
    const updatedAt = ctx.clock().toISOString();
    const columns = { ...tenderColumns(after), showPricesToEvaluators, updatedAt };
    ctx.queries.tenders.updateTender(current.id, columns);
    ctx.queries.tenders.replaceCriteria(current.id, criterionRows(current.id, after.criteria));
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: current.organisationId,
      action: 'tender.update',
      entityType: 'tender',
      entityId: current.id,
      tenderId: current.id,
      change: {
        before: { ...before, settings: { showPricesToEvaluators: current.showPricesToEvaluators } },
        after: { ...after, settings: { showPricesToEvaluators } },
      },
    });
    return toTenderView(ctx, { ...current, ...columns });
  });
}

/** Two envelopes: no price may exist before the opening, so no bid may have been registered with one. */
function assertNoPricedBids(ctx: AppContext, tenderId: string): void {
  const priced = ctx.queries.tenders.listBids(tenderId).filter((bid) => bid.priceCents !== null);
  if (priced.length === 0) return;
  throw new AppError('conflict', {
    detail: `Twee enveloppen kan niet meer: ${priced.map((bid) => bid.id).join(', ')} is al met een prijs geregistreerd. Verwijder die inschrijvingen en registreer ze opnieuw zonder prijs, met het prijsblad in de prijsenvelop.`,
    errors: [{ path: 'envelopes', message: 'er zijn al inschrijvingen met een prijs' }],
  });
}

/** Imported consensus scores must still name a criterion and sit on its scale. */
function assertScoresStillFit(ctx: AppContext, tenderId: string, fields: TenderFields): void {
  const scales = new Map(fields.criteria.map((c) => [c.id, c.scale]));
  const errors: FieldError[] = [];
  for (const score of ctx.queries.tenders.listScores(tenderId)) {
    const scale = scales.get(score.criterionId);
    if (scale === undefined) errors.push({ path: 'criteria', message: `inschrijving ${score.bidId} heeft een score voor ${score.criterionId}` });
    else if (!scale.includes(score.score)) {
      errors.push({ path: 'criteria', message: `score ${score.score} van inschrijving ${score.bidId} past niet op de nieuwe schaal van ${score.criterionId}` });
    }
  }
  if (errors.length > 0) throw new AppError('conflict', { detail: 'De vastgelegde consensusscores passen niet bij de nieuwe criteria.', errors });
}

/** `POST /tenders/:id/open`: bidding closes, the award rules are frozen. */
export function openTender(
  ctx: AppContext,
  { actor, access, confirmation = {} }: { actor: Actor; access: TenderAccess; confirmation?: OpenConfirmation },
): TenderView {
  requireTenderRole(access, ['inkoper'], 'een aanbesteding openen');
  return writeTransaction(ctx.db, () => {
    const current = ctx.queries.tenders.findTender(access.tender.id);
    if (current === undefined) throw new AppError('not-found');
    if (current.status !== 'draft') {
      // award-proposed -> open is allowed, but it is withdrawing the award decision, not opening.
      const check = checkTransition(current.status, 'open');
      throw new AppError('tender-locked', {
        detail: check.ok ? 'De aanbesteding is al geopend; openen kan alleen vanuit de voorbereiding.' : check.message,
      });
    }
    // Inside the transaction: the check reads the very settings that opening freezes.
    const formula = confirmFormulaForOpening(ctx, current.id, confirmation);
    const now = ctx.clock().toISOString();
    ctx.queries.tenders.updateTender(current.id, { status: 'open', openedAt: now, updatedAt: now });
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: current.organisationId,
      action: 'tender.open',
      entityType: 'tender',
      entityId: current.id,
      tenderId: current.id,
      change: {
        before: { status: current.status },
        after: {
          status: 'open',
          openedAt: now,
          formulaVerdict: formula.verdict,
          ...(formula.motivation === null ? {} : { underbiddingRiskAccepted: formula.motivation }),
        },
      },
    });
    return toTenderView(ctx, { ...current, status: 'open', openedAt: now, updatedAt: now });
  });
}

declare module '../../http/types.js' {
  interface AppContext {
    /** The tender list's views per tender, by the tender's newest audit event. */
    tenderViewCache: VersionedCache<TenderView>;
  }
}
