import { describe, expect, it } from 'vitest';
import { evaluateProcedure } from '../../../src/domain/procedure/evaluate-procedure.js';
import type { AwardLimit } from '../../../src/domain/procedure/procedure.js';
import { buildProcedure, kvkOf, readAsFile, type SimpleLot, tiedL1Lots, winners } from './build-procedure.js';

function allocate(lots: SimpleLot[], awardLimit?: AwardLimit, preferences?: Record<string, string[]>) {
  const procedure = buildProcedure({ lots, ...(awardLimit === undefined ? {} : { awardLimit }), ...(preferences === undefined ? {} : { preferences }) });
  // Through the schema, as the CLI does: the golden procedures are valid files.
  return evaluateProcedure(readAsFile(procedure)).allocation;
}

// School A is best on both lots, school B second on both.
const TWO_LOTS: SimpleLot[] = [
  {
    id: 'L1',
    bids: [
      { id: 'A1', school: 'A', quality: 9 },
      { id: 'B1', school: 'B', quality: 7 },
    ],
  },
  {
    id: 'L2',
    bids: [
      { id: 'A2', school: 'A', quality: 8 },
      { id: 'B2', school: 'B', quality: 6 },
    ],
  },
];

describe('the two rules give different allocations', () => {
  it('lot-order: L1 goes first to A; A is then at its maximum, so L2 goes to B, the next-ranked', () => {
    const allocation = allocate(TWO_LOTS, { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2'] });
    expect(allocation).toEqual([
      { lotId: 'L1', winner: 'A1', winnerWithoutLimit: 'A1', reason: 'Gegund aan de beste inschrijving, School A (A1).' },
      {
        lotId: 'L2',
        winner: 'B2',
        winnerWithoutLimit: 'A2',
        reason: `Gegund aan de op één na beste inschrijving, School B (B2): School A (KvK ${kvkOf('A')}) heeft al perceel L1 (maximaal 1 perceel per inschrijver).`,
      },
    ]);
  });

  it('the published lot order decides under lot-order: L2 first gives A lot L2 and B lot L1', () => {
    expect(winners(allocate(TWO_LOTS, { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L2', 'L1'] }))).toEqual({ L1: 'B1', L2: 'A2' });
  });

  it('bidder-preference: A wins both, prefers L2, keeps it and releases L1 to B', () => {
    const allocation = allocate(TWO_LOTS, { maxLotsPerBidder: 1, rule: 'bidder-preference' }, { A: ['L2', 'L1'] });
    expect(allocation).toEqual([
      {
        lotId: 'L1',
        winner: 'B1',
        winnerWithoutLimit: 'A1',
        reason: `Gegund aan de op één na beste inschrijving, School B (B1): School A (KvK ${kvkOf('A')}) houdt perceel L2, dat zij liever heeft (maximaal 1 perceel per inschrijver).`,
      },
      { lotId: 'L2', winner: 'A2', winnerWithoutLimit: 'A2', reason: 'Gegund aan de beste inschrijving, School A (A2).' },
    ]);
  });

  it('bidder-preference without a stated preference: at equal rank the school keeps the lot that comes first in the file', () => {
    expect(winners(allocate(TWO_LOTS, { maxLotsPerBidder: 1, rule: 'bidder-preference' }))).toEqual({ L1: 'A1', L2: 'B2' });
  });

  it('bidder-preference repeats until stable, and a school without a preference keeps the lot where it ranks best', () => {
    // B prefers L2 and releases L1 to A (second there); A then holds L1 (rank 2) and L3 (rank 1)
    // and keeps L3, where it ranks best, although L1 comes first in the file; L1 goes on to C.
    const lots: SimpleLot[] = [
      {
        id: 'L1',
        bids: [
          { id: 'B1', school: 'B', quality: 9 },
          { id: 'A1', school: 'A', quality: 8 },
          { id: 'C1', school: 'C', quality: 7 },
        ],
      },
      {
        id: 'L2',
        bids: [
          { id: 'B2', school: 'B', quality: 9 },
          { id: 'C2', school: 'C', quality: 5 },
        ],
      },
      {
        id: 'L3',
        bids: [
          { id: 'A3', school: 'A', quality: 9 },
          { id: 'C3', school: 'C', quality: 8 },
        ],
      },
    ];
    const allocation = allocate(lots, { maxLotsPerBidder: 1, rule: 'bidder-preference' }, { B: ['L2', 'L1'] });
    expect(winners(allocation)).toEqual({ L1: 'C1', L2: 'B2', L3: 'A3' });
    expect(allocation[0]!.reason).toBe(
      `Gegund aan de op twee na beste inschrijving, School C (C1): School B (KvK ${kvkOf('B')}) houdt perceel L2, dat zij liever heeft (maximaal 1 perceel per inschrijver); ` +
        `School A (KvK ${kvkOf('A')}) houdt perceel L3, dat zij liever heeft (maximaal 1 perceel per inschrijver).`,
    );
    // Under lot-order in file order the same lots give L1 to B, L2 to C and L3 to A.
    expect(winners(allocate(lots, { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2', 'L3'] }))).toEqual({ L1: 'B1', L2: 'C2', L3: 'A3' });
  });
});

describe('ties, as the spec decides them: the tool does not draw lots', () => {
  const tiedL1 = tiedL1Lots();

  it('without a limitation a shared first rank leaves the lot without a winner, like its own result', () => {
    const allocation = allocate(tiedL1);
    expect(allocation[0]).toEqual({
      lotId: 'L1',
      winner: null,
      winnerWithoutLimit: null,
      reason: 'Nog niet gegund: School A (A1) en School C (C1) staan gelijk op plaats 1 en de beslisregel bij gelijke stand beslist niet: loting is nodig.',
      tiedBids: ['A1', 'C1'],
    });
    expect(allocation[1]!.winner).toBe('A2');
    expect(allocation[1]).not.toHaveProperty('tiedBids');
  });

  it('a lot awaiting a draw carries its tied bids in the allocation, under both rules; a lot that is not tied has none', () => {
    const byOrder = allocate(tiedL1, { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2'] });
    expect(byOrder.map((lot) => lot.tiedBids)).toEqual([['A1', 'C1'], undefined]);
    expect(byOrder[1]).not.toHaveProperty('tiedBids');
    const byPreference = allocate(tiedL1, { maxLotsPerBidder: 1, rule: 'bidder-preference' }, { A: ['L1', 'L2'] });
    expect(byPreference.map((lot) => lot.tiedBids)).toEqual([['A1', 'C1'], undefined]);
    // A tie with a school already at its maximum is no tie: nothing awaits a draw.
    const noTie = allocate(tiedL1, { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L2', 'L1'] });
    expect(noTie.some((lot) => 'tiedBids' in lot)).toBe(false);
  });

  it('lot-order: the tied lot waits for the draw and counts for both tied schools, so L2 passes A by', () => {
    const allocation = allocate(tiedL1, { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2'] });
    expect(allocation[0]!.winner).toBeNull();
    expect(allocation[0]!.reason).toContain('loting is nodig (tot de loting telt het perceel mee voor het maximum van elk van deze inschrijvers)');
    expect(allocation[1]).toMatchObject({ winner: 'B2', winnerWithoutLimit: 'A2' });
    expect(allocation[1]!.reason).toContain(`School A (KvK ${kvkOf('A')}) heeft al perceel L1 (loting)`);
  });

  it('lot-order: a tie with a school already at its maximum is no tie: the other school wins', () => {
    const allocation = allocate(tiedL1, { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L2', 'L1'] });
    expect(winners(allocation)).toEqual({ L1: 'C1', L2: 'A2' });
    expect(allocation[0]!.reason).toBe(
      `Gegund aan de beste inschrijving, School C (C1): School A (KvK ${kvkOf('A')}) heeft al perceel L2 (maximaal 1 perceel per inschrijver).`,
    );
  });

  it('bidder-preference: a tied school that prefers another lot releases the tied one, which then has one holder', () => {
    expect(winners(allocate(tiedL1, { maxLotsPerBidder: 1, rule: 'bidder-preference' }, { A: ['L2', 'L1'] }))).toEqual({ L1: 'C1', L2: 'A2' });
  });

  it('bidder-preference: a tied school that prefers the tied lot keeps its share and releases the other lot', () => {
    const allocation = allocate(tiedL1, { maxLotsPerBidder: 1, rule: 'bidder-preference' }, { A: ['L1', 'L2'] });
    expect(winners(allocation)).toEqual({ L1: null, L2: 'B2' });
    expect(allocation[1]!.reason).toBe(
      `Gegund aan de op één na beste inschrijving, School B (B2): School A (KvK ${kvkOf('A')}) houdt perceel L1 (loting), dat zij liever heeft (maximaal 1 perceel per inschrijver).`,
    );
  });
});

describe('excluded bids, lots without bids, and lots no school may take', () => {
  it('an excluded bid never wins: the lot goes to the best ranked bid, also without a limitation', () => {
    const lots: SimpleLot[] = [
      {
        id: 'L1',
        bids: [
          { id: 'A1', school: 'A', quality: 0 },
          { id: 'B1', school: 'B', quality: 4 },
        ],
      },
    ];
    expect(allocate(lots)).toEqual([{ lotId: 'L1', winner: 'B1', winnerWithoutLimit: 'B1', reason: 'Gegund aan de beste inschrijving, School B (B1).' }]);
  });

  it('a lot whose every bid is excluded, and a lot without bids, stay unawarded with their reason', () => {
    const lots: SimpleLot[] = [
      { id: 'L1', bids: [{ id: 'A1', school: 'A', quality: 0 }] },
      { id: 'L2', bids: [] },
    ];
    for (const limit of [
      undefined,
      { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L2', 'L1'] },
      { maxLotsPerBidder: 1, rule: 'bidder-preference' },
    ] as const) {
      expect(allocate(lots, limit as AwardLimit | undefined)).toEqual([
        { lotId: 'L1', winner: null, winnerWithoutLimit: null, reason: 'Niet gegund: alle inschrijvingen op dit perceel zijn uitgesloten.' },
        { lotId: 'L2', winner: null, winnerWithoutLimit: null, reason: 'Niet gegund: er is geen inschrijving op dit perceel.' },
      ]);
    }
  });

  it('a lot whose only valid bidder is at its maximum stays unawarded, under both rules', () => {
    const lots: SimpleLot[] = [
      { id: 'L1', bids: [{ id: 'A1', school: 'A', quality: 9 }] },
      {
        id: 'L2',
        bids: [
          { id: 'A2', school: 'A', quality: 9 },
          { id: 'B2', school: 'B', quality: 0 },
        ],
      },
    ];
    const byOrder = allocate(lots, { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2'] });
    expect(byOrder[1]).toEqual({
      lotId: 'L2',
      winner: null,
      winnerWithoutLimit: 'A2',
      reason: `Niet gegund: geen geldige inschrijving over binnen het maximum: School A (KvK ${kvkOf('A')}) heeft al perceel L1 (maximaal 1 perceel per inschrijver).`,
    });
    expect(winners(allocate(lots, { maxLotsPerBidder: 1, rule: 'bidder-preference' }))).toEqual({ L1: 'A1', L2: null });
  });

  it('a maximum of at least the number of lots changes nothing: both rules give each lot its own winner', () => {
    const lots: SimpleLot[] = [
      ...TWO_LOTS,
      {
        id: 'L3',
        bids: [
          { id: 'A3', school: 'A', quality: 5 },
          { id: 'B3', school: 'B', quality: 5 },
        ],
      },
    ];
    const own = { L1: 'A1', L2: 'A2', L3: null };
    expect(winners(allocate(lots))).toEqual(own);
    expect(winners(allocate(lots, { maxLotsPerBidder: 3, rule: 'lot-order', lotOrder: ['L3', 'L2', 'L1'] }))).toEqual(own);
    expect(winners(allocate(lots, { maxLotsPerBidder: 7, rule: 'bidder-preference' }, { A: ['L3', 'L2', 'L1'] }))).toEqual(own);
    expect(allocate(lots, { maxLotsPerBidder: 3, rule: 'lot-order', lotOrder: ['L1', 'L2', 'L3'] })[1]!.reason).toBe(
      'Gegund aan de beste inschrijving, School A (A2).',
    );
  });

  it('two lots and a maximum of two: a school may win both', () => {
    expect(winners(allocate(TWO_LOTS, { maxLotsPerBidder: 2, rule: 'lot-order', lotOrder: ['L1', 'L2'] }))).toEqual({ L1: 'A1', L2: 'A2' });
  });
});
