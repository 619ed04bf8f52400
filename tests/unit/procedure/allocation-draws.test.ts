import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateProcedure } from '../../../src/domain/procedure/evaluate-procedure.js';
import { parseProcedure } from '../../../src/domain/procedure/procedure.schema.js';
import type { AwardLimit, LotDraw } from '../../../src/domain/procedure/procedure.js';
import { buildProcedure, kvkOf, problemsOf, readAsFile, type SimpleLot, tiedL1Lots, winners } from './build-procedure.js';

const RECORD = 'Geloot door de notaris op 3 maart 2027 met twee gesloten enveloppen.';

function allocate(lots: SimpleLot[], awardLimit: AwardLimit, draws?: LotDraw[], preferences?: Record<string, string[]>) {
  const procedure = buildProcedure({ lots, awardLimit, ...(preferences === undefined ? {} : { preferences }) });
  return evaluateProcedure(readAsFile({ ...procedure, ...(draws === undefined ? {} : { draws }) })).allocation;
}

// L1: A and C tie at rank 1; L2: A best, B second (the tie example of allocation-golden.test.ts).
const tiedL1 = tiedL1Lots();
const LOT_ORDER: AwardLimit = { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2'] };
const PREFERENCE: AwardLimit = { maxLotsPerBidder: 1, rule: 'bidder-preference' };

describe('a recorded draw of lots under lot-order', () => {
  it('without a draw the tied lot has no winner and counts for each tied school: L2 passes A by', () => {
    const allocation = allocate(tiedL1, LOT_ORDER);
    expect(winners(allocation)).toEqual({ L1: null, L2: 'B2' });
    expect(allocation[0]).not.toHaveProperty('drawOfLots');
    expect(allocation[0]!.tiedBids).toEqual(['A1', 'C1']);
    expect(allocation[1]).not.toHaveProperty('tiedBids');
    expect(allocation[1]!.reason).toContain(`School A (KvK ${kvkOf('A')}) heeft al perceel L1 (loting)`);
  });

  it('once a draw decided the tied lot, its entry no longer carries tiedBids (they are in drawOfLots), under both rules', () => {
    for (const drawn of ['A1', 'C1']) {
      const byOrder = allocate(tiedL1, LOT_ORDER, [{ lotId: 'L1', winner: drawn, record: RECORD }]);
      expect(byOrder.some((lot) => 'tiedBids' in lot)).toBe(false);
      expect(byOrder[0]!.drawOfLots?.tiedBids).toEqual(['A1', 'C1']);
      const byPreference = allocate(tiedL1, PREFERENCE, [{ lotId: 'L1', winner: drawn, record: RECORD }], { A: ['L1', 'L2'] });
      expect(byPreference.some((lot) => 'tiedBids' in lot)).toBe(false);
    }
  });

  it('a draw for C decides L1 for C; L1 then no longer counts for A, so A gets L2 (the knock-on effect)', () => {
    const allocation = allocate(tiedL1, LOT_ORDER, [{ lotId: 'L1', winner: 'C1', record: RECORD }]);
    expect(allocation).toEqual([
      {
        lotId: 'L1',
        winner: 'C1',
        winnerWithoutLimit: null,
        reason:
          'Gegund na loting aan School C (C1): School A (A1) en School C (C1) stonden gelijk op plaats 1 en de vastgelegde loting wees School C (C1) aan.',
        drawOfLots: { winner: 'C1', record: RECORD, tiedBids: ['A1', 'C1'] },
      },
      { lotId: 'L2', winner: 'A2', winnerWithoutLimit: 'A2', reason: 'Gegund aan de beste inschrijving, School A (A2).' },
    ]);
  });

  it('a draw for A decides L1 for A; A is then at its maximum and L2 goes to B', () => {
    const allocation = allocate(tiedL1, LOT_ORDER, [{ lotId: 'L1', winner: 'A1', record: RECORD }]);
    expect(winners(allocation)).toEqual({ L1: 'A1', L2: 'B2' });
    expect(allocation[1]!.reason).toBe(
      `Gegund aan de op één na beste inschrijving, School B (B2): School A (KvK ${kvkOf('A')}) heeft al perceel L1 (maximaal 1 perceel per inschrijver).`,
    );
  });

  it('a draw for a lot that is no longer tied (A took L2 first) is reported, not used', () => {
    const allocation = allocate(tiedL1, { ...LOT_ORDER, lotOrder: ['L2', 'L1'] }, [{ lotId: 'L1', winner: 'A1', record: RECORD }]);
    expect(winners(allocation)).toEqual({ L1: 'C1', L2: 'A2' });
    expect(allocation[0]).not.toHaveProperty('drawOfLots');
    expect(allocation[0]!.drawNotUsed).toEqual({ winner: 'A1', record: RECORD });
    expect(allocation[0]!.reason).toContain('De vastgelegde loting (gevallen op A1) is niet gebruikt');
  });

  it('a draw for a lot without a tie at all is reported and changes nothing', () => {
    const without = allocate(tiedL1, LOT_ORDER);
    const withDraw = allocate(tiedL1, LOT_ORDER, [{ lotId: 'L2', winner: 'B2', record: RECORD }]);
    expect(winners(withDraw)).toEqual(winners(without));
    expect(withDraw[1]!.drawNotUsed).toEqual({ winner: 'B2', record: RECORD });
    // L1 is still tied: it awaits its draw as before.
    expect(withDraw[0]!.tiedBids).toEqual(['A1', 'C1']);
  });
});

describe('a recorded draw of lots under bidder-preference', () => {
  it('without a draw: A prefers the tied L1, keeps its share and releases L2 to B', () => {
    expect(winners(allocate(tiedL1, PREFERENCE, undefined, { A: ['L1', 'L2'] }))).toEqual({ L1: null, L2: 'B2' });
  });

  it('a draw for C: A no longer holds L1 and keeps L2 (the knock-on effect)', () => {
    const allocation = allocate(tiedL1, PREFERENCE, [{ lotId: 'L1', winner: 'C1', record: RECORD }], { A: ['L1', 'L2'] });
    expect(winners(allocation)).toEqual({ L1: 'C1', L2: 'A2' });
    expect(allocation[0]!.drawOfLots).toEqual({ winner: 'C1', record: RECORD, tiedBids: ['A1', 'C1'] });
    expect(allocation[1]!.reason).toBe('Gegund aan de beste inschrijving, School A (A2).');
  });

  it('a draw for A: A holds L1 alone and releases L2 to B', () => {
    const allocation = allocate(tiedL1, PREFERENCE, [{ lotId: 'L1', winner: 'A1', record: RECORD }], { A: ['L1', 'L2'] });
    expect(winners(allocation)).toEqual({ L1: 'A1', L2: 'B2' });
    expect(allocation[1]!.reason).toBe(
      `Gegund aan de op één na beste inschrijving, School B (B2): School A (KvK ${kvkOf('A')}) houdt perceel L1, dat zij liever heeft (maximaal 1 perceel per inschrijver).`,
    );
  });

  it('a draw for A when A prefers L2 (so L1 was never tied in the end) is reported, not used', () => {
    const allocation = allocate(tiedL1, PREFERENCE, [{ lotId: 'L1', winner: 'A1', record: RECORD }], { A: ['L2', 'L1'] });
    expect(winners(allocation)).toEqual({ L1: 'C1', L2: 'A2' });
    expect(allocation[0]!.drawNotUsed).toEqual({ winner: 'A1', record: RECORD });
  });
});

describe('the draws in the file', () => {
  const file = (extra: Record<string, unknown>, limited = true) => ({
    ...JSON.parse(JSON.stringify(buildProcedure({ lots: tiedL1, ...(limited ? { awardLimit: LOT_ORDER } : {}) }))),
    ...extra,
  });
  const problems = problemsOf;

  it('a file without draws evaluates exactly as before (no draw fields in the output)', () => {
    const out = JSON.stringify(evaluateProcedure(readAsFile(buildProcedure({ lots: tiedL1, awardLimit: LOT_ORDER }))));
    expect(out).not.toContain('draw');
  });

  it('refuses a draw without a limitation, for an unknown lot, for a bid of another lot, twice for one lot, and a record that is no sentence', () => {
    expect(problems(file({ draws: [{ lotId: 'L1', winner: 'A1', record: RECORD }] }, false))).toEqual([
      'draws: een loting per perceel hoort alleen bij een gunningsbeperking (awardLimit); zonder beperking legt de gunningsbeslissing van het perceel de loting vast',
    ]);
    expect(
      problems(
        file({
          draws: [
            { lotId: 'L9', winner: 'A1', record: RECORD },
            { lotId: 'L1', winner: 'A2', record: RECORD },
            { lotId: 'L1', winner: 'A1', record: RECORD },
            { lotId: 'L2', winner: 'A2', record: 'geloot' },
          ],
        }),
      ),
    ).toEqual([
      'draws[0].lotId: geen perceel van deze procedure: "L9"',
      'draws[1].winner: geen inschrijving op perceel "L1": "A2"',
      'draws[2].lotId: voor perceel "L1" staat al een loting',
      'draws[3].record: beschrijf de loting (wie, wanneer, hoe): schrijf minstens één volledige zin (minstens 20 tekens en 3 woorden)',
    ]);
  });

  it('a valid draw parses and survives a JSON round trip', () => {
    const input = file({ draws: [{ lotId: 'L1', winner: 'C1', record: RECORD }] });
    const result = parseProcedure(input);
    expect(result.ok && result.procedure.draws).toEqual([{ lotId: 'L1', winner: 'C1', record: RECORD }]);
  });
});

describe('draws: property (fast-check)', () => {
  const SCHOOLS = ['A', 'B', 'C', 'D'];
  const world = fc.record({
    qualities: fc.array(fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 }),
    max: fc.integer({ min: 1, max: 2 }),
    rule: fc.constantFrom('lot-order' as const, 'bidder-preference' as const),
    drawPicks: fc.array(fc.option(fc.nat()), { minLength: 4, maxLength: 4 }),
  });

  it('with draws (one per lot, for any of its bids), no school ends above N counting lots awaiting a draw, and a used draw names its winner', () => {
    fc.assert(
      fc.property(world, ({ qualities, max, rule, drawPicks }) => {
        const lots: SimpleLot[] = qualities.map((row, l) => ({
          id: `L${l + 1}`,
          bids: SCHOOLS.flatMap((school, s) => (row[s]! < 0 ? [] : [{ id: `${school}${l + 1}`, school, quality: row[s]! }])),
        }));
        const awardLimit: AwardLimit =
          rule === 'lot-order' ? { maxLotsPerBidder: max, rule, lotOrder: lots.map((l) => l.id) } : { maxLotsPerBidder: max, rule };
        const draws = lots.flatMap((lot, l) => {
          const pick = drawPicks[l];
          const bid = pick === null || pick === undefined || lot.bids.length === 0 ? undefined : lot.bids[pick % lot.bids.length];
          return bid === undefined ? [] : [{ lotId: lot.id, winner: bid.id, record: RECORD }];
        });
        const allocation = allocate(lots, awardLimit, draws);
        const counts = new Map<string, number>();
        const add = (bidId: string) => counts.set(bidId[0]!, (counts.get(bidId[0]!) ?? 0) + 1);
        for (const lot of allocation) {
          if (lot.winner !== null) add(lot.winner);
          // A lot still tied counts for each tied school: its reason names them.
          else if (lot.reason.includes('loting is nodig'))
            for (const school of SCHOOLS) if (lot.reason.includes(`School ${school} (${school}`)) add(`${school}`);
          if (lot.drawOfLots !== undefined) {
            expect(lot.winner).toBe(lot.drawOfLots.winner);
            expect(lot.drawOfLots.tiedBids.length).toBeGreaterThanOrEqual(2);
          }
          const draw = draws.find((d) => d.lotId === lot.lotId);
          // Every recorded draw is either used or reported.
          if (draw !== undefined) expect(lot.drawOfLots !== undefined || lot.drawNotUsed !== undefined).toBe(true);
        }
        for (const count of counts.values()) expect(count).toBeLessThanOrEqual(max);
      }),
      { numRuns: 300 },
    );
  });
});
