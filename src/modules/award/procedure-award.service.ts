/**
 * @module
 * The award decision for a procedure with several lots (issue 21): `POST
 * /procedures/:id/award-decision` decides the named lots (default: every lot) in one
 * transaction, each lot's tender for the winner the award limitation's allocation gives it
 * (which may differ from the lot's own winner), with its own standstill counted per decision
 * exactly as a single tender's decision (`prepareAwardDecision`, `storeAwardDecision`). Every
 * lot is checked before anything is written, and every lot that cannot be decided is named in
 * one 409. Withdrawing a decision and the final award stay per lot (the tender routes).
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { requireProcedureRole, type ProcedureAccess } from '../procedures/procedure-access.js';
import { allocationUnderLimit } from '../procedures/procedures.service.js';
import { type AwardDecisionView, prepareAwardDecision, storeAwardDecision } from './award.service.js';

export type LotDecisionView = AwardDecisionView & { lotId: string; tenderId: string; winnerWithoutLimit: string | null; reason: string | null };
export type ProcedureDecisionView = { procedureId: string; decidedAt: string; lots: LotDecisionView[] };

/** The lots a request names, in the procedure's order; 400 for a lot that is not the procedure's or is named twice. */
function namedLots(access: ProcedureAccess, lotIds: readonly string[] | undefined): ProcedureAccess['lots'] {
  if (lotIds === undefined) return access.lots;
  const known = new Set(access.lots.map((l) => l.lot.lotId));
  const errors: FieldError[] = [];
  lotIds.forEach((lotId, i) => {
    if (!known.has(lotId)) errors.push({ path: `lots[${i}]`, message: `geen perceel van deze procedure (${[...known].join(', ')})` });
    else if (lotIds.indexOf(lotId) !== i) errors.push({ path: `lots[${i}]`, message: `perceel ${lotId} staat er al` });
  });
  if (errors.length > 0) throw new AppError('invalid-input', { errors });
  return access.lots.filter((l) => lotIds.includes(l.lot.lotId));
}

/**
 * `POST /procedures/:id/award-decision` (inkoper on every lot). Without a limitation each
 * lot goes to its own winner (a shared first place then needs the lot's own decision with
 * its draw of lots).
 */
export function decideProcedure(
  ctx: AppContext,
  { actor, access, input }: { actor: Actor; access: ProcedureAccess; input: { lots?: string[] | undefined } },
): ProcedureDecisionView {
  requireProcedureRole(access, ['inkoper'], 'de gunningsbeslissing nemen');
  const lots = namedLots(access, input.lots);
  return writeTransaction(ctx.db, () => {
    const allocation = allocationUnderLimit(ctx, access.procedure.id, `Procedure ${access.procedure.reference}`);
    const problems: string[] = [];
    const errors: FieldError[] = [];
    const prepared = lots.flatMap(({ lot }) => {
      const label = `Perceel ${lot.lotId}`;
      try {
        const limited = allocation?.get(lot.lotId);
        return [{ lot, ...prepareAwardDecision(ctx, { tenderId: lot.tenderId, drawOfLots: undefined, limited, label }) }];
      } catch (error) {
        if (!(error instanceof AppError) || error.code === 'not-found' || error.code === 'internal') throw error;
        const detail = error.detail ?? error.message;
        problems.push(detail.startsWith(label) ? detail : `${label}: ${detail}`);
        errors.push({ path: `lots.${lot.lotId}`, message: detail });
        return [];
      }
    });
    if (problems.length > 0) {
      throw new AppError('conflict', { detail: `De gunningsbeslissing is niet genomen. ${problems.join(' ')}`, errors });
    }
    const decided = prepared.map(({ lot, tender, evaluation, decided: winner }) => {
      const view = storeAwardDecision(ctx, { actor, tender, evaluation, decided: winner });
      return {
        lotId: lot.lotId,
        tenderId: lot.tenderId,
        ...view,
        winnerWithoutLimit: winner.limitation === null ? view.winner : winner.limitation.winnerWithoutLimit,
        reason: winner.limitation?.reason ?? null,
      };
    });
    const decidedAt = ctx.clock().toISOString();
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: access.procedure.organisationId,
      action: 'procedure.award-decision',
      entityType: 'procedure',
      entityId: access.procedure.id,
      change: {
        after: {
          decidedAt,
          lots: decided.map(({ lotId, tenderId, winner, winnerWithoutLimit, reason, standstillEndsOn }) => ({
            lotId,
            tenderId,
            winner,
            winnerWithoutLimit,
            reason,
            standstillEndsOn,
          })),
        },
      },
    });
    return { procedureId: access.procedure.id, decidedAt, lots: decided };
  });
}
