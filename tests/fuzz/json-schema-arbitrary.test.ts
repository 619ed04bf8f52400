/**
 * The schema-to-arbitrary converter against an independent validator (Ajv): values from
 * `validValue` are accepted and values from `brokenValue` rejected, for the shapes zod
 * emits, including the nullable `allOf` idiom and a discriminated union.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenValue, isUnbreakable, validValue, type JsonSchema } from './json-schema-arbitrary.js';
import { createValidators, rewriteNullableIdiom } from './openapi-operations.js';

const components: Record<string, JsonSchema> = {
  Award: {
    type: 'object',
    properties: { method: { type: 'string', enum: ['lowest-relative', 'fixed-price'] }, priceWeight: { type: 'number', minimum: 0, maximum: 100 } },
    required: ['method'],
    additionalProperties: false,
  },
};
const { validator, resolve } = createValidators({ paths: {}, components: { schemas: components } });
const options = { resolve };

const SCHEMAS: Record<string, JsonSchema> = {
  'a strict object': {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 10 },
      kind: { type: 'string', enum: ['gemeente', 'regio'] },
      count: { type: 'integer', minimum: 0, maximum: 5 },
      tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]{1,8}$' }, minItems: 1, maxItems: 3 },
      kvk: { type: 'string', pattern: '^\\d{8}$' },
    },
    required: ['name', 'kind'],
    additionalProperties: false,
  },
  'a nullable reference (allOf idiom)': {
    type: 'object',
    properties: { award: { allOf: [{ $ref: '#/components/schemas/Award' }, { type: ['object', 'null'] }] } },
    required: ['award'],
    additionalProperties: false,
  },
  'a dictionary': { type: 'object', propertyNames: { type: 'string' }, additionalProperties: { type: 'number' } },
  'a discriminated union': {
    oneOf: [
      {
        type: 'object',
        properties: { action: { type: 'string', enum: ['decide'] }, decision: { type: 'string', enum: ['accepted', 'rejected'] } },
        required: ['action', 'decision'],
        additionalProperties: false,
      },
      { type: 'object', properties: { action: { type: 'string', enum: ['record-no-response'] } }, required: ['action'], additionalProperties: false },
    ],
  },
  'a nullable scalar': { type: ['integer', 'null'], minimum: 1 },
  'a text with two patterns (allOf, as zod writes them)': {
    type: 'string',
    maxLength: 12,
    allOf: [{ pattern: '^[^\\u0000-\\u001f]*$' }, { pattern: '[a-z]' }],
  },
  'a string of emoji counted in code points': { type: 'string', minLength: 3, maxLength: 4, pattern: '^[^ ]*$' },
  'an object that is one of two shapes by its required fields (POST /tenders)': {
    type: 'object',
    properties: { template: { type: 'string', maxLength: 5 }, award: { type: 'string', maxLength: 5 }, reference: { type: 'string', maxLength: 5 } },
    required: ['reference'],
    additionalProperties: false,
    // `false`: the property may not be there (JSON Schema's boolean schema, which the type leaves out).
    anyOf: [
      { required: ['template'], properties: { award: false as unknown as JsonSchema } },
      { required: ['award'], properties: { template: false as unknown as JsonSchema } },
    ],
  },
  'a list without repeats': { type: 'array', items: { type: 'string', enum: ['quality', 'price', 'lot'] }, uniqueItems: true },
  'a constant': { type: 'string', const: 'gunningswijzer/dossier@1' },
};

describe('validValue and brokenValue', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`makes valid and broken values of ${name}`, () => {
      const validate = validator(schema);
      fc.assert(
        fc.property(validValue(schema, options), (value) => validate(value)),
        { numRuns: 200 },
      );
      fc.assert(
        fc.property(brokenValue(schema, options), (value) => isUnbreakable(value) || !validate(value)),
        { numRuns: 200 },
      );
    });
  }

  it('reads the nullable allOf idiom as "X or null"', () => {
    const schema = SCHEMAS['a nullable reference (allOf idiom)']!;
    expect(validator(schema)({ award: null })).toBe(true);
    expect(validator(schema)({ award: { method: 'x' } })).toBe(false);
    expect(rewriteNullableIdiom({ allOf: [{ $ref: '#/x' }, { type: ['object', 'null'] }] })).toEqual({ anyOf: [{ $ref: '#/x' }, { type: 'null' }] });
  });

  it('says when there is nothing to break', () => {
    fc.assert(
      fc.property(brokenValue({}, options), (value) => isUnbreakable(value)),
      { numRuns: 5 },
    );
  });
});
