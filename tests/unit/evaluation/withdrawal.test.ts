/**
 * A withdrawn bid in the dossier (`bids[].withdrawal`, docs/corrections.md): valid without
 * the scores it lacks, excluded with its date and reason after the spec's four reasons, and
 * no reference for the other bids' low-bid flags; a started review no longer blocks. And the
 * preview flags of `lowBidFlagsOfDossier` while scores are missing.
 */
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../src/domain/evaluation/dossier.js';
import { parseDossier } from '../../../src/domain/evaluation/dossier.schema.js';
import { evaluateDossier, lowBidFlagsOfDossier } from '../../../src/domain/evaluation/evaluate.js';
import { summariseWeights } from '../../../src/domain/evaluation/weights.js';
import { blockingReviews } from '../../../src/domain/low-bids/blocking-reviews.js';
import { exampleDossier } from '../../helpers/dossiers.js';

const WITHDRAWAL = { receivedOn: '2026-03-12', reason: 'De school stopt met inburgeringstrajecten in deze regio.' };

function withB3(change: Partial<Dossier['bids'][number]>): Dossier {
  const dossier = exampleDossier();
  return { ...dossier, bids: dossier.bids.map((bid) => (bid.id === 'B3' ? { ...bid, ...change } : bid)) };
}

describe('a withdrawn bid in the dossier', () => {
  it('is valid without the scores it lacks; the scores it has must still be on the scale', () => {
    expect(parseDossier(withB3({ withdrawal: WITHDRAWAL, scores: {} })).ok).toBe(true);
    const missing = parseDossier(withB3({ scores: {} }));
    expect(missing.ok ? [] : missing.problems.map((p) => p.path)).toEqual(['bids[2].scores.K1', 'bids[2].scores.K2', 'bids[2].scores.K3', 'bids[2].scores.K4']);
    const offScale = parseDossier(withB3({ withdrawal: WITHDRAWAL, scores: { K1: 5 } }));
    expect(offScale.ok ? [] : offScale.problems).toEqual([{ path: 'bids[2].scores.K1', message: 'score 5 komt niet voor op de schaal 0, 2, 4, 6, 8, 10' }]);
  });

  it('needs a real date and a reason', () => {
    const bad = parseDossier(withB3({ withdrawal: { receivedOn: '2026-02-30', reason: ' ' } }));
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['bids[2].withdrawal.receivedOn', 'bids[2].withdrawal.reason']);
  });

  it('is excluded with its date and reason after the other reasons, and keeps the quality points of its scores', () => {
    const rejected = { state: 'rejected' as const, decision: 'rejected' as const, motivation: 'De prijs is niet verklaard.' };
    const result = evaluateDossier(withB3({ withdrawal: WITHDRAWAL, lowBidReview: rejected }));
    expect(result.bids.at(-1)).toEqual({
      bidId: 'B3',
      rank: null,
      status: 'excluded',
      score: null,
      qualityPoints: 25 * 0.6 + 20 * 0.4 + 15 * 0.4 + 10 * 0.4,
      exclusionReasons: [
        'afgewezen als abnormaal lage inschrijving (art. 2.116 Aanbestedingswet): De prijs is niet verklaard.',
        'ingetrokken door de inschrijver (ontvangen op 12 maart 2026): De school stopt met inburgeringstrajecten in deze regio.',
      ],
      lowBidFlags: [],
    });
  });

  it('is no reference for the others: their flags are those of the lot without it', () => {
    // B3 at €\u00a0318.000 pulls the mean of the others down; withdrawn, B4 is compared with B1 and B2 only.
    const dossier = exampleDossier();
    const without = evaluateDossier({ ...dossier, bids: dossier.bids.filter((bid) => bid.id !== 'B3') });
    const withdrawn = evaluateDossier(withB3({ withdrawal: WITHDRAWAL }));
    for (const bidId of ['B1', 'B2', 'B4']) {
      expect(withdrawn.bids.find((b) => b.bidId === bidId)?.lowBidFlags).toEqual(without.bids.find((b) => b.bidId === bidId)?.lowBidFlags);
    }
    expect(withdrawn.winner).toBe(without.winner);
  });

  it('blocks no award decision with a review that had started', () => {
    const review = { state: 'explanation-requested' as const, requestedAt: '2026-03-02', deadline: '2026-03-16', questions: 'Hoe?' };
    const result = evaluateDossier(withB3({ lowBidReview: review }));
    expect(blockingReviews(result, { B3: review }).map((b) => b.bidId)).toEqual(['B3']);
    expect(blockingReviews(result, { B3: review }, { withdrawn: new Set(['B3']) })).toEqual([]);
  });
});

describe('lowBidFlagsOfDossier', () => {
  it('flags from the prices alone, as the complete evaluation will', () => {
    const dossier = exampleDossier();
    const unscored = { ...dossier, bids: dossier.bids.map((bid) => ({ ...bid, scores: {} })) };
    const complete = new Map(evaluateDossier(dossier).bids.map((b) => [b.bidId, b.lowBidFlags]));
    const preview = lowBidFlagsOfDossier(unscored);
    for (const bid of dossier.bids) expect(preview.get(bid.id) ?? []).toEqual(complete.get(bid.id));
  });

  it('leaves out a bid already knocked out by a score given below its minimum', () => {
    const dossier = exampleDossier();
    const unscored: Dossier = {
      ...dossier,
      bids: dossier.bids.map((bid) => ({ ...bid, scores: bid.id === 'B2' ? { K1: 2 } : ({} as Record<string, number>) })),
    };
    const withoutB2 = lowBidFlagsOfDossier({ ...unscored, bids: unscored.bids.filter((bid) => bid.id !== 'B2') });
    expect(lowBidFlagsOfDossier(unscored).get('B3')).toEqual(withoutB2.get('B3'));
  });
});

describe('summariseWeights', () => {
  it('adds the criteria and the price weight in hundredths and gives each share', () => {
    const criteria = [
      { id: 'K1', title: 'Aanpak', weight: 33.33 },
      { id: 'K2', title: 'Begeleiding', weight: 33.33 },
    ];
    expect(summariseWeights({ method: 'lowest-relative', priceWeight: 33.34 }, criteria)).toMatchObject({
      quality: 66.66,
      price: 33.34,
      total: 100,
      addsUpTo100: true,
    });
    const off = summariseWeights({ method: 'lowest-relative', priceWeight: 20 }, [{ id: 'K1', title: 'Aanpak', weight: 60 }]);
    expect(off).toMatchObject({ total: 80, addsUpTo100: false });
    expect(off.shares).toEqual([
      { label: 'K1 Aanpak', weight: 60, share: 0.75 },
      { label: 'Prijs', weight: 20, share: 0.25 },
    ]);
    // A method without a price weight adds the criteria alone.
    expect(summariseWeights({ method: 'fixed-price', priceWeight: 20 }, [{ id: 'K1', title: 'Aanpak', weight: 100 }])).toMatchObject({
      price: 0,
      total: 100,
      addsUpTo100: true,
    });
  });
});
