/**
 * @module
 * The OCDS version, the extensions the export uses and the ocid prefix.
 *
 * Extensions are named by the URL of their `extension.json`, as the release package schema
 * asks, on their `master` branch: `Bid.rank`/`hasRank` and the award criteria breakdown exist
 * only there (the tagged 1.1.x versions of the bids extension predate them); this is also what
 * the OCDS for eForms profile and TenderNed's own OCDS publication use.
 * - bids: `bids.details[]` (status, value, tenderers, rank), `bids.statistics[]`,
 *   `awards[].relatedBids`. Documentation: https://extensions.open-contracting.org/en/extensions/bids/
 * - lots: `tender.lots[]`, `awards[].relatedLots`, `bids.details[].relatedLots` (via bids).
 *   Documentation: https://extensions.open-contracting.org/en/extensions/lots/
 * - awardCriteria (award criteria breakdown): `tender.lots[].awardCriteria` with its criteria
 *   of type price or quality, their weights and minimum scores. It attaches to lots, hence
 *   the lots extension. Documentation: https://extensions.open-contracting.org/en/extensions/awardCriteria/
 * - submissionTerms: the export uses none of its fields, but the lots extension's schema
 *   (`Lot.submissionTerms`) refers to its `SubmissionTerms` definition. Without it the merged
 *   release schema has an unresolved `$ref`, and the OCDS data review library then cannot
 *   build the schema at all: it reports every release field as unknown and skips the
 *   codelist checks (tests/unit/ocds/ocds.test.ts shows both).
 *   Documentation: https://extensions.open-contracting.org/en/extensions/submissionTerms/
 *
 * Copies of the four extensions' files, at the commits the tests check against, are in
 * `standards/ocds/extensions/` (see its NOTICE).
 */

export const OCDS_VERSION = '1.1' as const;

export const OCDS_EXTENSIONS = {
  bids: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/master/extension.json',
  lots: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/master/extension.json',
  awardCriteria: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_awardCriteria_extension/master/extension.json',
  submissionTerms: 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_submissionTerms_extension/master/extension.json',
} as const;

/**
 * A placeholder ocid prefix, NOT registered with the Open Contracting Partnership. A publisher
 * must request its own prefix (https://standard.open-contracting.org/latest/en/guidance/build/#register-an-ocid-prefix)
 * and pass it as `tender.ocidPrefix` before publishing; the shape is `ocds-` and six letters or digits.
 */
export const OCID_PREFIX_PLACEHOLDER = 'ocds-gw0000';

export const OCID_PREFIX_PATTERN = /^ocds-[a-z0-9]{6}$/;

/** The organization identifier scheme of the Dutch Chamber of Commerce (org-id.guide). */
export const KVK_SCHEME = 'NL-KVK';

/** The party id of a bidder: scheme and KvK number, so the same school has the same id everywhere. */
export function partyIdForKvk(kvk: string): string {
  return `${KVK_SCHEME}-${kvk}`;
}
