/**
 * Issue 21, outputs: the OCDS release of a procedure with several lots
 * (src/domain/ocds/build-procedure-release.ts, docs/procedures.md "Outputs"), on the
 * three-lot example: valid against the official schemas with the declared extensions, the
 * lots with their values, bids and statistics tied to their lot, and one award per lot to
 * the bid the allocation gives it, not the lot's own winner.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TENDER_STATUSES, type TenderStatus } from '../../../src/domain/lifecycle/tender-status.js';
import { buildProcedureReleasePackage, type ProcedureReleaseMeta } from '../../../src/domain/ocds/build-procedure-release.js';
import type { OcdsRelease, OcdsReleasePackage } from '../../../src/domain/ocds/release-types.js';
import { evaluateProcedure } from '../../../src/domain/procedure/evaluate-procedure.js';
import type { Procedure } from '../../../src/domain/procedure/procedure.js';
import { parseProcedure } from '../../../src/domain/procedure/procedure.schema.js';
import { validators } from './ocds-schemas.js';

function example(): Procedure {
  const parsed = parseProcedure(
    JSON.parse(readFileSync(new URL('../../../templates/examples/ijsselland-drie-percelen.procedure.json', import.meta.url), 'utf8')),
  );
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return parsed.procedure;
}

const ZWOLLE = '05234567';
const IJSSELLAND = '05123456';
const KAMPEN = '05456789';
const SNEL = '05345678';

const DATES: Partial<ProcedureReleaseMeta> = {
  openedAt: '2027-01-15T12:00:00+01:00',
  awardDecisionAt: '2027-03-01T10:00:00+01:00',
  standstillEndsOn: '2027-03-21',
  updatedAt: '2027-03-01T10:00:00+01:00',
};

function build(procedure: Procedure, status: TenderStatus, extra: Partial<ProcedureReleaseMeta> = {}): OcdsReleasePackage {
  return buildProcedureReleasePackage(procedure, evaluateProcedure(procedure), {
    id: 'prc_7',
    status,
    ...DATES,
    buyer: { id: 'gemeente-zwolle', name: 'Gemeente Zwolle' },
    publishedDate: '2027-04-01T08:00:00Z',
    uri: 'https://gunningswijzer.example/api/v1/procedures/prc_7/ocds',
    ...extra,
  });
}

function release(ocds: OcdsReleasePackage): OcdsRelease {
  const [first] = ocds.releases;
  if (first === undefined) throw new Error('no release');
  return first;
}

/** Per lot id: the KvK number of the award's supplier and its bid. */
function awardsByLot(ocds: OcdsReleasePackage): Record<string, { kvk: string; bid: string }> {
  return Object.fromEntries(
    (release(ocds).awards ?? []).map((award) => [
      award.relatedLots[0],
      { kvk: award.suppliers[0]?.id.replace('NL-KVK-', '') ?? '', bid: award.relatedBids[0] ?? '' },
    ]),
  );
}

describe('the OCDS release of a procedure validates against the official 1.1.5 schemas and the declared extensions', () => {
  for (const status of TENDER_STATUSES) {
    it(`for the three-lot example in status ${status}`, () => {
      const ocds = build(example(), status);
      expect(validators.official.validatePackage(ocds)).toEqual([]);
      expect(validators.official.validateRelease(release(ocds))).toEqual([]);
      expect(validators.extended.validatePackage(ocds)).toEqual([]);
      expect(validators.closed.validatePackage(ocds)).toEqual([]);
    });
  }
  it('also without a limitation and with a decision per lot', () => {
    const procedure = { ...example(), awardLimit: undefined };
    const ocds = build(procedure, 'open', {
      lots: { L3: { status: 'awarded', awardDecisionAt: '2027-02-01T10:00:00+01:00', standstillEndsOn: '2027-02-21' } },
    });
    expect(validators.closed.validatePackage(ocds)).toEqual([]);
  });
});

describe('the OCDS release of the three-lot example (lot order, at most 1 lot per school)', () => {
  const ocds = build(example(), 'award-proposed');
  const r = release(ocds);

  it('holds the three lots with their estimated values, criteria and items', () => {
    expect(r.tender.lots.map((lot) => [lot.id, lot.title, lot.status, lot.value?.amount])).toEqual([
      ['L1', 'B1-route', 'active', 520000],
      ['L2', 'onderwijsroute', 'active', 450000],
      ['L3', 'Z-route', 'active', 150000],
    ]);
    expect(r.tender.value).toEqual({ amount: 1_120_000, currency: 'EUR' });
    expect(r.tender.lots[0]?.awardCriteria.criteria.map((c) => c.type)).toEqual(['quality', 'quality', 'quality', 'quality', 'price']);
    expect(r.tender.items?.map((item) => [item.id, item.relatedLot, item.quantity])).toEqual([
      ['L1', 'L1', 80],
      ['L2', 'L2', 40],
      ['L3', 'L3', 30],
    ]);
    expect(r.tender.title).toBe('Inburgering regio IJsselland 2027-2029');
    expect(r.ocid).toBe('ocds-gw0000-prc_7');
  });

  it('describes the award limitation in lotDetails, with its published rule', () => {
    expect(r.tender.lotDetails?.maximumLotsAwardedPerSupplier).toBe(1);
    expect(r.tender.lotDetails?.maximumLotsBidPerSupplier).toBeUndefined();
    expect(r.tender.lotDetails?.awardCriteriaDetails).toContain('maximaal 1 perceel per inschrijver');
    expect(r.tender.lotDetails?.awardCriteriaDetails).toContain('"volgorde van de percelen"');
    expect(r.tender.lotDetails?.awardCriteriaDetails).toContain('Volgorde: L1, L2, L3.');
  });

  it('ties every bid and statistic to its lot, with ids unique over the procedure', () => {
    expect(r.bids.details.map((bid) => [bid.id, bid.relatedLots, bid.rank ?? null])).toEqual([
      ['L1-B1', ['L1'], 2],
      ['L1-B2', ['L1'], 1],
      ['L1-B3', ['L1'], 4],
      ['L1-B4', ['L1'], 3],
      ['L2-B1', ['L2'], 2],
      ['L2-B2', ['L2'], 1],
      ['L2-B3', ['L2'], 3],
      ['L3-B1', ['L3'], 1],
      ['L3-B2', ['L3'], 2],
      ['L3-B3', ['L3'], null],
    ]);
    expect(r.bids.details.find((bid) => bid.id === 'L3-B3')?.status).toBe('disqualified');
    expect(new Set(r.bids.statistics.map((s) => s.id)).size).toBe(r.bids.statistics.length);
    const count = (lot: string, measure: string) => r.bids.statistics.find((s) => s.relatedLot === lot && s.measure === measure)?.value;
    expect([count('L1', 'bids'), count('L2', 'bids'), count('L3', 'bids')]).toEqual([4, 3, 3]);
    expect([count('L1', 'bidders'), count('L2', 'bidders'), count('L3', 'bidders')]).toEqual([4, 3, 3]);
    expect(count('L3', 'validBids')).toBe(2);
  });

  it('awards each lot to the allocated bid: L2 and L3 not to NT2 Centrum Zwolle, their best bid, but to the next school', () => {
    const result = evaluateProcedure(example());
    expect(result.allocation.map((a) => [a.lotId, a.winnerWithoutLimit, a.winner])).toEqual([
      ['L1', 'B2', 'B2'],
      ['L2', 'B2', 'B1'],
      ['L3', 'B1', 'B2'],
    ]);
    expect(awardsByLot(ocds)).toEqual({
      L1: { kvk: ZWOLLE, bid: 'L1-B2' },
      L2: { kvk: IJSSELLAND, bid: 'L2-B1' },
      L3: { kvk: KAMPEN, bid: 'L3-B2' },
    });
    const l2 = r.awards?.find((award) => award.relatedLots[0] === 'L2');
    expect(l2?.status).toBe('pending');
    expect(l2?.value.amount).toBe(r.bids.details.find((bid) => bid.id === 'L2-B1')?.value.amount);
    expect(l2?.description).toContain('De opschortende termijn loopt tot en met 2027-03-21.');
    expect(l2?.description).toContain('NT2 Centrum Zwolle (KvK 05234567) heeft al perceel L1');
    expect(r.tag).toEqual(['award']);
  });

  it('names every school once by its KvK number, the three allocated winners as suppliers', () => {
    expect(r.parties.map((party) => [party.id, party.roles])).toEqual([
      ['gemeente-zwolle', ['buyer']],
      [`NL-KVK-${IJSSELLAND}`, ['tenderer', 'supplier']],
      [`NL-KVK-${ZWOLLE}`, ['tenderer', 'supplier']],
      [`NL-KVK-${SNEL}`, ['tenderer']],
      [`NL-KVK-${KAMPEN}`, ['tenderer', 'supplier']],
    ]);
    expect(r.tender.numberOfTenderers).toBe(4);
  });

  it("gives a school's party its postal address from the first of its bids over the lots that gives one, without contact details", () => {
    const procedure = example();
    const bid = (lotId: string, bidId: string) => {
      const found = procedure.lots.find((lot) => lot.id === lotId)?.dossier.bids.find((candidate) => candidate.id === bidId);
      if (found === undefined) throw new Error(`no bid ${lotId}-${bidId}`);
      return found;
    };
    // Het Taalhuis Kampen gives its address on L2 only (not on L1, its first bid), with a contact person.
    Object.assign(bid('L2', 'B3').provider, {
      street: 'Oudestraat 101',
      postcode: '8261 CK',
      place: 'Kampen',
      contactPerson: 'Jan Bakker',
      email: 'j.bakker@taalhuiskampen.example',
    });
    Object.assign(bid('L3', 'B2').provider, { street: 'IJsselkade 1', postcode: '8261 AA', place: 'Kampen' });
    for (const status of TENDER_STATUSES) {
      const ocds = build(procedure, status);
      expect(validators.official.validatePackage(ocds)).toEqual([]);
      expect(validators.closed.validatePackage(ocds)).toEqual([]);
    }
    const ocds = build(procedure, 'award-proposed');
    const { parties } = release(ocds);
    expect(parties.find((party) => party.id === `NL-KVK-${KAMPEN}`)).toEqual({
      id: `NL-KVK-${KAMPEN}`,
      name: 'Het Taalhuis Kampen',
      identifier: { scheme: 'NL-KVK', id: KAMPEN, legalName: 'Het Taalhuis Kampen' },
      address: { streetAddress: 'Oudestraat 101', postalCode: '8261 CK', locality: 'Kampen', countryName: 'Nederland' },
      roles: ['tenderer', 'supplier'],
    });
    expect(parties.filter((party) => 'address' in party).map((party) => party.id)).toEqual([`NL-KVK-${KAMPEN}`]);
    expect(JSON.stringify(ocds)).not.toMatch(/Jan Bakker|j\.bakker@taalhuiskampen/);
  });
});

describe('the OCDS release follows the allocation rule and the decisions', () => {
  it('without a limitation, every lot goes to its own winner, NT2 Centrum Zwolle', () => {
    const ocds = build({ ...example(), awardLimit: undefined }, 'awarded', { updatedAt: '2027-03-22T09:15:00+01:00' });
    expect(Object.values(awardsByLot(ocds)).map((a) => a.kvk)).toEqual([ZWOLLE, ZWOLLE, ZWOLLE]);
    expect(release(ocds).tender.lotDetails).toBeUndefined();
    expect(release(ocds).tag).toEqual(['awardUpdate']);
    expect(release(ocds).awards?.every((award) => award.status === 'active')).toBe(true);
  });

  it('under bidder preference NT2 Centrum Zwolle keeps L2, its preference, and L1 goes to Taalschool IJsselland', () => {
    const procedure: Procedure = {
      ...example(),
      awardLimit: { maxLotsPerBidder: 1, rule: 'bidder-preference' },
      preferences: { [ZWOLLE]: ['L2', 'L1', 'L3'] },
    };
    const ocds = build(procedure, 'award-proposed');
    expect(awardsByLot(ocds)).toEqual({
      L1: { kvk: IJSSELLAND, bid: 'L1-B1' },
      L2: { kvk: ZWOLLE, bid: 'L2-B2' },
      L3: { kvk: KAMPEN, bid: 'L3-B2' },
    });
    expect(release(ocds).tender.lotDetails?.awardCriteriaDetails).toContain('"voorkeur van de inschrijver"');
  });

  it('before the decision there is no award and the bids are pending in draft', () => {
    const draft = release(build(example(), 'draft'));
    expect(draft.awards).toBeUndefined();
    expect(draft.tag).toEqual(['planning']);
    expect(draft.bids.details.every((bid) => bid.status === 'pending' && bid.rank === undefined)).toBe(true);
    expect(release(build(example(), 'open')).awards).toBeUndefined();
  });

  it('a lot decided on its own has its own award status and dates', () => {
    const ocds = build(example(), 'open', {
      lots: { L3: { status: 'awarded', awardDecisionAt: '2027-02-01T10:00:00+01:00', standstillEndsOn: '2027-02-21' } },
    });
    const r = release(ocds);
    expect(r.awards?.map((award) => [award.relatedLots[0], award.status, award.date])).toEqual([['L3', 'active', '2027-02-01T10:00:00+01:00']]);
    expect(r.tender.lots.map((lot) => lot.status)).toEqual(['active', 'active', 'complete']);
    expect(r.tag).toEqual(['awardUpdate']);
  });

  it('refuses a result of another procedure, a malformed date and an unknown lot', () => {
    const procedure = example();
    const other = evaluateProcedure({ ...procedure, awardLimit: undefined, lots: procedure.lots.slice(0, 2) });
    const meta = { id: 'p', status: 'open' as const, buyer: { id: 'g', name: 'G' }, publishedDate: '2027-04-01T08:00:00Z', uri: 'https://x.example/o' };
    expect(() => buildProcedureReleasePackage(procedure, other, meta)).toThrow(RangeError);
    expect(() => buildProcedureReleasePackage(procedure, evaluateProcedure(procedure), { ...meta, standstillEndsOn: '21-03-2027' })).toThrow(/YYYY-MM-DD/);
    expect(() => buildProcedureReleasePackage(procedure, evaluateProcedure(procedure), { ...meta, lots: { L9: { status: 'awarded' } } })).toThrow(/L9/);
  });
});
