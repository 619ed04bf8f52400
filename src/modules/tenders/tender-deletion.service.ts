/**
 * @module
 * `DELETE /api/v1/tenders/:id` (inkoper, draft only): a tender started by mistake, or
 * twice, is removed with its criteria, bids, price lines, imported scores and panel. The
 * audit trail keeps every event of it, and `tender.delete` says what was removed, so the
 * chain stays whole and the state check expects no rows of it any more. Refused (409) once
 * opened, and while a report about it exists: an issued report is a record and is never
 * deleted, and it must keep the tender it names; likewise while a bid document exists, and
 * for a lot of a procedure (issue 21).
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { requireTenderRole, type TenderAccess } from './tender-access.js';
import type { TenderRow } from './tenders.queries.js';
import { requireChangeAllowed } from './tender-lifecycle.js';

export function deleteDraftTender(ctx: AppContext, { actor, access }: { actor: Actor; access: TenderAccess }): void {
  requireTenderRole(access, ['inkoper'], 'een aanbesteding verwijderen');
  writeTransaction(ctx.db, () => {
    const q = ctx.queries.tenders;
    const tender = q.findTender(access.tender.id);
    if (tender === undefined) throw new AppError('not-found');
    requireChangeAllowed(tender.status, 'tender-deletion');
    if (tender.procedureId !== null) {
      // A procedure's lots are its published parts (the lot order, the schools' preferences name them).
      throw new AppError('conflict', {
        detail: `Deze aanbesteding is perceel ${tender.lotId ?? '?'} van een procedure; een perceel wordt niet los verwijderd, want de procedure (de volgorde van de percelen, de voorkeuren van de scholen) noemt het.`,
      });
    }
    removeDraftTender(ctx, actor, tender);
  });
}

/**
 * Removes a draft tender's rows and records `tender.delete`, refusing (409) while a report or
 * a received document names it. For `deleteDraftTender` and for deleting a whole procedure
 * (procedure-deletion.service.ts), inside the caller's transaction, which checked the status.
 */
export function removeDraftTender(ctx: AppContext, actor: Actor, tender: TenderRow): void {
  const q = ctx.queries.tenders;
  const reports = ctx.queries.reports.listReportsOfTender(tender.id);
  if (reports.length > 0) {
    throw new AppError('conflict', {
      detail: `Over deze aanbesteding ${reports.length === 1 ? 'is een rapport' : `zijn ${reports.length} rapporten`} uitgebracht; een uitgebracht rapport is een vastlegging en blijft bewaard, en daarmee ook de aanbesteding.`,
    });
  }
  const documents = ctx.queries.documents.countDocumentsOfTender(tender.id);
  if (documents > 0) {
    throw new AppError('conflict', {
      detail: `Bij de inschrijvingen van deze aanbesteding ${documents === 1 ? 'is een document' : `zijn ${documents} documenten`} ontvangen; een ontvangen document is een vastlegging en blijft bewaard, en daarmee ook de aanbesteding.`,
    });
  }
  const bids = q.listBids(tender.id).map((bid) => bid.id);
  const panel = ctx.queries.panel.listMembers(tender.id).map((member) => member.userId);
  q.deleteTender(tender.id);
  recordAuditEvent(ctx, {
    actorUserId: actor.userId,
    organisationId: tender.organisationId,
    action: 'tender.delete',
    entityType: 'tender',
    entityId: tender.id,
    tenderId: tender.id,
    change: { before: { status: tender.status, reference: tender.reference, title: tender.title, bids, panel }, after: null },
  });
}
