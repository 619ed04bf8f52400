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
import type { TenderStatus } from '../lifecycle/tender-status.js';
import { describeAwardMethod, lotAwardCriteria, ocdsAwardCriteriaCode } from './award-criteria.js';
import { buildBids } from './bids.js';
import { OCDS_EXTENSIONS, OCDS_VERSION, OCID_PREFIX_PATTERN, OCID_PREFIX_PLACEHOLDER } from './extensions.js';
import { buildLotAward } from './lot-award.js';
import { type OcdsBuyer, buildParties, partyNames, uniqueTenderers } from './parties.js';
import type { OcdsAward, OcdsPeriod, OcdsPublisher, OcdsRelease, OcdsReleasePackage, OcdsTender, OcdsValue } from './release-types.js';
import { ocdsReleaseTag, ocdsTenderStatus } from './status-mapping.js';

/** The one lot of a tender: a dossier describes one lot. */
export const LOT_ID = '1';

/** What the server knows about the tender beyond the dossier. Dates are RFC 3339 date-times with a zone. */
export type OcdsTenderInput = {
  id: string;
  status: TenderStatus;
  /** `ocds-` and six letters or digits; default the placeholder `ocds-gw0000`. */
  ocidPrefix?: string | undefined;
  /** When the tender was opened: bidding closed, the evaluation began. */
  openedAt?: string | undefined;
  /** When the award decision was taken (to `award-proposed`). */
  awardDecisionAt?: string | undefined;
  /** The last day of the standstill period, `YYYY-MM-DD`. */
  standstillEndsOn?: string | undefined;
  /** The time of the latest change to the tender (its last audit event). */
  updatedAt?: string | undefined;
};

export type BuildOcdsReleasePackageInput = {
  tender: OcdsTenderInput;
  dossier: Dossier;
  result: EvaluationResult;
  buyer: OcdsBuyer;
  publishedDate: string;
  /** The package's own URI, e.g. the export's URL. */
  uri: string;
  /** Default: the buyer. */
  publisher?: OcdsPublisher | undefined;
};

export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkDateTime(name: string, value: string | undefined): void {
  if (value !== undefined && !DATE_TIME.test(value)) {
    throw new RangeError(`${name} must be an RFC 3339 date-time with a time zone, got ${value}`);
  }
}

export function checkDate(name: string, value: string | undefined): void {
  if (value !== undefined && !DATE.test(value)) throw new RangeError(`${name} must be YYYY-MM-DD, got ${value}`);
}

function checkInput(input: BuildOcdsReleasePackageInput): void {
  const { tender } = input;
  if (tender.ocidPrefix !== undefined && !OCID_PREFIX_PATTERN.test(tender.ocidPrefix)) {
    throw new RangeError(`ocidPrefix must be 'ocds-' and six lowercase letters or digits, got ${tender.ocidPrefix}`);
  }
  checkDateTime('publishedDate', input.publishedDate);
  checkDateTime('tender.openedAt', tender.openedAt);
  checkDateTime('tender.awardDecisionAt', tender.awardDecisionAt);
  checkDateTime('tender.updatedAt', tender.updatedAt);
  checkDate('tender.standstillEndsOn', tender.standstillEndsOn);
  if (!URL.canParse(input.uri)) throw new RangeError(`uri must be an absolute URI, got ${input.uri}`);
}

function euros(amount: number): OcdsValue {
  return { amount, currency: 'EUR' };
}

export function period(startDate: string | undefined, endDate: string | undefined): OcdsPeriod | undefined {
  if (startDate === undefined && endDate === undefined) return undefined;
  return { ...(startDate === undefined ? {} : { startDate }), ...(endDate === undefined ? {} : { endDate }) };
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
  // Bidding closes when the tender is opened (lifecycle/tender-status.ts).
  const tenderPeriod = period(undefined, tender.openedAt);
  if (tenderPeriod !== undefined) built.tenderPeriod = tenderPeriod;
  const awardPeriod = period(tender.openedAt, tender.awardDecisionAt);
  if (awardPeriod !== undefined) built.awardPeriod = awardPeriod;
  return built;
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
  const date = tender.updatedAt ?? input.publishedDate;
  const prefix = tender.ocidPrefix ?? OCID_PREFIX_PLACEHOLDER;
  const release: OcdsRelease = {
    ocid: `${prefix}-${tender.id}`,
    id: `${tender.id}-${tender.status}-${date.replace(/[^0-9A-Za-z]/g, '')}`,
    date,
    tag: ocdsReleaseTag(tender.status, award !== null),
    initiationType: 'tender',
    language: 'nl',
    parties: buildParties(buyer, dossier.bids, award === null ? null : (result.winner ?? null)),
    buyer: { id: buyer.id, name: buyer.name },
    tender: buildTender(input),
    bids: buildBids({ dossier, lot, result, status: tender.status, lotId: LOT_ID, names }),
    ...(award === null ? {} : { awards: [award] }),
  };
  return {
    uri: input.uri,
    version: OCDS_VERSION,
    extensions: Object.values(OCDS_EXTENSIONS),
    publishedDate: input.publishedDate,
    publisher: input.publisher ?? { name: buyer.name },
    releases: [release],
  };
}
