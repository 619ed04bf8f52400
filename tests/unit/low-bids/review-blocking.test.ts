import { describe, expect, it } from 'vitest';
import type { LowBidReview } from '../../../src/domain/evaluation/dossier.js';
import type { BidResult, EvaluationResult } from '../../../src/domain/evaluation/result.js';
import { blockingReviews } from '../../../src/domain/low-bids/blocking-reviews.js';
import type { LowBidFlag } from '../../../src/domain/low-bids/flag.js';

const flag = (rule: LowBidFlag['rule']): LowBidFlag => ({ rule, threshold: null, value: 1, reference: 1, message: 'x' });

function bidResult(bidId: string, flags: LowBidFlag[]): BidResult {
  return { bidId, rank: 1, status: 'ranked', score: 1, qualityPoints: 1, exclusionReasons: [], lowBidFlags: flags };
}

function resultWith(bids: BidResult[]): EvaluationResult {
  return {
    method: 'lowest-relative',
    scoreKind: 'points',
    winner: null,
    bids,
    warnings: [],
    sensitivity: { priceShareRange: null, priceToWin: {} },
    effectiveWeights: null,
  };
}

const result = resultWith([
  bidResult('B1', []),
  bidResult('B2', [flag('gap-to-next'), flag('unit-price'), flag('unit-price')]),
  bidResult('B3', [flag('cost-floor')]),
  bidResult('B4', [flag('mean-of-others')]),
  bidResult('B5', [flag('below-estimate')]),
  bidResult('B6', [flag('below-estimate')]),
]);

const PREFIX = 'het onderzoek (art. 2.116 Aanbestedingswet) is niet afgerond';

describe('blockingReviews', () => {
  it('lists every flagged bid without a decision, with what is missing, in result order', () => {
    const reviews = new Map<string, LowBidReview | undefined>([
      ['B3', { state: 'explanation-requested', requestedAt: '2026-11-01', deadline: '2026-11-15', questions: 'x' }],
      ['B4', { state: 'explanation-received', requestedAt: '2026-11-01', deadline: '2026-11-15', questions: 'x', explanation: 'y', receivedAt: '2026-11-10' }],
      ['B5', { state: 'no-response', requestedAt: '2026-11-01', deadline: '2026-11-15', questions: 'x' }],
      ['B6', { state: 'accepted', decision: 'accepted', motivation: 'ok', decidedAt: '2026-11-02' }],
    ]);
    expect(blockingReviews(result, reviews)).toEqual([
      {
        bidId: 'B2',
        state: 'open',
        rules: ['gap-to-next', 'unit-price'],
        reason: `Inschrijving B2 is gemarkeerd als mogelijk abnormaal laag (afstand tot de eerstvolgende inschrijving; eenheidsprijs van een prijsregel); ${PREFIX}: er is nog geen toelichting gevraagd en geen besluit genomen.`,
      },
      {
        bidId: 'B3',
        state: 'explanation-requested',
        rules: ['cost-floor'],
        reason: `Inschrijving B3 is gemarkeerd als mogelijk abnormaal laag (kostenvloer per inburgeraar); ${PREFIX}: de toelichting is gevraagd met een termijn tot en met 15 november 2026 en nog niet ontvangen.`,
      },
      {
        bidId: 'B4',
        state: 'explanation-received',
        rules: ['mean-of-others'],
        reason: `Inschrijving B4 is gemarkeerd als mogelijk abnormaal laag (vergelijking met het gemiddelde van de andere inschrijvingen); ${PREFIX}: de toelichting is ontvangen op 10 november 2026, maar er is nog niet besloten of de inschrijving wordt aanvaard of afgewezen.`,
      },
      {
        bidId: 'B5',
        state: 'no-response',
        rules: ['below-estimate'],
        reason: `Inschrijving B5 is gemarkeerd als mogelijk abnormaal laag (vergelijking met de geraamde opdrachtwaarde); ${PREFIX}: de inschrijver heeft niet binnen de termijn gereageerd, maar er is nog niet besloten of de inschrijving wordt aanvaard of afgewezen.`,
      },
    ]);
  });

  it('is empty once every flagged bid is accepted or rejected, and takes a plain record too', () => {
    const decided = (state: 'accepted' | 'rejected'): LowBidReview => ({ state, decision: state, motivation: 'm', decidedAt: '2026-11-20' });
    const reviews = { B2: decided('rejected'), B3: decided('accepted'), B4: decided('accepted'), B5: decided('rejected'), B6: decided('accepted') };
    expect(blockingReviews(result, reviews)).toEqual([]);
  });

  it('also blocks on an investigation the officer started on a bid no rule flagged, but not on an open one', () => {
    const reviews = {
      B1: { state: 'explanation-requested', requestedAt: '2026-11-01', deadline: '2026-11-15', questions: 'x' } as LowBidReview,
    };
    expect(blockingReviews(resultWith([bidResult('B1', [])]), reviews)).toEqual([
      {
        bidId: 'B1',
        state: 'explanation-requested',
        rules: [],
        reason: `Naar inschrijving B1 loopt een onderzoek als mogelijk abnormaal lage inschrijving; ${PREFIX}: de toelichting is gevraagd met een termijn tot en met 15 november 2026 en nog niet ontvangen.`,
      },
    ]);
    expect(blockingReviews(resultWith([bidResult('B1', [])]), { B1: { state: 'open' } })).toEqual([]);
  });
});
