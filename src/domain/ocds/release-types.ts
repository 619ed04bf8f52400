/**
 * @module
 * The part of OCDS 1.1 that the export fills in, as TypeScript types: the release package and
 * release of the core schema (a copy in `standards/ocds/`), plus the fields of the
 * extensions it declares (extensions.ts). Optional keys are left out rather than set to null.
 */

export type OcdsValue = { amount: number; currency: 'EUR' };

export type OcdsIdentifier = { scheme: string; id: string; legalName?: string };

export type OcdsOrganizationReference = { id: string; name: string };

/** partyRole codelist (open): the codes used here. */
export type OcdsPartyRole = 'buyer' | 'tenderer' | 'supplier';

/** core `Address`: the fields the export fills in. */
export type OcdsAddress = { streetAddress?: string; postalCode?: string; locality?: string; countryName?: string };

export type OcdsOrganization = {
  id: string;
  name: string;
  identifier?: OcdsIdentifier;
  address?: OcdsAddress;
  roles: OcdsPartyRole[];
};

export type OcdsPeriod = { startDate?: string; endDate?: string };

/** tenderStatus codelist (closed). */
export type OcdsTenderStatus = 'planning' | 'planned' | 'active' | 'cancelled' | 'unsuccessful' | 'complete' | 'withdrawn';

/** awardCriteria extension: `CriterionNumber`. */
export type OcdsCriterionNumber = {
  number: number;
  weight?: 'percentageExact' | 'decimalExact' | 'pointsExact' | 'order';
  fixed?: 'total' | 'unit';
  threshold?: 'minimumScore' | 'maximumBids';
};

/** awardCriteria extension: `AwardCriterion`. */
export type OcdsAwardCriterion = {
  type: 'price' | 'cost' | 'quality';
  name: string;
  description?: string;
  numbers?: OcdsCriterionNumber[];
};

/** awardCriteria extension: `AwardCriteria`, on a lot. */
export type OcdsAwardCriteria = {
  weightingDescription?: string;
  criteria: OcdsAwardCriterion[];
};

/** lots extension: `Lot`. */
export type OcdsLot = {
  id: string;
  title: string;
  description?: string;
  status: OcdsTenderStatus;
  value?: OcdsValue;
  awardCriteria: OcdsAwardCriteria;
};

export type OcdsTender = {
  id: string;
  title: string;
  description: string;
  status: OcdsTenderStatus;
  value?: OcdsValue;
  mainProcurementCategory: 'services';
  /** awardCriteria codelist (open, core). */
  awardCriteria: 'ratedCriteria' | 'qualityOnly';
  awardCriteriaDetails: string;
  tenderPeriod?: OcdsPeriod;
  awardPeriod?: OcdsPeriod;
  numberOfTenderers: number;
  tenderers: OcdsOrganizationReference[];
  lots: OcdsLot[];
  /** lots extension: the award limitation of a procedure. */
  lotDetails?: OcdsLotDetails;
  /** core, with the lots extension's `relatedLot`: what each lot of a procedure buys. */
  items?: OcdsItem[];
};

/** lots extension: `tender.lotDetails`. */
export type OcdsLotDetails = {
  maximumLotsBidPerSupplier?: number;
  maximumLotsAwardedPerSupplier?: number;
  awardCriteriaDetails?: string;
};

/** core `Item`, with the lots extension's `relatedLot`. */
export type OcdsItem = {
  id: string;
  description: string;
  quantity?: number;
  unit?: { name: string };
  relatedLot: string;
};

/** bids extension: `Bid`. */
export type OcdsBid = {
  id: string;
  status: 'pending' | 'valid' | 'disqualified' | 'withdrawn';
  value: OcdsValue;
  tenderers: OcdsOrganizationReference[];
  relatedLots: string[];
  hasRank?: boolean;
  rank?: number;
};

/** bids extension: `Statistic`. */
export type OcdsStatistic = {
  id: string;
  measure: string;
  value: number;
  currency?: 'EUR';
  notes?: string;
  relatedLot: string;
};

export type OcdsBids = { statistics: OcdsStatistic[]; details: OcdsBid[] };

/** awardStatus codelist (closed): the codes used here. */
export type OcdsAwardStatus = 'pending' | 'active';

export type OcdsAward = {
  id: string;
  title: string;
  description: string;
  status: OcdsAwardStatus;
  date?: string;
  value: OcdsValue;
  suppliers: OcdsOrganizationReference[];
  /** bids extension. */
  relatedBids: string[];
  /** lots extension. */
  relatedLots: string[];
};

/** releaseTag codelist (closed): the codes used here. */
export type OcdsReleaseTag = 'planning' | 'tender' | 'award' | 'awardUpdate';

export type OcdsRelease = {
  ocid: string;
  id: string;
  date: string;
  tag: OcdsReleaseTag[];
  initiationType: 'tender';
  language: 'nl';
  parties: OcdsOrganization[];
  buyer: OcdsOrganizationReference;
  tender: OcdsTender;
  bids: OcdsBids;
  awards?: OcdsAward[];
};

export type OcdsPublisher = { name: string; scheme?: string; uid?: string; uri?: string };

export type OcdsReleasePackage = {
  uri: string;
  version: '1.1';
  extensions: string[];
  publishedDate: string;
  publisher: OcdsPublisher;
  releases: OcdsRelease[];
};
