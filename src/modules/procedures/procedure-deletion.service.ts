/**
 * @module
 * `DELETE /api/v1/procedures/:id` (inkoper): a procedure started by mistake, or twice, is
 * removed with all its lots, in one transaction, by the rules of `DELETE /tenders/:id` for
 * each lot (draft, no report, no received document) and one more: no lot has a bid. A bid
 * is a school's submission, and a procedure's bids are compared across lots (the award
 * limitation counts them per school), so a procedure with bids is kept; delete the bids
 * first. The audit trail keeps every event: each lot gets its own `tender.delete` and the
 * procedure `procedure.delete`, so the state check expects no row of either any more.
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { removeDraftTender } from '../tenders/tender-deletion.service.js';
import { requireChangeAllowed } from '../tenders/tender-lifecycle.js';
import { requireProcedureAccess, requireProcedureRole, type ProcedureAccess } from './procedure-access.js';
import { inLot } from './procedures.service.js';

export function deleteProcedure(ctx: AppContext, { actor, access }: { actor: Actor; access: ProcedureAccess }): void {
  requireProcedureRole(access, ['inkoper'], 'een procedure verwijderen');
  writeTransaction(ctx.db, () => {
    const current = requireProcedureAccess(ctx, actor, access.procedure.id);
    const { procedure } = current;
    const lots = current.lots.map(({ lot }) => lot);
    for (const lot of lots) {
      const tender = ctx.queries.tenders.findTender(lot.tenderId);
      if (tender === undefined) throw new AppError('not-found');
      inLot(lot.lotId, () => {
        requireChangeAllowed(tender.status, 'tender-deletion');
        const bids = ctx.queries.tenders.listBids(tender.id).length;
        if (bids > 0) {
          throw new AppError('conflict', {
            detail: `er ${bids === 1 ? 'is 1 inschrijving' : `zijn ${bids} inschrijvingen`} geregistreerd; een procedure met inschrijvingen blijft bewaard. Verwijder eerst de inschrijvingen.`,
          });
        }
        removeDraftTender(ctx, actor, tender);
      });
    }
    ctx.queries.procedures.deleteProcedure(procedure.id);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: procedure.organisationId,
      action: 'procedure.delete',
      entityType: 'procedure',
      entityId: procedure.id,
      change: {
        before: {
          procedure: { reference: procedure.reference, title: procedure.title, buyer: procedure.buyer },
          lots: lots.map(({ lotId, tenderId }) => ({ lotId, tenderId })),
        },
        after: null,
      },
    });
  });
}
