/**
 * @module
 * Who may see which bid document (docs/access.md, "Documenten van inschrijvingen"). One
 * place: the JSON routes, the scoring page and the report all ask here.
 * - The inkoper and the auditor of the tender see every document of every bid.
 * - A beoordelaar on the panel, once it declared no conflict of interest, sees the quality
 *   envelope and never the price envelope: a price document does not exist for it (404),
 *   as a price does not (blind scoring, issue 14).
 * - Anyone else with a role on the tender (an admin) has no business with the documents (403,
 *   as for the bids); anyone without one gets 404 from `tenderScope` before this runs.
 */
import type { DocumentEnvelope } from '../../db/schema/index.js';
import type { Actor, AppContext } from '../../http/types.js';
import { envelopeStage } from '../../domain/envelopes/price-opening.js';
import { AppError } from '../../lib/app-error.js';
import { holdsAnyRole, requireDeclaredMember } from '../panel/panel-access.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';

/**
 * The envelopes the caller may read; throws 403 when it may read none.
 * @example readableEnvelopes(ctx, access, actor) // Set { 'quality' } for a declared panel member
 */
export function readableEnvelopes(ctx: AppContext, access: TenderAccess, actor: Actor): ReadonlySet<DocumentEnvelope> {
  if (!holdsAnyRole(access, ['inkoper', 'auditor']) && access.roles.has('beoordelaar')) {
    requireDeclaredMember(ctx, access, actor);
    return new Set(['quality']);
  }
  requireTenderRole(access, ['inkoper', 'auditor'], 'see the documents of bids');
  return new Set(['quality', 'price']);
}

/**
 * Two envelopes: the price envelope's bytes stay sealed (listed with name and SHA-256, never
 * served) until the quality is locked; then the inkopers of the organisation open it to enter
 * the prices, and everyone who reads prices may read it once the opening is confirmed. A 409
 * names the missing step (docs/two-envelopes.md).
 */
export function requireEnvelopeOpen(ctx: AppContext, access: TenderAccess, envelope: DocumentEnvelope): void {
  if (envelope !== 'price') return;
  const tender = ctx.queries.tenders.findTender(access.tender.id);
  if (tender === undefined) return;
  const stage = envelopeStage(tender);
  if (stage === 'one-envelope' || stage === 'prices-confirmed') return;
  if (stage === 'sealed') {
    throw new AppError('conflict', {
      detail: 'De prijsenvelop is verzegeld: zij gaat pas open als de kwaliteitsscores zijn vergrendeld (POST .../quality-lock).',
    });
  }
  if (!access.roles.has('inkoper')) {
    throw new AppError('conflict', {
      detail: 'De prijsenvelop wordt door twee inkopers geopend; anderen lezen haar pas als de opening is bevestigd (POST .../price-opening/confirm).',
    });
  }
}

/** Only the inkoper receives documents (on behalf of the bidder, as it registers bids). */
export function requireMayReceiveDocuments(access: TenderAccess): void {
  requireTenderRole(access, ['inkoper'], 'receive documents of bids');
}

/** Whether the bytes of `envelope` are served in the tender's state (`requireEnvelopeOpen` without the 409). */
export function envelopeOpen(ctx: AppContext, access: TenderAccess, envelope: DocumentEnvelope): boolean {
  try {
    requireEnvelopeOpen(ctx, access, envelope);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') return false;
    throw error;
  }
}
