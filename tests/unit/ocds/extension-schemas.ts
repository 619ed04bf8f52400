/**
 * @module
 * The fields of the three extensions the export declares, as a JSON merge patch on the core
 * release schema, so the tests check their types and closed codelists too (the core schema
 * allows any additional field). Transcribed for the tests from each extension's
 * `release-schema.json` on `master` (the URLs in src/domain/ocds/extensions.ts); only the
 * fields the export can emit, without titles and descriptions. CI has no network, so the
 * patches cannot be fetched at test time.
 */

const stringOrNull = { type: ['string', 'null'] };
const stringArray = { type: ['array', 'null'], items: { type: 'string' } };

/** bids extension (ocds_bid_extension). */
const bids = {
  properties: {
    bids: { $ref: '#/definitions/Bids' },
  },
  definitions: {
    Award: { properties: { relatedBids: stringArray } },
    Bids: {
      type: 'object',
      properties: {
        statistics: { type: 'array', items: { $ref: '#/definitions/Statistic' } },
        details: { type: 'array', items: { $ref: '#/definitions/Bid' } },
      },
    },
    Statistic: {
      type: 'object',
      required: ['id', 'measure', 'value'],
      properties: {
        id: { type: 'string' },
        measure: { type: 'string' },
        date: { type: ['string', 'null'], format: 'date-time' },
        value: { type: 'number' },
        valueGross: { type: ['number', 'null'] },
        currency: stringOrNull,
        notes: stringOrNull,
        relatedLot: stringOrNull,
      },
    },
    Bid: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        date: { type: ['string', 'null'], format: 'date-time' },
        description: stringOrNull,
        status: { type: ['string', 'null'], enum: ['invited', 'pending', 'valid', 'disqualified', 'withdrawn', null] },
        tenderers: { type: 'array', items: { $ref: '#/definitions/OrganizationReference' } },
        value: { $ref: '#/definitions/Value' },
        relatedLots: stringArray,
        hasRank: { type: ['boolean', 'null'] },
        rank: { type: ['integer', 'null'] },
        variant: { type: ['boolean', 'null'] },
      },
    },
  },
};

/** lots extension (ocds_lots_extension). */
const lots = {
  definitions: {
    Tender: {
      properties: {
        lots: { type: 'array', items: { $ref: '#/definitions/Lot' } },
      },
    },
    Award: { properties: { relatedLots: stringArray } },
    Lot: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        title: stringOrNull,
        description: stringOrNull,
        status: {
          type: ['string', 'null'],
          enum: ['planning', 'planned', 'active', 'cancelled', 'unsuccessful', 'complete', 'withdrawn', null],
        },
        value: { $ref: '#/definitions/Value' },
      },
    },
  },
};

/** awardCriteria extension (ocds_awardCriteria_extension, "award criteria breakdown"). */
const awardCriteria = {
  definitions: {
    Lot: { properties: { awardCriteria: { $ref: '#/definitions/AwardCriteria' } } },
    AwardCriteria: {
      type: 'object',
      minProperties: 1,
      properties: {
        weightingDescription: { type: ['string', 'null'], minLength: 1 },
        orderRationale: { type: ['string', 'null'], minLength: 1 },
        criteria: { type: 'array', items: { $ref: '#/definitions/AwardCriterion' }, uniqueItems: true, minItems: 1 },
      },
    },
    AwardCriterion: {
      type: 'object',
      minProperties: 1,
      properties: {
        type: { type: ['string', 'null'], minLength: 1 },
        name: { type: ['string', 'null'], minLength: 1 },
        description: { type: ['string', 'null'], minLength: 1 },
        numbers: { type: 'array', items: { $ref: '#/definitions/CriterionNumber' }, uniqueItems: true, minItems: 1 },
      },
    },
    CriterionNumber: {
      type: 'object',
      minProperties: 1,
      properties: {
        number: { type: ['number', 'null'] },
        weight: {
          type: ['string', 'null'],
          enum: [
            'percentageExact',
            'percentageRangeMiddle',
            'decimalExact',
            'decimalRangeMiddle',
            'pointsExact',
            'pointsRangeMiddle',
            'order',
            null,
          ],
        },
        fixed: { type: ['string', 'null'], enum: ['total', 'unit', null] },
        threshold: { type: ['string', 'null'], enum: ['minimumScore', 'maximumBids', null] },
      },
    },
  },
};

type Patch = { [key: string]: unknown };

function merge(a: Patch, b: Patch): Patch {
  const out: Patch = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    out[key] =
      typeof existing === 'object' && existing !== null && typeof value === 'object' && value !== null
        ? merge(existing as Patch, value as Patch)
        : value;
  }
  return out;
}

/** The three patches in one; applied with RFC 7396 merge patch. */
export const EXTENSION_PATCHES: Patch = merge(merge(bids, lots), awardCriteria);
