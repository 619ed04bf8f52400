import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../src/domain/evaluation/dossier.js';
import { parseDossier } from '../../../src/domain/evaluation/dossier.schema.js';
import { evaluateDossier } from '../../../src/domain/evaluation/evaluate.js';
import { buildLot } from './build-lot.js';

const exampleUrl = new URL('../../../templates/examples/b1-route-ijsselland.dossier.json', import.meta.url);

function b1Example(): Dossier {
  const parsed = parseDossier(JSON.parse(readFileSync(exampleUrl, 'utf8')));
  if (!parsed.ok) throw new Error('the example dossier must be valid');
  return parsed.dossier;
}

/**
 * lowest-relative 40 (quality weight 100), germany preset (gap-to-next 20):
 * with C: A 60 + 40 * 40/100 = 76, B 55 + 40 * 40/80 = 75, C 10 + 40 = 50: A wins.
 * C (€\u00a040, 50 % under B) and B (€\u00a080, exactly 20 % under A) are flagged.
 * Without C: A 60 + 40 * 80/100 = 92, B 55 + 40 = 95: B wins.
 * Without B: A 76, C 50: A still wins.
 */
function cheapBidDecides(): Dossier {
  const dossier = buildLot({
    award: { method: 'lowest-relative', priceWeight: 40 },
    bids: [
      { id: 'A', quality: 60, price: 100 },
      { id: 'B', quality: 55, price: 80 },
      { id: 'C', quality: 10, price: 40 },
    ],
  });
  dossier.lowBidRules = { preset: 'germany' };
  return dossier;
}

describe('lowBidImpact: what rejecting a flagged bid would change', () => {
  it('B1-route example: rejecting B3 leaves B2 the winner', () => {
    const result = evaluateDossier(b1Example());
    expect(result.winner).toBe('B2');
    expect(result.lowBidImpact).toEqual({ B3: { winnerIfRejected: 'B2', changesWinner: false } });
  });

  it('B1-route example: the impact matches evaluating again with B3 rejected', () => {
    const dossier = b1Example();
    const b3 = dossier.bids.find((b) => b.id === 'B3');
    if (b3 === undefined) throw new Error('B3 missing');
    b3.lowBidReview = {
      state: 'rejected',
      decision: 'rejected',
      motivation: 'De kostenvloer wordt niet gehaald.',
      decidedAt: '2026-11-20',
    };
    const result = evaluateDossier(dossier);
    expect(result.winner).toBe('B2');
    // B3 keeps its flags (the rules still see it) and its entry now names the current winner.
    expect(result.bids.find((b) => b.bidId === 'B3')?.lowBidFlags.length).toBe(7);
    expect(result.lowBidImpact).toEqual({ B3: { winnerIfRejected: 'B2', changesWinner: false } });
  });

  it('a flagged losing bid whose low price decides the award: rejecting C makes B the winner', () => {
    const result = evaluateDossier(cheapBidDecides());
    expect(result.winner).toBe('A');
    expect(result.bids.filter((b) => b.lowBidFlags.length > 0).map((b) => b.bidId)).toEqual(['B', 'C']);
    expect(result.lowBidImpact).toEqual({
      B: { winnerIfRejected: 'A', changesWinner: false },
      C: { winnerIfRejected: 'B', changesWinner: true },
    });
  });

  it('after C is rejected, B wins, C keeps its flag, and rejecting B as well would give A', () => {
    const dossier = cheapBidDecides();
    const c = dossier.bids[2];
    if (c === undefined) throw new Error('C missing');
    c.lowBidReview = { state: 'rejected', decision: 'rejected', motivation: 'Niet verklaard.', decidedAt: '2026-11-20' };
    const result = evaluateDossier(dossier);
    expect(result.winner).toBe('B');
    expect(result.bids.find((b) => b.bidId === 'C')?.lowBidFlags.map((f) => f.rule)).toEqual(['gap-to-next']);
    expect(result.lowBidImpact).toEqual({
      B: { winnerIfRejected: 'A', changesWinner: true },
      C: { winnerIfRejected: 'B', changesWinner: false },
    });
  });

  it('rejecting a flagged winner under an absolute method gives the runner-up', () => {
    // min-max-set 40 over €\u00a050-200: A 60 + 40 * 100/150, B 70 + 40 * 50/150: A 86,67 beats B 83,33.
    const dossier = buildLot({
      award: { method: 'min-max-set', priceWeight: 40, priceFloor: 50, priceCeiling: 200 },
      bids: [
        { id: 'A', quality: 60, price: 50 },
        { id: 'B', quality: 70, price: 150 },
      ],
    });
    dossier.lowBidRules = { preset: 'germany' };
    const result = evaluateDossier(dossier);
    expect(result.winner).toBe('A');
    expect(result.lowBidImpact).toEqual({ A: { winnerIfRejected: 'B', changesWinner: true } });
  });

  it('reports a shared first place without the bid as a null winner', () => {
    // Without C, A and B tie on score and quality: 50 + 50 * 100/100 = 100 each; tieBreak [] leaves rank 1 shared.
    const dossier = buildLot({
      award: { method: 'lowest-relative', priceWeight: 50, tieBreak: [] },
      bids: [
        { id: 'A', quality: 50, price: 100 },
        { id: 'B', quality: 50, price: 100 },
        { id: 'C', quality: 45, price: 70 },
      ],
    });
    dossier.lowBidRules = { preset: 'germany' };
    const result = evaluateDossier(dossier);
    // With C: A and B 50 + 35 = 85, C 45 + 50 = 95: C wins.
    expect(result.winner).toBe('C');
    expect(result.lowBidImpact).toEqual({ C: { winnerIfRejected: null, changesWinner: true } });
  });

  it('is absent when no bid is flagged, and when the analysis is switched off', () => {
    const unflagged = buildLot({
      award: { method: 'lowest-relative', priceWeight: 40 },
      bids: [
        { id: 'A', quality: 60, price: 100 },
        { id: 'B', quality: 55, price: 95 },
      ],
    });
    unflagged.lowBidRules = { preset: 'germany' };
    expect('lowBidImpact' in evaluateDossier(unflagged)).toBe(false);
    expect('lowBidImpact' in evaluateDossier(cheapBidDecides(), { analysis: false })).toBe(false);
  });
});
