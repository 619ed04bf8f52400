/**
 * @module
 * Editing and deleting a bid before the opening (`PATCH` and `DELETE
 * /api/v1/tenders/:id/bids/:bidId`, and the bids page). Until the opening nothing is known
 * of the other bids and no one has scored, so a typing error is simply put right: the bid
 * changes, and the audit trail holds it before and after (`bid.update`) or as it was when
 * deleted (`bid.delete`). After the opening a bid changes only by a correction with a reason
 * or a withdrawal (`bid-corrections.service.ts`).
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { bidOf, bidRows } from '../tenders/dossier-mapping.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';
import { requireChangeAllowed } from '../tenders/tender-lifecycle.js';
import type { TenderRow } from '../tenders/tenders.queries.js';
import type { Bid } from '../../domain/evaluation/dossier.js';
import { pricesSealed } from '../../domain/envelopes/price-opening.js';
import { changedBidFields, type BidFields, type BidFieldsChange } from './bid-input.js';

/** The tender re-read inside the transaction, and the bid as it stands. */
export function findBidForChange(ctx: AppContext, tenderId: string, bidId: string): { tender: TenderRow; bid: Bid } {
  const q = ctx.queries.tenders;
  const tender = q.findTender(tenderId);
  if (tender === undefined) throw new AppError('not-found');
  const row = q.findBid(tenderId, bidId);
  if (row === undefined) throw new AppError('not-found', { detail: `inschrijving ${bidId} bestaat niet in deze aanbesteding` });
  const lines = q.listPriceLines(tenderId).filter((l) => l.bidId === bidId);
  const scores = q.listScores(tenderId).filter((s) => s.bidId === bidId);
  return { tender, bid: bidOf(row, lines, scores) };
}

export const withoutScores = ({ scores: _scores, ...fields }: Bid): BidFields => fields;

/** Writes the bid's own columns and its price lines as `fields` has them. */
export function writeBidFields(ctx: AppContext, tenderId: string, fields: BidFields): void {
  const rows = bidRows(tenderId, fields, 0, '');
  const { providerName, providerKvk, providerKeurmerk, providerStreet, providerPostcode, providerPlace, providerContactPerson, providerEmail, priceCents } =
    rows.bid;
  ctx.queries.bids.updateBid(tenderId, fields.id, {
    providerName,
    providerKvk,
    providerKeurmerk,
    providerStreet,
    providerPostcode,
    providerPlace,
    providerContactPerson,
    providerEmail,
    priceCents,
  });
  ctx.queries.bids.replacePriceLines(tenderId, fields.id, rows.priceLines);
}

export type DraftBidChange = { before: BidFields; after: BidFields; changed: boolean };

function planDraftChange(ctx: AppContext, access: TenderAccess, bidId: string, change: BidFieldsChange): DraftBidChange & { tender: TenderRow; bid: Bid } {
  if (change.provider === undefined && change.price === undefined && change.priceLines === undefined) {
    throw new AppError('invalid-input', { detail: 'Er is niets om te wijzigen.', errors: [{ path: 'price', message: 'geef provider, price of priceLines' }] });
  }
  const { tender, bid } = findBidForChange(ctx, access.tender.id, bidId);
  requireChangeAllowed(tender.status, 'bids');
  const before = withoutScores(bid);
  const after = changedBidFields(before, change, tender.awardMethod, { pricesSealed: pricesSealed(tender) });
  return { tender, bid, before, after, changed: canonicalJson(after) !== canonicalJson(before) };
}

/**
 * What `updateDraftBid` would make of the bid, checked the same way, without writing: the
 * bids page shows it for confirmation.
 */
export function previewDraftBidChange(
  ctx: AppContext,
  { access, bidId, change }: { access: TenderAccess; bidId: string; change: BidFieldsChange },
): DraftBidChange {
  requireTenderRole(access, ['inkoper'], 'inschrijvingen wijzigen');
  const { before, after, changed } = planDraftChange(ctx, access, bidId, change);
  return { before, after, changed };
}

/**
 * `PATCH .../bids/:bidId` (inkoper, draft): the fields given replace the bid's (`null`
 * removes the price or the lines). A change that changes nothing writes nothing.
 */
export function updateDraftBid(
  ctx: AppContext,
  { actor, access, bidId, change }: { actor: Actor; access: TenderAccess; bidId: string; change: BidFieldsChange },
): Bid {
  requireTenderRole(access, ['inkoper'], 'inschrijvingen wijzigen');
  return writeTransaction(ctx.db, () => {
    const { tender, bid, before, after, changed } = planDraftChange(ctx, access, bidId, change);
    if (!changed) return bid;
    writeBidFields(ctx, tender.id, after);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: 'bid.update',
      entityType: 'bid',
      entityId: `${tender.id}/${bidId}`,
      tenderId: tender.id,
      change: { before, after },
    });
    return { ...after, scores: bid.scores };
  });
}

/**
 * The bid as it stands, when the caller may change or delete it now (inkoper, draft): what
 * the bids page shows in its form and asks to confirm before deleting.
 */
export function bidForDraftChange(ctx: AppContext, { access, bidId }: { access: TenderAccess; bidId: string }): Bid {
  requireTenderRole(access, ['inkoper'], 'inschrijvingen wijzigen');
  const { tender, bid } = findBidForChange(ctx, access.tender.id, bidId);
  requireChangeAllowed(tender.status, 'bids');
  return bid;
}

/** `DELETE .../bids/:bidId` (inkoper, draft): the bid, its price lines and any imported scores. */
export function deleteDraftBid(ctx: AppContext, { actor, access, bidId }: { actor: Actor; access: TenderAccess; bidId: string }): void {
  requireTenderRole(access, ['inkoper'], 'inschrijvingen verwijderen');
  writeTransaction(ctx.db, () => {
    const { tender, bid } = findBidForChange(ctx, access.tender.id, bidId);
    requireChangeAllowed(tender.status, 'bids');
    // A received document is a record (docs/two-envelopes.md): it stays, and so does its bid.
    const documents = ctx.queries.documents.countDocumentsOfBid(tender.id, bidId);
    if (documents > 0) {
      throw new AppError('conflict', {
        detail: `Bij inschrijving ${bidId} ${documents === 1 ? 'is een document' : `zijn ${documents} documenten`} ontvangen; een ontvangen document is een vastlegging en blijft bewaard, en daarmee ook de inschrijving.`,
      });
    }
    ctx.queries.bids.deleteBid(tender.id, bidId);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: tender.organisationId,
      action: 'bid.delete',
      entityType: 'bid',
      entityId: `${tender.id}/${bidId}`,
      tenderId: tender.id,
      change: { before: bid, after: null },
    });
  });
}
