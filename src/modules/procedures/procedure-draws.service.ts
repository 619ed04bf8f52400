/**
 * @module
 * Recording a draw of lots for a lot of a procedure under the award limitation (issue 21):
 * when two or more bids share the best rank still open, the allocation leaves the lot without
 * a winner and counts it for each tied school (docs/procedures.md, "Ties"). The inkoper
 * records the outcome of the draw; from then on the allocation, and so the award decision of
 * the procedure and of the lot itself, use it. Only a lot that awaits a draw under the
 * allocation with the draws recorded so far, and only for one of its tied bids: a draw is
 * recorded for the tie as it stands, never in advance.
 */
import { writeTransaction } from '../../db/client.js';
import { isSentence, SENTENCE_RULE_MESSAGE } from '../../domain/panel/motivation.js';
import { evaluateProcedure } from '../../domain/procedure/evaluate-procedure.js';
import type { LotDraw } from '../../domain/procedure/procedure.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { requireProcedureRole, type ProcedureAccess } from './procedure-access.js';
import { drawsOf, parsedOnRecord, type ProcedureView, toView } from './procedures.service.js';

export type DrawInput = { lotId: string; winner: string; record: string };

/** `POST /procedures/:id/draws` (inkoper on every lot). */
export function recordProcedureDraw(ctx: AppContext, { actor, access, input }: { actor: Actor; access: ProcedureAccess; input: DrawInput }): ProcedureView {
  requireProcedureRole(access, ['inkoper'], 'een loting vastleggen');
  const lotIds = access.lots.map((l) => l.lot.lotId);
  if (!lotIds.includes(input.lotId)) {
    throw new AppError('invalid-input', { errors: [{ path: 'lotId', message: `geen perceel van deze procedure (${lotIds.join(', ')})` }] });
  }
  if (!isSentence(input.record)) {
    throw new AppError('invalid-input', { errors: [{ path: 'record', message: `beschrijf de loting (wie, wanneer, hoe): ${SENTENCE_RULE_MESSAGE}` }] });
  }
  return writeTransaction(ctx.db, () => {
    const procedure = ctx.queries.procedures.findProcedure(access.procedure.id);
    if (procedure === undefined) throw new AppError('not-found');
    if (procedure.awardLimit === null) {
      throw new AppError('conflict', {
        detail:
          'Deze procedure heeft geen gunningsbeperking: een gedeelde eerste plaats wordt per perceel beslist, met de loting in de gunningsbeslissing van dat perceel.',
      });
    }
    const file = parsedOnRecord(ctx, procedure);
    const lot = evaluateProcedure(file).allocation.find((entry) => entry.lotId === input.lotId);
    const tiedBids = lot?.tiedBids;
    if (tiedBids === undefined) {
      const reason = lot?.reason ?? '';
      throw new AppError('conflict', {
        detail: `Perceel ${input.lotId} wacht niet op een loting: ${reason}`,
        errors: [{ path: 'lotId', message: 'dit perceel wacht niet op een loting' }],
      });
    }
    if (!tiedBids.includes(input.winner)) {
      throw new AppError('invalid-input', { errors: [{ path: 'winner', message: `loten kan alleen tussen ${tiedBids.join(' en ')}` }] });
    }
    const before = drawsOf(procedure).draws ?? [];
    // A draw recorded earlier for this lot decided nothing (the lot awaits a draw again): the new one replaces it.
    const draws: LotDraw[] = [
      ...before.filter((draw) => draw.lotId !== input.lotId),
      { lotId: input.lotId, winner: input.winner, record: input.record.trim() },
    ];
    const column = JSON.stringify(draws);
    ctx.queries.procedures.updateDraws(procedure.id, column);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: procedure.organisationId,
      action: 'procedure.draw.record',
      entityType: 'procedure',
      entityId: procedure.id,
      change: { before: { draws: before }, after: { lotId: input.lotId, tiedBids, draws } },
    });
    return toView(
      { ...procedure, draws: column },
      access.lots.map((l) => l.lot),
    );
  });
}
