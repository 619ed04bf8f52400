/**
 * @module
 * The two-envelope procedure after the scoring: the inkoper locks the quality scores, a first
 * inkoper enters each bid's price from its price envelope, and a second, different inkoper
 * enters them again from the same envelopes and confirms. The first entry is stored, but read
 * by nothing but the confirmation, and its audit event carries only its SHA-256: until both
 * readings agree, no figure exists anywhere a person could see it, and the evaluation has no
 * price (docs/two-envelopes.md). The confirmation writes the prices into the bids, issues the
 * signed opening record and records both in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { writeTransaction } from '../../db/client.js';
import {
  differingBids,
  envelopeStage,
  type EnteredPrice,
  priceConfirmationProblem,
  priceEntryProblem,
  qualityLockProblems,
} from '../../domain/envelopes/price-opening.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { sha256Hex } from '../../lib/secrets.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { anchorAuditHead } from '../audit/audit-anchor.service.js';
import { findMissingScores, loadDossier } from '../evaluation/evaluation.service.js';
import { isOnPanel, sealStatusOf } from '../panel/panel-access.js';
import { parseBidFields } from '../bids/bid-input.js';
import { currentDocuments } from '../documents/documents.service.js';
import { signReport, storeReport } from '../reports/reports.service.js';
import { bidOf, bidRows } from '../tenders/dossier-mapping.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';
import { requireChangeAllowed } from '../tenders/tender-lifecycle.js';
import type { BidRow, TenderRow } from '../tenders/tenders.queries.js';
import { buildPriceOpeningRecordData, type PriceEnvelope } from './price-opening-record-data.js';

function currentTender(ctx: AppContext, access: TenderAccess): TenderRow {
  const tender = ctx.queries.tenders.findTender(access.tender.id);
  if (tender === undefined) throw new AppError('not-found');
  return tender;
}

const conflict = (detail: string, errors: FieldError[] = []) => new AppError('conflict', { detail, errors });

export type QualityLock = { qualityLockedAt: string };

function lockProblemsOf(ctx: AppContext, tender: TenderRow): string[] {
  const members = ctx.queries.panel.listMembers(tender.id);
  const dossier = tender.status === 'open' ? loadDossier(ctx, tender.id) : undefined;
  return qualityLockProblems({
    facts: tender,
    status: tender.status,
    panelSize: members.filter(isOnPanel).length,
    unsealedMembers: sealStatusOf(members).pending.map((m) => m.name),
    missingScores: dossier === undefined ? [] : findMissingScores(dossier).map((m) => `${m.bidId} op ${m.criterionId}`),
  });
}

/**
 * What still stands in the way of the quality lock, in the words of the lock's own 409 (the
 * page lists them above the lock button); empty when it may be locked. Inkoper only, as the lock.
 */
export function qualityLockReadiness(ctx: AppContext, { access }: { access: TenderAccess }): string[] {
  requireTenderRole(access, ['inkoper'], 'de kwaliteitsscores vergrendelen');
  return lockProblemsOf(ctx, currentTender(ctx, access));
}

export type PriceOpeningOfficers = { firstOfficer: string | null; secondOfficer: string | null };

/** The two officers by name, as the opening record names them; never a figure. */
export function priceOpeningOfficers(ctx: AppContext, { access }: { access: TenderAccess }): PriceOpeningOfficers {
  const tender = currentTender(ctx, access);
  const nameOf = (userId: string | null) => (userId === null ? null : (ctx.queries.auth.findUserById(userId)?.name ?? userId));
  return { firstOfficer: nameOf(tender.pricesEnteredBy), secondOfficer: nameOf(tender.pricesConfirmedBy) };
}

/** `POST .../quality-lock` (inkoper): every member sealed and every consensus score set; once. */
export function lockQuality(ctx: AppContext, { actor, access }: { actor: Actor; access: TenderAccess }): QualityLock {
  requireTenderRole(access, ['inkoper'], 'de kwaliteitsscores vergrendelen');
  return writeTransaction(ctx.db, () => {
    const tender = currentTender(ctx, access);
    requireChangeAllowed(tender.status, 'price-opening');
    const problems = lockProblemsOf(ctx, tender);
    if (problems.length > 0) throw conflict(problems.join(' '));
    const qualityLockedAt = ctx.clock().toISOString();
    ctx.queries.tenders.updateTender(tender.id, { qualityLockedAt, updatedAt: qualityLockedAt });
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: 'tender.quality-lock',
      entityType: 'tender',
      entityId: tender.id,
      tenderId: tender.id,
      change: { before: { qualityLockedAt: null }, after: { qualityLockedAt } },
    });
    return { qualityLockedAt };
  });
}

export type PriceEntryInput = { prices: { bidId: string; price?: number | undefined; priceLines?: unknown }[] };

/**
 * Every bid still in the race, once, each read with the dossier's bid rules (price lines add
 * up to the price; without a price the price is their sum). A withdrawn bid needs no price.
 */
function parseEntry(tender: TenderRow, bids: readonly BidRow[], input: PriceEntryInput): EnteredPrice[] {
  const errors: FieldError[] = [];
  const byId = new Map(bids.map((bid) => [bid.id, bid]));
  const seen = new Set<string>();
  const parsed = new Map<string, EnteredPrice>();
  input.prices.forEach((entry, index) => {
    const bid = byId.get(entry.bidId);
    if (bid === undefined) errors.push({ path: `prices[${index}].bidId`, message: `onbekende inschrijving ${entry.bidId}` });
    else if (seen.has(entry.bidId)) errors.push({ path: `prices[${index}].bidId`, message: `${entry.bidId} staat er twee keer in` });
    else if (bid.withdrawnOn !== null) errors.push({ path: `prices[${index}].bidId`, message: `${entry.bidId} is ingetrokken en krijgt geen prijs` });
    seen.add(entry.bidId);
    if (bid === undefined || bid.withdrawnOn !== null) return;
    try {
      const candidate: Record<string, unknown> = { id: bid.id, provider: { name: bid.providerName, kvk: bid.providerKvk, keurmerk: bid.providerKeurmerk } };
      if (entry.price !== undefined) candidate.price = entry.price;
      if (entry.priceLines !== undefined) candidate.priceLines = entry.priceLines;
      const fields = parseBidFields(candidate, tender.awardMethod);
      parsed.set(bid.id, { bidId: bid.id, price: fields.price, ...(fields.priceLines === undefined ? {} : { priceLines: fields.priceLines }) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      for (const e of error.errors) errors.push({ path: `prices[${index}].${e.path}`, message: e.message });
    }
  });
  for (const bid of bids) {
    if (bid.withdrawnOn === null && !seen.has(bid.id)) errors.push({ path: 'prices', message: `de prijs van ${bid.id} ontbreekt` });
  }
  if (errors.length > 0) throw new AppError('invalid-input', { detail: 'De ingevoerde prijzen zijn niet volledig of niet geldig.', errors });
  // In the bids' order, so that two equal readings are the same text.
  return bids.flatMap((bid) => parsed.get(bid.id) ?? []);
}

/** The current price envelope of every bid still in the race; 409 naming a bid that has none. */
function priceEnvelopesOf(ctx: AppContext, tenderId: string, bids: readonly BidRow[]): PriceEnvelope[] {
  const current = currentDocuments(ctx.queries.documents.listDocuments(tenderId)).filter((d) => d.envelope === 'price');
  const envelopes: PriceEnvelope[] = [];
  const lacking: string[] = [];
  for (const bid of bids.filter((b) => b.withdrawnOn === null)) {
    const ofBid = current.filter((d) => d.bidId === bid.id);
    if (ofBid.length === 0) lacking.push(bid.id);
    for (const d of ofBid) envelopes.push({ bidId: bid.id, documentId: d.id, name: d.name, sha256: d.sha256, receivedAt: d.receivedAt, version: d.version });
  }
  if (lacking.length > 0) {
    throw conflict(
      `Ontbrekende stap: van ${lacking.join(', ')} is geen prijsenvelop ontvangen (een document met envelope=price); zonder envelop is er niets te openen.`,
    );
  }
  return envelopes;
}

export type PriceEntryReceipt = { pricesEnteredAt: string; bids: string[]; priceEntrySha256: string };

/**
 * `POST .../price-opening` (inkoper, after the lock): the first officer's reading of the price
 * envelopes. It may be entered again until a second inkoper confirms (a typing error found
 * when the readings differ); the last entry counts, and its author is the first officer.
 */
export function enterPrices(ctx: AppContext, { actor, access, input }: { actor: Actor; access: TenderAccess; input: PriceEntryInput }): PriceEntryReceipt {
  requireTenderRole(access, ['inkoper'], 'de prijsenveloppen openen');
  return writeTransaction(ctx.db, () => {
    const tender = currentTender(ctx, access);
    requireChangeAllowed(tender.status, 'price-opening');
    const problem = priceEntryProblem(tender, tender.status);
    if (problem !== null) throw conflict(problem);
    const bids = ctx.queries.tenders.listBids(tender.id);
    const envelopes = priceEnvelopesOf(ctx, tender.id, bids);
    const entry = parseEntry(tender, bids, input);
    const priceEntry = canonicalJson(entry);
    const priceEntrySha256 = sha256Hex(priceEntry);
    const pricesEnteredAt = ctx.clock().toISOString();
    ctx.queries.tenders.updateTender(tender.id, { priceEntry, pricesEnteredAt, pricesEnteredBy: actor.userId, updatedAt: pricesEnteredAt });
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: 'tender.price-opening',
      entityType: 'tender',
      entityId: tender.id,
      tenderId: tender.id,
      // Never the figures: their SHA-256 binds the entry that the confirmation later shows.
      change: {
        before: { stage: envelopeStage(tender) },
        after: {
          stage: 'prices-entered',
          pricesEnteredAt,
          priceEntrySha256,
          bids: entry.map((e) => e.bidId),
          priceEnvelopes: envelopes.map(({ bidId, documentId, sha256 }) => ({ bidId, documentId, sha256 })),
        },
      },
    });
    return { pricesEnteredAt, bids: entry.map((e) => e.bidId), priceEntrySha256 };
  });
}

export type PriceOpeningRecord = { id: string; sha256: string; url: string };

/**
 * `POST .../price-opening/confirm` (a second inkoper): its own reading of the envelopes must
 * equal the first; then the prices hold, and the signed opening record is issued. The record
 * is rendered and signed before the transaction (signing may wait on a timestamp authority);
 * the transaction re-checks that the entry it was made from is still the one stored.
 */
export async function confirmPrices(
  ctx: AppContext,
  { actor, access, input }: { actor: Actor; access: TenderAccess; input: PriceEntryInput },
): Promise<PriceOpeningRecord> {
  requireTenderRole(access, ['inkoper'], 'de opening van de prijsenveloppen bevestigen');
  const tender = currentTender(ctx, access);
  const planned = planConfirmation(ctx, tender, actor, input);
  const id = randomUUID();
  const confirmedAt = ctx.clock();
  const data = buildPriceOpeningRecordData(ctx, {
    tender,
    reportId: id,
    confirmedAt: confirmedAt.toISOString(),
    prices: planned.entry,
    envelopes: planned.envelopes,
    firstOfficer: tender.pricesEnteredBy ?? '',
    secondOfficer: actor.userId,
    signer: ctx.signer(),
  });
  const { renderPriceOpeningRecord } = await import('../../reports/render-price-opening-record.js');
  const signed = await signReport(ctx, await renderPriceOpeningRecord(data), confirmedAt);
  writeTransaction(ctx.db, () => {
    const now = currentTender(ctx, access);
    const again = planConfirmation(ctx, now, actor, input);
    if (now.priceEntry !== tender.priceEntry || now.pricesEnteredBy !== tender.pricesEnteredBy) {
      throw conflict('De prijzen zijn intussen opnieuw ingevoerd; controleer ze opnieuw en bevestig dan.');
    }
    const pricesConfirmedAt = confirmedAt.toISOString();
    for (const entry of again.entry) {
      const row = again.bids.find((b) => b.id === entry.bidId);
      if (row === undefined) continue;
      const priced = bidRows(now.id, { ...bidOf(row, [], []), price: entry.price, priceLines: entry.priceLines }, row.position, row.createdAt);
      ctx.queries.bids.updateBid(now.id, row.id, { priceCents: priced.bid.priceCents });
      ctx.queries.bids.replacePriceLines(now.id, row.id, priced.priceLines);
    }
    ctx.queries.tenders.updateTender(now.id, { pricesConfirmedAt, pricesConfirmedBy: actor.userId, updatedAt: pricesConfirmedAt });
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: now.organisationId,
      action: 'tender.price-opening.confirm',
      entityType: 'tender',
      entityId: now.id,
      tenderId: now.id,
      change: {
        before: { stage: 'prices-entered', pricesEnteredBy: now.pricesEnteredBy },
        after: { stage: 'prices-confirmed', pricesConfirmedAt, priceEntrySha256: sha256Hex(now.priceEntry ?? ''), prices: again.entry, reportId: id },
      },
    });
    storeReport(ctx, { actor, access, id, kind: 'price-opening', bidId: null, generatedAt: confirmedAt, signed });
    anchorAuditHead(ctx, 'report');
  });
  return { id, sha256: signed.sha256, url: `/api/v1/reports/${id}` };
}

function planConfirmation(ctx: AppContext, tender: TenderRow, actor: Actor, input: PriceEntryInput) {
  requireChangeAllowed(tender.status, 'price-opening');
  const problem = priceConfirmationProblem(tender, tender.status, actor.userId);
  if (problem !== null) throw conflict(problem);
  const bids = ctx.queries.tenders.listBids(tender.id);
  const envelopes = priceEnvelopesOf(ctx, tender.id, bids);
  const second = parseEntry(tender, bids, input);
  const first = JSON.parse(tender.priceEntry ?? '[]') as EnteredPrice[];
  const differing = differingBids(first, second);
  if (differing.length > 0) {
    // Which bids, never which figures: the second reading must stay independent of the first.
    throw conflict(
      `De prijzen van ${differing.join(', ')} komen niet overeen met de eerste invoer. Lees die prijsenveloppen opnieuw; bij een fout in de eerste invoer voert een inkoper de prijzen opnieuw in (POST .../price-opening).`,
      differing.map((bidId) => ({ path: 'prices', message: `${bidId} wijkt af van de eerste invoer` })),
    );
  }
  return { bids, envelopes, entry: first };
}
