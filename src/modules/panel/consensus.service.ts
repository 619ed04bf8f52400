/**
 * @module
 * The consensus step seen from the panel: the view the inkoper leads the consensus meeting
 * with (every member's score and motivation next to the consensus, the spread, and a
 * `disagreement` mark), the individual scores a consensus score is checked against, and the
 * panel statistics of the evaluation result. All of it only once every member on the panel
 * has sealed: before that, individual scores are nobody's business but their author's.
 */
import { agreedScoreOf, buildAgreedMotivation, differsByMoreThanOneStep, scaleStepsApart } from '../../domain/panel/agreed-consensus.js';
import { buildConsensusView } from '../../domain/panel/consensus-view.js';
import type { EvaluatorScore } from '../../domain/panel/consensus-view.js';
import { computePanelStatistics, type PanelStatistics } from '../../domain/panel/panel-statistics.js';
import type { AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { requireTenderRole, type TenderAccess } from '../tenders/tender-access.js';
import type { CriterionRow, ScoreValue } from '../tenders/tenders.queries.js';
import { isOnPanel, namesNl, PANEL_READERS, sealStatusOf } from './panel-access.js';
import { sortScores } from './scores.service.js';

export type ConsensusItem = {
  bidId: string;
  criterionId: string;
  scores: { userId: string; name: string; score: number; motivation: string }[];
  min: number | null;
  max: number | null;
  spread: number | null;
  mean: number | null;
  /** The individual scores span more than a third of the scale. */
  disagreement: boolean;
  /** Steps of the scale between the lowest and the highest individual score; null without scores. */
  stepsApart: number | null;
  /** The individual scores lie more than one step of the scale apart: the matrix marks these. */
  moreThanOneStep: boolean;
  /** The score every member gave, when they all gave the same; null otherwise or without scores. */
  agreedScore: number | null;
  /** With `agreedScore`: the members' motivations as the consensus motivation to adopt (`buildAgreedMotivation`). */
  agreedMotivation: string | null;
  /** Whether the consensus lies outside the individual scores; null without either. */
  outsideRange: boolean | null;
  consensus: { score: number; motivation: string | null; deviationReason: string | null; updatedAt: string } | null;
};

export type ConsensusOverview = { items: ConsensusItem[] };

/**
 * 409 naming who has not sealed yet, for everything that shows or uses individual scores
 * before the consensus.
 * @example requireAllSealed(ctx, tenderId, 'Een consensusscore vastleggen')
 */
export function requireAllSealed(ctx: AppContext, tenderId: string, what: string): void {
  const status = sealStatusOf(ctx.queries.panel.listMembers(tenderId));
  if (!status.allSealed) {
    throw new AppError('conflict', {
      detail: `${what} kan pas als alle beoordelaars hun scores hebben verzegeld; nog niet verzegeld: ${namesNl(status.pending)}`,
    });
  }
}

/** The scores of the members on the panel for one bid on one criterion, for `checkConsensus`. */
export function individualScoresFor(ctx: AppContext, tenderId: string, bidId: string, criterionId: string): EvaluatorScore[] {
  const onPanel = new Set(
    ctx.queries.panel
      .listMembers(tenderId)
      .filter(isOnPanel)
      .map((m) => m.userId),
  );
  return ctx.queries.panel
    .listScores(tenderId)
    .filter((s) => s.bidId === bidId && s.criterionId === criterionId && onPanel.has(s.evaluatorId))
    .map((s) => ({ evaluatorId: s.evaluatorId, score: s.score }));
}

/** `GET .../consensus` (inkoper, auditor): per bid x criterion, once all have sealed. */
export function getConsensusOverview(ctx: AppContext, { access }: { access: TenderAccess }): ConsensusOverview {
  requireTenderRole(access, PANEL_READERS, 'het consensusoverzicht zien');
  return buildConsensusOverview(ctx, access.tender.id, 'Het consensusoverzicht bekijken');
}

/**
 * The consensus view without a role check, for the report (which checks its own); like every
 * reader of everyone's scores, refused (409) until every member on the panel has sealed.
 */
export function buildConsensusOverview(ctx: AppContext, tenderId: string, what = 'Het consensusoverzicht maken'): ConsensusOverview {
  requireAllSealed(ctx, tenderId, what);
  const q = ctx.queries.tenders;
  const members = ctx.queries.panel.listMembers(tenderId).filter(isOnPanel);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const scores = sortScores(ctx, tenderId, ctx.queries.panel.listScores(tenderId)).filter((s) => names.has(s.evaluatorId));
  const consensus = new Map(q.listScores(tenderId).map((c) => [`${c.bidId}\u0000${c.criterionId}`, c]));
  const criteria = q.listCriteria(tenderId);
  // Grouped once: a large panel (10 bids x 8 criteria x 5 members) is 400 scores over 80 cells.
  const byCell = new Map<string, typeof scores>();
  for (const score of scores) {
    const key = `${score.bidId}\u0000${score.criterionId}`;
    const cell = byCell.get(key);
    if (cell === undefined) byCell.set(key, [score]);
    else cell.push(score);
  }
  const items = q.listBids(tenderId).flatMap((bid) =>
    criteria.map((criterion): ConsensusItem => {
      const own = byCell.get(`${bid.id}\u0000${criterion.id}`) ?? [];
      const agreed = consensus.get(`${bid.id}\u0000${criterion.id}`);
      const scale = JSON.parse(criterion.scale) as number[];
      const values = own.map((s) => s.score);
      const view = buildConsensusView({
        individualScores: own.map((s) => ({ evaluatorId: s.evaluatorId, score: s.score })),
        scale,
        consensusScore: agreed?.score ?? null,
      });
      const agreedScore = agreedScoreOf(values);
      return {
        bidId: bid.id,
        criterionId: criterion.id,
        scores: own.map((s) => ({ userId: s.evaluatorId, name: names.get(s.evaluatorId) ?? '', score: s.score, motivation: s.motivation })),
        min: view.min,
        max: view.max,
        spread: view.spread,
        mean: view.mean,
        disagreement: view.disagreement,
        stepsApart: scaleStepsApart(values, scale),
        moreThanOneStep: differsByMoreThanOneStep(values, scale),
        agreedScore,
        agreedMotivation: agreedScore === null ? null : buildAgreedMotivation(own.map((s) => s.motivation)),
        outsideRange: view.outsideRange,
        consensus:
          agreed === undefined
            ? null
            : { score: agreed.score, motivation: agreed.motivation, deviationReason: agreed.deviationReason, updatedAt: agreed.updatedAt },
      };
    }),
  );
  return { items };
}

/**
 * The `panel` of the evaluation result: present once there are individual scores and every
 * member on the panel has sealed (before that, even agreement figures would hint at scores).
 */
export function panelStatisticsFor(
  ctx: AppContext,
  { tenderId, criteria, consensusScores }: { tenderId: string; criteria: readonly CriterionRow[]; consensusScores: readonly ScoreValue[] },
): PanelStatistics | undefined {
  const members = ctx.queries.panel.listMembers(tenderId);
  const onPanel = members.filter(isOnPanel);
  const onPanelIds = new Set(onPanel.map((m) => m.userId));
  const scores = ctx.queries.panel.listScores(tenderId).filter((s) => onPanelIds.has(s.evaluatorId));
  if (scores.length === 0 || !sealStatusOf(members).allSealed) return undefined;
  return computePanelStatistics({
    criteria: criteria.map((c) => ({ id: c.id, scale: JSON.parse(c.scale) as number[] })),
    evaluators: onPanel.map((m) => ({ userId: m.userId, name: m.name })),
    individualScores: scores.map((s) => ({ evaluatorId: s.evaluatorId, bidId: s.bidId, criterionId: s.criterionId, score: s.score })),
    consensusScores: consensusScores.map((c) => ({ bidId: c.bidId, criterionId: c.criterionId, score: c.score })),
  });
}
