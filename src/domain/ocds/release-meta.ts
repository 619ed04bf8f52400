/**
 * @module
 * What the server knows about a release beyond the file, the same for a single tender's export
 * (build-release-package.ts) and a procedure's (build-procedure-release.ts): the id and status
 * of what is released with its dates (`OcdsTenderInput`), and who publishes the package where
 * (`OcdsPublication`). One type and one check for both, so the two exports read the same
 * fields the same way: the ocid and release id, the package around the release, the tender and
 * award periods.
 */
import type { TenderStatus } from '../lifecycle/tender-status.js';
import { OCDS_EXTENSIONS, OCDS_VERSION, OCID_PREFIX_PATTERN, OCID_PREFIX_PLACEHOLDER } from './extensions.js';
import type { OcdsBuyer } from './parties.js';
import type { OcdsPeriod, OcdsPublisher, OcdsRelease, OcdsReleasePackage } from './release-types.js';

/** What the server knows about the tender (or procedure) beyond the file. Dates are RFC 3339 date-times with a zone. */
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

/** Who publishes the package, when and where. */
export type OcdsPublication = {
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

/**
 * The prefix, the publication date and the tender's dates; `path` goes before each date's
 * name in the message (`tender.` for a tender's input, nothing for a procedure's meta).
 */
export function checkTenderInput(tender: OcdsTenderInput, publication: OcdsPublication, path: string): void {
  if (tender.ocidPrefix !== undefined && !OCID_PREFIX_PATTERN.test(tender.ocidPrefix)) {
    throw new RangeError(`ocidPrefix must be 'ocds-' and six lowercase letters or digits, got ${tender.ocidPrefix}`);
  }
  checkDateTime('publishedDate', publication.publishedDate);
  checkDateTime(`${path}openedAt`, tender.openedAt);
  checkDateTime(`${path}awardDecisionAt`, tender.awardDecisionAt);
  checkDateTime(`${path}updatedAt`, tender.updatedAt);
  checkDate(`${path}standstillEndsOn`, tender.standstillEndsOn);
}

export function checkUri(uri: string): void {
  if (!URL.canParse(uri)) throw new RangeError(`uri must be an absolute URI, got ${uri}`);
}

export function period(startDate: string | undefined, endDate: string | undefined): OcdsPeriod | undefined {
  if (startDate === undefined && endDate === undefined) return undefined;
  return { ...(startDate === undefined ? {} : { startDate }), ...(endDate === undefined ? {} : { endDate }) };
}

/**
 * `tender.tenderPeriod` and `tender.awardPeriod`, each only when a date is known: bidding
 * closes when the tender is opened (lifecycle/tender-status.ts), the award period runs from
 * the opening to the award decision.
 */
export function tenderPeriods(tender: OcdsTenderInput): { tenderPeriod?: OcdsPeriod; awardPeriod?: OcdsPeriod } {
  const tenderPeriod = period(undefined, tender.openedAt);
  const awardPeriod = period(tender.openedAt, tender.awardDecisionAt);
  return { ...(tenderPeriod === undefined ? {} : { tenderPeriod }), ...(awardPeriod === undefined ? {} : { awardPeriod }) };
}

/**
 * The release's `ocid`, `id` and `date`: the ocid is the prefix and the id; the date the last
 * change, else the publication date; the release id the id, status and that date, so every
 * state has its own release id.
 */
export function releaseIdentity(tender: OcdsTenderInput, publication: OcdsPublication): Pick<OcdsRelease, 'ocid' | 'id' | 'date'> {
  const date = tender.updatedAt ?? publication.publishedDate;
  const prefix = tender.ocidPrefix ?? OCID_PREFIX_PLACEHOLDER;
  return { ocid: `${prefix}-${tender.id}`, id: `${tender.id}-${tender.status}-${date.replace(/[^0-9A-Za-z]/g, '')}`, date };
}

/** The package around the one release, published by `publisher`, else the buyer. */
export function releasePackage(publication: OcdsPublication, release: OcdsRelease): OcdsReleasePackage {
  return {
    uri: publication.uri,
    version: OCDS_VERSION,
    extensions: Object.values(OCDS_EXTENSIONS),
    publishedDate: publication.publishedDate,
    publisher: publication.publisher ?? { name: publication.buyer.name },
    releases: [release],
  };
}
