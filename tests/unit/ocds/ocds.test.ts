import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../src/domain/evaluation/dossier.js';
import { parseDossier } from '../../../src/domain/evaluation/dossier.schema.js';
import { evaluateDossier } from '../../../src/domain/evaluation/evaluate.js';
import { TENDER_STATUSES, type TenderStatus } from '../../../src/domain/lifecycle/tender-status.js';
import { type BuildOcdsReleasePackageInput, buildOcdsReleasePackage } from '../../../src/domain/ocds/build-release-package.js';
import { OCDS_EXTENSIONS } from '../../../src/domain/ocds/extensions.js';
import type { OcdsReleasePackage } from '../../../src/domain/ocds/release-types.js';
import { codelists, createOcdsValidators, OWN_CODES, patchedReleaseSchema, unresolvedRefs, validators } from './ocds-schemas.js';

function loadExample(name: string): Dossier {
  const parsed = parseDossier(JSON.parse(readFileSync(new URL(`../../../templates/examples/${name}`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n'));
  return parsed.dossier;
}

const B1 = loadExample('b1-route-ijsselland.dossier.json');

/** The B1-route example with B3 (€\u00a0289.000, flagged by five rules) rejected after the art. 2.116 review. */
function withRejectedLowBid(): Dossier {
  const dossier = structuredClone(B1);
  const b3 = dossier.bids.find((bid) => bid.id === 'B3')!;
  b3.lowBidReview = {
    state: 'rejected',
    requestedAt: '2027-02-01',
    deadline: '2027-02-08',
    explanation: 'Wij werken met grotere groepen.',
    receivedAt: '2027-02-07',
    decision: 'rejected',
    motivation: 'De toelichting maakt de lage prijs voor voortgangsgesprekken niet aannemelijk.',
    decidedAt: '2027-02-10',
  };
  return dossier;
}

const DATES: Record<TenderStatus, Partial<BuildOcdsReleasePackageInput['tender']>> = {
  draft: { updatedAt: '2027-01-10T09:00:00Z' },
  open: { openedAt: '2027-01-15T12:00:00+01:00', updatedAt: '2027-02-10T16:30:00+01:00' },
  'award-proposed': {
    openedAt: '2027-01-15T12:00:00+01:00',
    awardDecisionAt: '2027-03-01T10:00:00+01:00',
    standstillEndsOn: '2027-03-21',
    updatedAt: '2027-03-01T10:00:00+01:00',
  },
  awarded: {
    openedAt: '2027-01-15T12:00:00+01:00',
    awardDecisionAt: '2027-03-01T10:00:00+01:00',
    standstillEndsOn: '2027-03-21',
    updatedAt: '2027-03-22T09:15:00+01:00',
  },
};

function build(dossier: Dossier, status: TenderStatus, extra: Partial<BuildOcdsReleasePackageInput['tender']> = {}): OcdsReleasePackage {
  return buildOcdsReleasePackage({
    tender: { id: 'tnd_42', status, ...DATES[status], ...extra },
    dossier,
    result: evaluateDossier(dossier),
    buyer: { id: 'gemeente-zwolle', name: 'Gemeente Zwolle' },
    publishedDate: '2027-04-01T08:00:00Z',
    uri: 'https://gunningswijzer.example/api/v1/tenders/tnd_42/ocds',
  });
}

function expectValid(ocds: OcdsReleasePackage): void {
  expect(validators.official.validatePackage(ocds)).toEqual([]);
  expect(validators.official.validateRelease(ocds.releases[0])).toEqual([]);
  expect(validators.extended.validatePackage(ocds)).toEqual([]);
  expect(validators.closed.validatePackage(ocds)).toEqual([]);
}

function release(ocds: OcdsReleasePackage) {
  const [first] = ocds.releases;
  if (first === undefined) throw new Error('no release');
  return first;
}

describe('the OCDS export validates against the official 1.1.5 schemas', () => {
  for (const status of TENDER_STATUSES) {
    it(`for the B1-route example in status ${status}`, () => expectValid(build(B1, status)));
    it(`for the B1-route example with a rejected abnormally low bid in status ${status}`, () => expectValid(build(withRejectedLowBid(), status)));
  }

  it('for the gunnen-op-waarde example', () => {
    expectValid(build(loadExample('onderwijsroute-gunnen-op-waarde.dossier.json'), 'awarded'));
  });

  const variants: Record<string, Partial<Dossier['award']>> = {
    'min-max-bids': { method: 'min-max-bids', priceWeight: 30 },
    'min-max-set': { method: 'min-max-set', priceWeight: 30, priceFloor: 250000, priceCeiling: 550000 },
    'quality-price-ratio': { method: 'quality-price-ratio', priceWeight: undefined },
    'utility-index': { method: 'utility-index', priceWeight: 30 },
    'fixed-price': { method: 'fixed-price', priceWeight: undefined, fixedPrice: 480000 },
  };
  for (const [name, award] of Object.entries(variants)) {
    it(`for the method ${name}`, () => {
      const dossier = structuredClone(B1);
      dossier.award = { ...dossier.award, ...award };
      if (award.method === 'fixed-price') for (const bid of dossier.bids) bid.price = bid.priceLines = undefined;
      expectValid(build(dossier, 'award-proposed'));
    });
  }

  it('and the official schemas refuse what OCDS forbids: a date without a time, an unknown tag', () => {
    const ocds = structuredClone(build(B1, 'awarded')) as unknown as { releases: { date: string; tag: string[] }[] };
    ocds.releases[0]!.date = '2027-03-22';
    ocds.releases[0]!.tag = ['awarded'];
    const errors = validators.official.validatePackage(ocds).join('\n');
    expect(errors).toMatch(/releases\/0\/date must match format "date-time"/);
    expect(errors).toMatch(/releases\/0\/tag\/0 must be equal to one of the allowed values/);
  });

  it('and the stricter checks catch a wrong bid status and an undeclared field', () => {
    const ocds = build(B1, 'awarded');
    const wrongStatus = structuredClone(ocds) as unknown as { releases: { bids: { details: { status: string }[] } }[] };
    wrongStatus.releases[0]!.bids.details[0]!.status = 'won';
    expect(validators.official.validatePackage(wrongStatus)).toEqual([]);
    expect(validators.extended.validatePackage(wrongStatus).join()).toMatch(/bids\/details\/0\/status/);
    const undeclared = structuredClone(ocds) as unknown as { releases: { bids: { details: Record<string, unknown>[] } }[] };
    undeclared.releases[0]!.bids.details[0]!.ranking = 1;
    expect(validators.extended.validatePackage(undeclared)).toEqual([]);
    expect(validators.closed.validatePackage(undeclared).join()).toMatch(/additionalProperty.*ranking/);
  });
});

describe('the declared extensions, merged as the OCDS data review library merges them', () => {
  const ocds = build(withRejectedLowBid(), 'awarded');

  it('resolve fully: every $ref of the patched release schema names a definition', () => {
    expect(unresolvedRefs(patchedReleaseSchema(ocds.extensions))).toEqual([]);
    expect(() => createOcdsValidators(ocds.extensions)).not.toThrow();
  });

  it('need submissionTerms: the lots extension refers to its SubmissionTerms', () => {
    const withoutSubmissionTerms = [OCDS_EXTENSIONS.bids, OCDS_EXTENSIONS.lots, OCDS_EXTENSIONS.awardCriteria];
    expect(unresolvedRefs(patchedReleaseSchema(withoutSubmissionTerms))).toEqual(['#/definitions/SubmissionTerms']);
    expect(() => createOcdsValidators(withoutSubmissionTerms)).toThrow(/unresolved references: #\/definitions\/SubmissionTerms/);
  });

  it('bring every codelist their fields name, so no codelist check is skipped', () => {
    const named = new Set<string>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (typeof node === 'object' && node !== null) {
        const { codelist } = node as { codelist?: unknown };
        if (typeof codelist === 'string') named.add(codelist);
        Object.values(node).forEach(visit);
      }
    };
    visit(patchedReleaseSchema(ocds.extensions));
    const available = codelists(ocds.extensions);
    expect([...named].filter((name) => !available.has(name))).toEqual([]);
    expect(named).toContain('statistic.csv');
    expect(named).toContain('criterionThreshold.csv');
  });

  it('use only codelist codes, and of our own only the documented one', () => {
    const statistic = codelists(ocds.extensions).get('statistic.csv')!;
    const measures = release(ocds).bids.statistics.map((s) => s.measure);
    expect(measures.filter((measure) => !statistic.has(measure))).toEqual(['bidsFlaggedAbnormallyLow']);
    expect(OWN_CODES).toEqual({ 'statistic.csv': ['bidsFlaggedAbnormallyLow'] });
    expect(statistic.has('disqualifiedBids')).toBe(true);
    expect(statistic.has('tendersDisqualified')).toBe(false);
  });

  it('catch a code that is in no codelist, open or closed', () => {
    const renamed = structuredClone(ocds) as unknown as { releases: { bids: { statistics: { measure: string }[] } }[] };
    renamed.releases[0]!.bids.statistics[3]!.measure = 'tendersDisqualified';
    expect(validators.official.validatePackage(renamed)).toEqual([]);
    expect(validators.extended.validatePackage(renamed).join('\n')).toMatch(
      /\/releases\/0\/bids\/statistics\/3\/measure tendersDisqualified not in the open codelist \(and not a documented own code\) statistic\.csv/,
    );
    const role = structuredClone(ocds) as unknown as { releases: { parties: { roles: string[] }[] }[] };
    role.releases[0]!.parties[1]!.roles = ['tenderer', 'inschrijver'];
    expect(validators.extended.validatePackage(role).join('\n')).toMatch(/parties\/1\/roles inschrijver not in the open codelist .*partyRole\.csv/);
  });
});

describe('the OCDS mapping of an awarded tender', () => {
  const ocds = build(withRejectedLowBid(), 'awarded');
  const awarded = release(ocds);

  it('names the package, its extensions and the release', () => {
    expect(ocds).toMatchObject({
      uri: 'https://gunningswijzer.example/api/v1/tenders/tnd_42/ocds',
      version: '1.1',
      publishedDate: '2027-04-01T08:00:00Z',
      publisher: { name: 'Gemeente Zwolle' },
      extensions: [OCDS_EXTENSIONS.bids, OCDS_EXTENSIONS.lots, OCDS_EXTENSIONS.awardCriteria, OCDS_EXTENSIONS.submissionTerms],
    });
    expect(awarded).toMatchObject({
      ocid: 'ocds-gw0000-tnd_42',
      id: 'tnd_42-awarded-20270322T0915000100',
      date: '2027-03-22T09:15:00+01:00',
      tag: ['awardUpdate'],
      initiationType: 'tender',
      buyer: { id: 'gemeente-zwolle', name: 'Gemeente Zwolle' },
    });
  });

  it('lists the buyer and every school once, the winner as supplier, with its KvK number', () => {
    expect(awarded.parties.map((party) => [party.id, party.roles])).toEqual([
      ['gemeente-zwolle', ['buyer']],
      ['NL-KVK-05123456', ['tenderer']],
      ['NL-KVK-05234567', ['tenderer', 'supplier']],
      ['NL-KVK-05345678', ['tenderer']],
      ['NL-KVK-05456789', ['tenderer']],
    ]);
    expect(awarded.parties[2]?.identifier).toEqual({ scheme: 'NL-KVK', id: '05234567', legalName: 'NT2 Centrum Zwolle' });
  });

  it('maps the tender, its lot and the award criteria', () => {
    const { tender } = awarded;
    expect(tender).toMatchObject({
      id: 'tnd_42',
      title: 'Inburgering B1-route regio IJsselland 2027-2029',
      description: 'Aanbesteding ZWL-2027-INB-B1, perceel B1-route.',
      status: 'complete',
      value: { amount: 520000, currency: 'EUR' },
      mainProcurementCategory: 'services',
      awardCriteria: 'ratedCriteria',
      tenderPeriod: { endDate: '2027-01-15T12:00:00+01:00' },
      awardPeriod: { startDate: '2027-01-15T12:00:00+01:00', endDate: '2027-03-01T10:00:00+01:00' },
      numberOfTenderers: 4,
    });
    expect(tender.awardCriteriaDetails).toBe(
      'Beste prijs-kwaliteitverhouding, methode lowest-relative: score = kwaliteitspunten + 30 x laagste prijs / prijs; ' +
        'de hoogste score wint. kwaliteitspunten = som per criterium van gewicht x score / maximale score.',
    );
    const [lot] = tender.lots;
    expect(lot).toMatchObject({ id: '1', title: 'B1-route', status: 'complete', value: { amount: 520000, currency: 'EUR' } });
    expect(lot?.awardCriteria.weightingDescription).toBeUndefined();
    expect(lot?.awardCriteria.criteria.map((criterion) => [criterion.type, criterion.name, criterion.numbers])).toEqual([
      [
        'quality',
        'Didactische aanpak en maatwerk per inburgeraar',
        [
          { number: 25, weight: 'pointsExact' },
          { number: 10, threshold: 'minimumScore' },
        ],
      ],
      ['quality', 'Combinatie van taal met werk of participatie (duale trajecten)', [{ number: 20, weight: 'pointsExact' }]],
      [
        'quality',
        'Voortgangsgesprekken en begeleiding',
        [
          { number: 15, weight: 'pointsExact' },
          { number: 6, threshold: 'minimumScore' },
        ],
      ],
      ['quality', 'Kwalificaties docenten (NT2) en groepsgrootte', [{ number: 10, weight: 'pointsExact' }]],
      ['price', 'Prijs', [{ number: 30, weight: 'pointsExact' }]],
    ]);
    expect(lot?.awardCriteria.criteria[0]?.description).toBe('Criterium K1; schaal 0, 2, 4, 6, 8, 10; minimumscore 4 (knock-out).');
  });

  it('gives every bid its status, value, school and rank; the rejected bid is disqualified', () => {
    expect(awarded.bids.details.map((bid) => [bid.id, bid.status, bid.value.amount, bid.tenderers[0]?.id, bid.hasRank, bid.rank])).toEqual([
      ['B1', 'valid', 468000, 'NL-KVK-05123456', true, 2],
      ['B2', 'valid', 495000, 'NL-KVK-05234567', true, 1],
      ['B3', 'disqualified', 289000, 'NL-KVK-05345678', false, undefined],
      ['B4', 'valid', 452000, 'NL-KVK-05456789', true, 3],
    ]);
    expect(awarded.bids.details[0]?.relatedLots).toEqual(['1']);
  });

  it('counts the bids, the abnormally low one rejected and the flagged ones', () => {
    expect(awarded.bids.statistics.map((statistic) => [statistic.id, statistic.measure, statistic.value, statistic.currency])).toEqual([
      ['1', 'bids', 4, undefined],
      ['2', 'bidders', 4, undefined],
      ['3', 'validBids', 3, undefined],
      ['4', 'disqualifiedBids', 1, undefined],
      ['5', 'lowestValidBidValue', 452000, 'EUR'],
      ['6', 'highestValidBidValue', 495000, 'EUR'],
      ['7', 'tendersAbnormallyLow', 1, undefined],
      ['8', 'bidsFlaggedAbnormallyLow', 1, undefined],
    ]);
    expect(awarded.bids.statistics.every((statistic) => statistic.relatedLot === '1')).toBe(true);
    expect(awarded.bids.statistics[7]?.notes).toMatch(/^Eigen code/);
  });

  it('gives the award to the winner, active once the standstill is over', () => {
    expect(awarded.awards).toEqual([
      {
        id: 'award-1',
        title: 'Gunning perceel B1-route',
        description: 'Definitieve gunning na afloop van de opschortende termijn (tot en met 2027-03-21).',
        status: 'active',
        date: '2027-03-01T10:00:00+01:00',
        value: { amount: 495000, currency: 'EUR' },
        suppliers: [{ id: 'NL-KVK-05234567', name: 'NT2 Centrum Zwolle' }],
        relatedBids: ['B2'],
        relatedLots: ['1'],
      },
    ]);
  });
});

describe('the OCDS mapping per tender status', () => {
  it('draft: planning, bids pending and unranked, no award', () => {
    const draft = release(build(B1, 'draft'));
    expect(draft).toMatchObject({ tag: ['planning'], tender: { status: 'planning' } });
    expect(draft.tender.tenderPeriod).toBeUndefined();
    expect(draft.bids.details.every((bid) => bid.status === 'pending' && bid.rank === undefined && bid.hasRank === undefined)).toBe(true);
    expect(draft.bids.statistics.map((statistic) => [statistic.measure, statistic.value])).toEqual([
      ['bids', 4],
      ['bidders', 4],
      ['bidsFlaggedAbnormallyLow', 1],
    ]);
    expect(draft.awards).toBeUndefined();
    expect(draft.parties.every((party) => !party.roles.includes('supplier'))).toBe(true);
  });

  it('open: active and ranked, but no award before the decision', () => {
    const open = release(build(B1, 'open'));
    expect(open).toMatchObject({ tag: ['tender'], tender: { status: 'active' } });
    expect(open.bids.details.find((bid) => bid.id === 'B2')).toMatchObject({ status: 'valid', hasRank: true, rank: 1 });
    expect(open.awards).toBeUndefined();
  });

  it('award-proposed: the award is pending during the standstill', () => {
    const proposed = release(build(B1, 'award-proposed'));
    expect(proposed).toMatchObject({ tag: ['award'], tender: { status: 'active' } });
    expect(proposed.awards?.[0]).toMatchObject({
      status: 'pending',
      relatedBids: ['B2'],
      description:
        'Voorlopige gunning: de gunningsbeslissing is genomen, de overeenkomst nog niet gesloten. ' + 'De opschortende termijn loopt tot en met 2027-03-21.',
    });
  });

  it('has no award when rank 1 is shared', () => {
    const dossier = structuredClone(B1);
    const b2 = dossier.bids.find((bid) => bid.id === 'B2')!;
    dossier.bids.push({ ...structuredClone(b2), id: 'B5', provider: { name: 'Tweeling Taal', kvk: '05999999', keurmerk: true } });
    const ocds = build(dossier, 'award-proposed');
    expectValid(ocds);
    const tied = release(ocds);
    expect(tied.awards).toBeUndefined();
    expect(tied.tag).toEqual(['tender']);
    expect(tied.bids.details.filter((bid) => bid.rank === 1).map((bid) => bid.id)).toEqual(['B2', 'B5']);
  });
});

describe('the OCDS mapping of methods and parties', () => {
  it('maps a fixed price to qualityOnly with the price fixed in total', () => {
    const dossier = structuredClone(B1);
    dossier.award = { method: 'fixed-price', fixedPrice: 480000 };
    for (const bid of dossier.bids) bid.price = bid.priceLines = undefined;
    const { tender } = release(build(dossier, 'open'));
    expect(tender.awardCriteria).toBe('qualityOnly');
    expect(tender.lots[0]?.awardCriteria.criteria.at(-1)).toMatchObject({
      type: 'price',
      name: 'Vaste prijs',
      numbers: [{ number: 480000, fixed: 'total' }],
    });
  });

  it('describes gunnen op waarde by its formula, without a price weight', () => {
    const { tender } = release(build(loadExample('onderwijsroute-gunnen-op-waarde.dossier.json'), 'open'));
    const breakdown = tender.lots[0]!.awardCriteria;
    expect(breakdown.weightingDescription).toBe(
      'fictieve prijs = prijs - som per criterium van waarde x score / maximale score (gunnen op waarde); de laagste fictieve prijs wint.',
    );
    expect(breakdown.criteria.at(-1)?.numbers).toBeUndefined();
    expect(breakdown.criteria[0]?.description).toMatch(/fictieve korting bij de maximale score €\u00a0150\.000,00/);
    expect(tender.awardCriteriaDetails).toMatch(/plafondprijs €\u00a01\.100\.000,00 zijn ongeldig\.$/);
  });

  it('makes one party of a school with two bids', () => {
    const dossier = structuredClone(B1);
    const b1 = dossier.bids[0]!;
    dossier.bids.push({ ...structuredClone(b1), id: 'B1V', price: 470000, priceLines: undefined });
    const ocds = build(dossier, 'open');
    expectValid(ocds);
    const { parties, tender, bids } = release(ocds);
    expect(parties.filter((party) => party.id === 'NL-KVK-05123456')).toHaveLength(1);
    expect(tender.numberOfTenderers).toBe(4);
    expect(bids.statistics.find((statistic) => statistic.measure === 'bidders')?.value).toBe(4);
  });

  it("gives a school's party its postal address from its bid, never its contact person or e-mail address", () => {
    const dossier = structuredClone(B1);
    Object.assign(dossier.bids[1]!.provider, {
      street: 'Assendorperstraat 12',
      postcode: '8012 DH',
      place: 'Zwolle',
      contactPerson: 'Marieke de Vries',
      email: 'm.devries@nt2zwolle.example',
    });
    // A school that gives its place only: no street, no postcode and so no country.
    Object.assign(dossier.bids[3]!.provider, { place: 'Kampen' });
    for (const status of TENDER_STATUSES) expectValid(build(dossier, status));
    const { parties } = release(build(dossier, 'awarded'));
    const zwolle = parties.find((party) => party.id === 'NL-KVK-05234567');
    expect(zwolle?.address).toEqual({ streetAddress: 'Assendorperstraat 12', postalCode: '8012 DH', locality: 'Zwolle', countryName: 'Nederland' });
    expect(zwolle?.roles).toEqual(['tenderer', 'supplier']);
    expect(parties.find((party) => party.id === 'NL-KVK-05456789')?.address).toEqual({ locality: 'Kampen' });
    // No address object where the bid gives none, and none for the buyer (the register holds none).
    expect(parties.find((party) => party.id === 'NL-KVK-05123456')).not.toHaveProperty('address');
    expect(parties[0]).toEqual({ id: 'gemeente-zwolle', name: 'Gemeente Zwolle', roles: ['buyer'] });
    const text = JSON.stringify(build(dossier, 'awarded'));
    expect(text).not.toContain('Marieke de Vries');
    expect(text).not.toContain('m.devries@nt2zwolle.example');
    expect(parties.some((party) => 'contactPoint' in party)).toBe(false);
  });

  it("takes a school's address from the first of its bids that gives one", () => {
    const dossier = structuredClone(B1);
    const b1 = dossier.bids[0]!;
    dossier.bids.push({ ...structuredClone(b1), id: 'B1V', provider: { ...b1.provider, postcode: '8011 AB', place: 'Deventer' } });
    dossier.bids.push({ ...structuredClone(b1), id: 'B1W', provider: { ...b1.provider, place: 'Raalte' } });
    const { parties } = release(build(dossier, 'open'));
    expect(parties.find((party) => party.id === 'NL-KVK-05123456')?.address).toEqual({ postalCode: '8011 AB', locality: 'Deventer', countryName: 'Nederland' });
  });
});

describe('the OCDS input', () => {
  it('takes a registered ocid prefix', () => {
    expect(release(build(B1, 'open', { ocidPrefix: 'ocds-abc123' })).ocid).toBe('ocds-abc123-tnd_42');
  });

  it('refuses a malformed prefix, date-time, date or URI', () => {
    expect(() => build(B1, 'open', { ocidPrefix: 'ocds-gw' })).toThrow(RangeError);
    expect(() => build(B1, 'open', { openedAt: '2027-01-15' })).toThrow(/RFC 3339/);
    expect(() => build(B1, 'award-proposed', { standstillEndsOn: '21-03-2027' })).toThrow(/YYYY-MM-DD/);
    expect(() =>
      buildOcdsReleasePackage({
        tender: { id: 'x', status: 'open' },
        dossier: B1,
        result: evaluateDossier(B1),
        buyer: { id: 'g', name: 'G' },
        publishedDate: '2027-04-01T08:00:00Z',
        uri: 'tenders/x/ocds',
      }),
    ).toThrow(/absolute URI/);
  });

  it('gives the same package for the same input', () => {
    expect(build(B1, 'awarded')).toEqual(build(B1, 'awarded'));
  });
});
