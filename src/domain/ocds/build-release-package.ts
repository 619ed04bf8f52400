/**
 * @module
 * The OCDS 1.1 release package of one tender (`GET /api/v1/tenders/:id/ocds`): one release
 * with the buyer and bidders as parties, the tender with its one lot and the award criteria
 * breakdown (award-criteria.ts), the bids and their statistics (bids.ts) and, from the award
 * decision on, the award. Pure: the server passes what it knows (status, dates, buyer) and
 * the dossier with its evaluation; the same input always gives the same package. It validates
 * against the official release package and release schemas (tests/unit/ocds/).
 *
 * Release fields: `ocid` is the prefix (extensions.ts: a placeholder unless configured) and
 * the tender's id; `date` is the tender's last change (`updatedAt`), else `publishedDate`;
 * `id` is the tender id, status and that date, so every state of the tender has its own
 * release id; `initiationType` is `tender`; `language` is `nl`.
 *
 * @example
 * const ocds = buildOcdsReleasePackage({
 *   tender: { id: 'T42', status: 'awarded', awardDecisionAt: '2027-03-01T10:00:00Z' },
 *   dossier, result: evaluateDossier(dossier), buyer: { id: 'gemeente-zwolle', name: 'Gemeente Zwolle' },
 *   publishedDate: '2027-04-01T08:00:00Z', uri: 'https://gunningswijzer.example/api/v1/tenders/T42/ocds',
 * });
 */
import type { Dossier } from '../evaluation/dossier.js';
import { type PreparedLot, prepareLot } from '../evaluation/prepare.js';
import type { EvaluationResult } from '../evaluation/result.js';
import { describeAwardMethod, lotAwardCriteria, ocdsAwardCriteriaCode } from './award-criteria.js';
import { buildBids } from './bids.js';
import { buildLotAward } from './lot-award.js';
import { buildParties, partyNames, uniqueTenderers } from './parties.js';
import { checkTenderInput, checkUri, type OcdsPublication, type OcdsTenderInput, releaseIdentity, releasePackage, tenderPeriods } from './release-meta.js';
import type { OcdsAward, OcdsRelease, OcdsReleasePackage, OcdsTender, OcdsValue } from './release-types.js';
import { ocdsReleaseTag, ocdsTenderStatus } from './status-mapping.js';

/** The one lot of a tender: a dossier describes one lot. */
export const LOT_ID = '1';

export type { OcdsTenderInput } from './release-meta.js';
export { DATE_TIME } from './release-meta.js';

export type BuildOcdsReleasePackageInput = OcdsPublication & {
  tender: OcdsTenderInput;
  dossier: Dossier;
  result: EvaluationResult;
};

function checkInput(input: BuildOcdsReleasePackageInput): void {
  checkTenderInput(input.tender, input, 'tender.');
  checkUri(input.uri);
}

function euros(amount: number): OcdsValue {
  return { amount, currency: 'EUR' };
}

function buildTender(input: BuildOcdsReleasePackageInput): OcdsTender {
  const { tender, dossier } = input;
  const status = ocdsTenderStatus(tender.status);
  const estimated = dossier.tender.estimatedValue === undefined ? undefined : euros(dossier.tender.estimatedValue);
  const tenderers = uniqueTenderers(dossier.bids);
  const built: OcdsTender = {
    id: tender.id,
    title: dossier.tender.title,
    description: `Aanbesteding ${dossier.tender.reference}, perceel ${dossier.tender.lot}.`,
    status,
    mainProcurementCategory: 'services',
    awardCriteria: ocdsAwardCriteriaCode(dossier.award.method),
    awardCriteriaDetails: describeAwardMethod(dossier.award),
    numberOfTenderers: tenderers.length,
    tenderers,
    lots: [
      {
        id: LOT_ID,
        title: dossier.tender.lot,
        status,
        ...(estimated === undefined ? {} : { value: estimated }),
        awardCriteria: lotAwardCriteria(dossier),
      },
    ],
  };
  if (estimated !== undefined) built.value = estimated;
  return Object.assign(built, tenderPeriods(tender));
}

function buildAward(input: BuildOcdsReleasePackageInput, lot: PreparedLot, names: ReadonlyMap<string, string>): OcdsAward | null {
  const { tender, dossier, result } = input;
  const winner = dossier.bids.find((bid) => bid.id === result.winner);
  if (winner === undefined) return null;
  return buildLotAward({
    status: tender.status,
    awardDecisionAt: tender.awardDecisionAt,
    standstillEndsOn: tender.standstillEndsOn,
    lotId: LOT_ID,
    lotTitle: dossier.tender.lot,
    winner,
    winnerCents: lot.bids.find((bid) => bid.id === winner.id)?.priceCents ?? 0,
    names,
    relatedBid: winner.id,
  });
}

/** See the module comment. Throws a RangeError on a malformed prefix, date or URI. */
export function buildOcdsReleasePackage(input: BuildOcdsReleasePackageInput): OcdsReleasePackage {
  checkInput(input);
  const { tender, dossier, result, buyer } = input;
  const names = partyNames(dossier.bids);
  const lot = prepareLot(dossier);
  const award = buildAward(input, lot, names);
  const release: OcdsRelease = {
    ...releaseIdentity(tender, input),
    tag: ocdsReleaseTag(tender.status, award !== null),
    initiationType: 'tender',
    language: 'nl',
    parties: buildParties(buyer, dossier.bids, award === null ? null : (result.winner ?? null)),
    buyer: { id: buyer.id, name: buyer.name },
    tender: buildTender(input),
    bids: buildBids({ dossier, lot, result, status: tender.status, lotId: LOT_ID, names }),
    ...(award === null ? {} : { awards: [award] }),
  };
  return releasePackage(input, release);
}
