import { describe, expect, it } from 'vitest';
import { looksLikeProcedure } from '../../../src/domain/procedure/procedure.schema.js';
import { buildProcedure, kvkOf, problemsOf as problems, type SimpleLot } from './build-procedure.js';

const LOTS: SimpleLot[] = [
  {
    id: 'L1',
    bids: [
      { id: 'A1', school: 'A', quality: 9 },
      { id: 'B1', school: 'B', quality: 7 },
    ],
  },
  { id: 'L2', bids: [{ id: 'A2', school: 'A', quality: 8 }] },
];

describe('the procedure file', () => {
  it('accepts a partial preference of a school, about lots it bid on', () => {
    expect(problems(buildProcedure({ lots: LOTS, awardLimit: { maxLotsPerBidder: 1, rule: 'bidder-preference' }, preferences: { A: ['L2'] } }))).toEqual([]);
  });

  it('refuses a lotOrder under bidder-preference, and a fractional maximum', () => {
    const procedure = buildProcedure({ lots: LOTS, awardLimit: { maxLotsPerBidder: 1.5, rule: 'bidder-preference', lotOrder: ['L1', 'L2'] } });
    expect(problems(procedure)).toEqual([
      'awardLimit.maxLotsPerBidder: moet een geheel getal van minstens 1 zijn',
      'awardLimit.lotOrder: hoort alleen bij de regel "lot-order"; laat lotOrder weg',
    ]);
  });

  it('refuses an unknown rule and a preference about a lot the school did not bid on', () => {
    const procedure = buildProcedure({ lots: LOTS, awardLimit: { maxLotsPerBidder: 1, rule: 'bidder-preference' }, preferences: { B: ['L2'] } });
    expect(problems(procedure)).toEqual([`preferences.${kvkOf('B')}[0]: KvK ${kvkOf('B')} heeft niet ingeschreven op perceel "L2"`]);
    const unknown = { ...procedure, awardLimit: { maxLotsPerBidder: 1, rule: 'first-come' }, preferences: undefined };
    expect(problems(unknown)).toEqual(['awardLimit.rule: moet een van "lot-order", "bidder-preference" zijn']);
  });

  it('does not repeat an over-long preference key in the path', () => {
    const procedure = {
      ...buildProcedure({ lots: LOTS, awardLimit: { maxLotsPerBidder: 1, rule: 'bidder-preference' } }),
      preferences: { ['9'.repeat(5000)]: [] },
    };
    expect(problems(procedure)).toEqual(['preferences: KvK-nummer moet precies 8 cijfers zijn; een sleutel van 5000 tekens is dat niet']);
  });

  it('reports a problem in a lot dossier with the dossier message under the lot path', () => {
    const procedure = buildProcedure({ lots: LOTS });
    (procedure.lots[1]!.dossier.bids[0]!.scores as Record<string, number>)['K1'] = 11;
    expect(problems(procedure)).toEqual([expect.stringMatching(/^lots\[1\]\.dossier\.bids\[0\]\.scores\.K1: /)]);
  });

  it('is told from a dossier by its format only', () => {
    expect(looksLikeProcedure({ format: 'gunningswijzer/procedure@1' })).toBe(true);
    expect(looksLikeProcedure({ format: 'gunningswijzer/procedure@2' })).toBe(true);
    expect(looksLikeProcedure({ format: 'gunningswijzer/dossier@1', lots: [] })).toBe(false);
    expect(looksLikeProcedure([])).toBe(false);
    expect(problems({ format: 'gunningswijzer/procedure@2' })[0]).toBe('format: moet precies "gunningswijzer/procedure@1" zijn');
  });
});
