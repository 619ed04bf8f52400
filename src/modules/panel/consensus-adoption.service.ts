/**
 * @module
 * `POST .../consensus/adopt-agreed` and the consensus page's "overnemen": where every member
 * of the panel gave the same score, the inkoper adopts that score as the consensus, for the
 * cells it names or for every such cell that has no consensus yet, with a motivation built
 * from the members' own (`buildAgreedMotivation`) or the one it wrote instead.
 *
 * All or nothing: one write transaction, and a refusal of any one cell refuses the request
 * with every problem at its path (`cells[2].motivation`), so an officer never has to find
 * out which half of a batch went in. Each adopted score is its own `consensus.set` event,
 * as if set one by one (the audit check replays them like that), marked `adoptedAgreed`.
 *
 * Adopting never replaces a consensus score: one that is set was decided on purpose and is
 * changed through the form of its cell (`PUT .../bids/:bidId/consensus/:criterionId`).
 */
import { writeTransaction } from '../../db/client.js';
import { checkConsensus } from '../../domain/panel/consensus-view.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { tooLongMessage } from '../../domain/text/text-fields.js';
import { formatDutchTrimmed } from '../../domain/money.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';
import { requireChangeAllowed, requireQualityUnlocked } from '../tenders/tender-lifecycle.js';
import { buildConsensusOverview, type ConsensusItem } from './consensus.service.js';
import { writeConsensusScore, type ConsensusScoreView } from './consensus-write.js';

/** One cell to adopt; without `motivation` the members' motivations are used. */
export type AgreedCell = { bidId: string; criterionId: string; motivation?: string | undefined };

export type AdoptedConsensus = { adopted: ConsensusScoreView[] };

type Target = { item: ConsensusItem; score: number; motivation: string; path: string };

const keyOf = (bidId: string, criterionId: string) => `${bidId}\u0000${criterionId}`;

/** What the request names, checked against the overview; every problem at its path. */
function targetsOf(
  items: readonly ConsensusItem[],
  cells: readonly AgreedCell[] | undefined,
): { targets: Target[]; invalid: FieldError[]; conflicts: FieldError[] } {
  const invalid: FieldError[] = [];
  const conflicts: FieldError[] = [];
  const targets: Target[] = [];
  if (cells === undefined) {
    for (const item of items) {
      if (item.agreedScore === null || item.consensus !== null) continue;
      const path = `scores.${item.bidId}.${item.criterionId}.motivation`;
      targets.push({ item, score: item.agreedScore, motivation: item.agreedMotivation ?? '', path });
    }
    return { targets, invalid, conflicts };
  }
  const byKey = new Map(items.map((item) => [keyOf(item.bidId, item.criterionId), item]));
  const named = new Set<string>();
  cells.forEach((cell, index) => {
    const at = `cells[${index}]`;
    const key = keyOf(cell.bidId, cell.criterionId);
    const item = byKey.get(key);
    if (item === undefined) {
      invalid.push({ path: at, message: `inschrijving ${cell.bidId} of criterium ${cell.criterionId} bestaat niet in deze aanbesteding` });
      return;
    }
    if (named.has(key)) {
      invalid.push({ path: at, message: `${cell.bidId} op ${cell.criterionId} staat al eerder in de lijst` });
      return;
    }
    named.add(key);
    if (item.agreedScore === null) {
      const given = item.scores.map((s) => formatDutchTrimmed(s.score)).join(', ');
      conflicts.push({
        path: at,
        message:
          item.scores.length === 0
            ? `${cell.bidId} op ${cell.criterionId} heeft geen individuele scores`
            : `de beoordelaars gaven niet dezelfde score (${given}): leg de consensus vast in het formulier van deze cel`,
      });
      return;
    }
    if (item.consensus !== null) {
      conflicts.push({
        path: at,
        message: `${cell.bidId} op ${cell.criterionId} heeft al consensusscore ${formatDutchTrimmed(item.consensus.score)}; wijzig die in het formulier van deze cel`,
      });
      return;
    }
    const own = cell.motivation?.trim();
    const motivation = own === undefined || own === '' ? (item.agreedMotivation ?? '') : own;
    targets.push({ item, score: item.agreedScore, motivation, path: `${at}.motivation` });
  });
  return { targets, invalid, conflicts };
}

/** The sentence rule (`checkConsensus`) and the length of a motivation, per target. */
function motivationProblems(targets: readonly Target[]): FieldError[] {
  return targets.flatMap(({ item, score, motivation, path }) => {
    if (motivation.length > TEXT_LIMITS.motivation) {
      return [
        { path, message: `${tooLongMessage('de motivering', TEXT_LIMITS.motivation, motivation.length)}; vat de motiveringen van de beoordelaars samen` },
      ];
    }
    const check = checkConsensus({ individualScores: item.scores.map((s) => ({ evaluatorId: s.userId, score: s.score })), consensusScore: score, motivation });
    return check.ok ? [] : [{ path, message: check.message }];
  });
}

/**
 * @example adoptAgreedConsensus(ctx, { actor, access }) // every agreed cell without a consensus
 * @example adoptAgreedConsensus(ctx, { actor, access, cells: [{ bidId: 'B1', criterionId: 'K2', motivation: 'Beide beoordelaars ...' }] })
 */
export function adoptAgreedConsensus(
  ctx: AppContext,
  { actor, access, cells }: { actor: Actor; access: TenderAccess; cells?: readonly AgreedCell[] | undefined },
): AdoptedConsensus {
  requireTenderRole(access, ['inkoper'], 'consensusscores vastleggen');
  return writeTransaction(ctx.db, () => {
    const tender = ctx.queries.tenders.findTender(access.tender.id);
    if (tender === undefined) throw new AppError('not-found');
    requireChangeAllowed(tender.status, 'consensus-scores');
    requireQualityUnlocked(tender);
    const { items } = buildConsensusOverview(ctx, tender.id, 'Eensgezinde scores overnemen');
    const { targets, invalid, conflicts } = targetsOf(items, cells);
    const problems = [...invalid, ...motivationProblems(targets)];
    if (problems.length > 0 || conflicts.length > 0) {
      const errors = [...problems, ...conflicts];
      throw new AppError(problems.length > 0 ? 'invalid-input' : 'conflict', {
        detail: `Er is niets overgenomen: ${errors.length === 1 ? 'één cel kan' : `${errors.length} cellen kunnen`} niet zo worden overgenomen.`,
        errors,
      });
    }
    const adopted = targets.map(({ item, score, motivation }) =>
      writeConsensusScore(ctx, { actor, tender, write: { bidId: item.bidId, criterionId: item.criterionId, score, motivation, adoptedAgreed: true } }),
    );
    return { adopted };
  });
}
