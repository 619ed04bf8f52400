/**
 * @module
 * fast-check arbitraries from JSON Schema: the subset zod 4 emits into the OpenAPI document
 * (`type`, also as a list with `null`; `properties`, `required`, `additionalProperties`,
 * `propertyNames`; string `minLength`/`maxLength`/`pattern`/`format`; number and integer
 * bounds; `enum`, `const`; arrays with `items`, `minItems`, `maxItems`; `anyOf`, `oneOf`,
 * `allOf`; `$ref`; `nullable`). zod-fast-check does not support zod 4, and generating from
 * the published document also tests the document.
 *
 * `validValue` aims at values the schema accepts (odd Unicode included); `brokenValue` at
 * values it rejects, by one clean mutation: a wrong type, a missing required property, an
 * unknown property, a value outside an enum, a bound or a pattern. "Clean" means no
 * mutation a server could legitimately normalise away (a too-long string is padded with
 * `x`, never with spaces that a `.trim()` would remove).
 */
import fc from 'fast-check';
import { oddString } from './odd-strings.js';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  [keyword: string]: unknown;
};

export type SchemaArbitraryOptions = {
  /** Resolves a local `$ref` such as `#/components/schemas/Tender`. */
  resolve: (ref: string) => JsonSchema;
  /** Values worth trying for a property of this name (real ids of this and other organisations). */
  hint?: (property: string) => fc.Arbitrary<unknown> | undefined;
  /** Nesting below which optional parts are left out. Default 5. */
  maxDepth?: number;
  /** Items of an array without `maxItems`, at most. Default 4. */
  maxItems?: number;
};

const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'] as const;

/**
 * An object schema whose `anyOf`/`oneOf` branches only add constraints (`required`, a property
 * forbidden with `false`), as `POST /tenders` has (a template, or the award rules): each branch
 * merged into the object, so that the union's branches are whole objects.
 */
function mergeConstraintBranches(s: JsonSchema): JsonSchema {
  const key = s.anyOf !== undefined ? 'anyOf' : s.oneOf !== undefined ? 'oneOf' : undefined;
  if (key === undefined || s.properties === undefined) return s;
  const branches = s[key] as JsonSchema[];
  if (!branches.every((b) => b.type === undefined && b.$ref === undefined && Object.keys(b).every((k) => k === 'required' || k === 'properties'))) return s;
  const { [key]: _branches, ...object } = s;
  return {
    [key]: branches.map((branch) => ({
      ...object,
      properties: { ...object.properties, ...branch.properties },
      required: [...new Set([...(object.required ?? []), ...(branch.required ?? [])])],
    })),
  };
}

/** Follows `$ref`s and reads zod's nullable idiom `allOf: [X, { type: [..., 'null'] }]` as "X or null". */
export function normalise(schema: JsonSchema, options: Pick<SchemaArbitraryOptions, 'resolve'>): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref !== undefined && hops < 20; hops += 1) {
    const { $ref, ...rest } = current;
    current = { ...options.resolve($ref), ...rest };
  }
  current = mergeConstraintBranches(current);
  const allOf = current.allOf;
  if (allOf !== undefined) {
    const typeOnly = allOf.filter((s) => Object.keys(s).every((k) => k === 'type' || k === 'description'));
    const nullable = typeOnly.some((s) => (Array.isArray(s.type) ? s.type.includes('null') : s.type === 'null'));
    const rest = allOf.filter((s) => !typeOnly.includes(s));
    if (rest.length === 1 && typeOnly.length === allOf.length - 1) {
      const { allOf: _allOf, ...outer } = current;
      const inner = normalise(rest[0]!, options);
      return nullable ? { anyOf: [{ ...inner, ...outer }, { type: 'null' }] } : { ...inner, ...outer };
    }
  }
  return current;
}

/** The JSON types a schema allows, or null when it does not say (anything goes). */
export function allowedTypes(schema: JsonSchema, options: Pick<SchemaArbitraryOptions, 'resolve'>): Set<string> | null {
  const s = normalise(schema, options);
  const branches = s.anyOf ?? s.oneOf;
  if (branches !== undefined) {
    const union = new Set<string>();
    for (const branch of branches) {
      const types = allowedTypes(branch, options);
      if (types === null) return null;
      for (const t of types) union.add(t);
    }
    return union;
  }
  if (s.const !== undefined) return new Set([jsonTypeOf(s.const)]);
  if (s.enum !== undefined) return new Set(s.enum.map(jsonTypeOf));
  if (s.type === undefined) return null;
  const types = new Set(Array.isArray(s.type) ? s.type : [s.type]);
  if (s.nullable === true) types.add('null');
  if (types.has('number')) types.add('integer');
  return types;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function depthOf(options: SchemaArbitraryOptions): number {
  return options.maxDepth ?? 5;
}

/** String lengths as JSON Schema counts them: in Unicode code points (an emoji is one). */
export const codePointLength = (v: string): number => {
  let length = 0;
  for (const _ of v) length += 1;
  return length;
};

/** The first `max` code points of `v`. */
const codePointSlice = (v: string, max: number): string => [...v].slice(0, max).join('');

/** Every `pattern` a string schema states: its own, and those of `allOf` parts (zod writes two `.regex()` so). */
function patternsOf(s: JsonSchema): RegExp[] {
  const own = s.pattern === undefined ? [] : [s.pattern];
  const merged = Array.isArray(s.patterns) ? (s.patterns as string[]) : [];
  return [...new Set([...own, ...merged])].map((p) => new RegExp(p, 'u'));
}

function stringArbitrary(s: JsonSchema, property: string | undefined, options: SchemaArbitraryOptions): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 300;
  const patterns = patternsOf(s);
  const matches = (v: string) => patterns.every((p) => p.test(v));
  const fits = (v: string) => codePointLength(v) >= min && codePointLength(v) <= max;
  const free = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, min + 40) }) },
    { weight: 3, arbitrary: oddString },
    { weight: 1, arbitrary: fc.constant('Voldoet ruimschoots aan de eisen van het bestek.') },
  );
  let base: fc.Arbitrary<string>;
  if (s.format === 'email') base = fc.emailAddress();
  else if (s.format === 'date')
    base = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  else if (s.format === 'date-time')
    base = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  else if (s.format === 'uuid') base = fc.uuid();
  else if (patterns.length > 0) {
    // Generate from the anchored pattern (the whole string's shape), and let odd strings
    // through where they happen to match, so that text patterns still meet odd Unicode.
    const anchored = patterns.find((p) => p.source.startsWith('^') && p.source.endsWith('$')) ?? patterns[0]!;
    // The filter is on the union: most values come from the pattern itself, so it never starves.
    base = fc.oneof({ weight: 3, arbitrary: fc.stringMatching(anchored) }, { weight: 2, arbitrary: free }).filter(matches);
  } else base = free;
  const hinted = property === undefined ? undefined : options.hint?.(property);
  const chosen = hinted === undefined ? base : fc.oneof({ weight: 3, arbitrary: hinted as fc.Arbitrary<string> }, { weight: 1, arbitrary: base });
  // Pad or cut into the length bounds rather than filter, so that generation never starves
  // (`x` matches every text pattern of the document).
  const bounded = chosen.map((v) => {
    if (typeof v !== 'string' || fits(v)) return v;
    const padded = codePointLength(v) < min ? v + 'x'.repeat(min - codePointLength(v)) : v;
    return codePointLength(padded) > max ? codePointSlice(padded, max) : padded;
  });
  return patterns.length === 0 || hinted !== undefined ? bounded : bounded.filter((v) => typeof v !== 'string' || matches(v));
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const low =
    s.minimum ??
    (s.exclusiveMinimum === undefined ? undefined : s.exclusiveMinimum + (integer ? 1 : Number.EPSILON * Math.max(1, Math.abs(s.exclusiveMinimum))));
  const high =
    s.maximum ??
    (s.exclusiveMaximum === undefined ? undefined : s.exclusiveMaximum - (integer ? 1 : Number.EPSILON * Math.max(1, Math.abs(s.exclusiveMaximum))));
  if (integer) {
    const min = Math.ceil(low ?? -1_000_000_000);
    const max = Math.floor(high ?? 1_000_000_000);
    return fc.oneof(fc.integer({ min, max }), fc.constantFrom(...[0, 1, min, max].filter((v) => v >= min && v <= max)));
  }
  const min = low ?? -1e12;
  const max = high ?? 1e12;
  const edges = [0, -0, 0.1 + 0.2, 1e-9, 0.005, 99.995, 1e15 + 0.3, min, max, Number.MAX_SAFE_INTEGER, 1e308, -1e308].filter((v) => v >= min && v <= max);
  return fc.oneof(
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: Math.max(-1e6, Math.ceil(min)), max: Math.min(1e6, Math.floor(max)) }).filter((v) => v >= min && v <= max),
    fc.constantFrom(...edges),
  );
}

/**
 * Values shaped as the schema says (best effort: `oneOf` overlaps and formats are not
 * checked).
 * @example fc.sample(validValue({ type: 'string', maxLength: 5 }, { resolve }), 3)
 */
export function validValue(schema: JsonSchema, options: SchemaArbitraryOptions, depth = 0, property?: string): fc.Arbitrary<unknown> {
  const s = normalise(schema, options);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum !== undefined) return fc.constantFrom(...s.enum);
  const branches = s.anyOf ?? s.oneOf;
  if (branches !== undefined) return fc.oneof(...branches.map((b) => validValue(b, options, depth, property)));
  if (s.allOf !== undefined) return validValue(mergeAllOf(s, options), options, depth, property);
  const types = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
  if (s.nullable === true && !types.includes('null')) types.push('null');
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...s, type, nullable: false }, options, depth, property)));
  switch (types[0]) {
    case 'string':
      return stringArbitrary(s, property, options);
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const hinted = property === undefined ? undefined : options.hint?.(property);
      const minLength = s.minItems ?? 0;
      const cap = depth >= depthOf(options) ? minLength : minLength + (options.maxItems ?? 4);
      const maxLength = Math.min(s.maxItems ?? cap, cap);
      const items = hinted ?? validValue(s.items ?? {}, options, depth + 1, property);
      if (s.uniqueItems === true) return fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) });
      return fc.array(items, { minLength, maxLength });
    }
    case 'object':
      return objectArbitrary(s, options, depth);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function objectArbitrary(s: JsonSchema, options: SchemaArbitraryOptions, depth: number): fc.Arbitrary<Record<string, unknown>> {
  // A property whose schema is `false` may not be there at all.
  const properties = Object.fromEntries(Object.entries(s.properties ?? {}).filter(([, p]) => (p as unknown) !== false));
  const required = s.required ?? [];
  const deep = depth >= depthOf(options);
  const names = Object.keys(properties).filter((name) => required.includes(name) || !deep);
  const model = Object.fromEntries(names.map((name) => [name, validValue(properties[name]!, options, depth + 1, name)]));
  const record = fc.record(model, { requiredKeys: required.filter((r) => names.includes(r)) });
  const extra = s.additionalProperties;
  if (typeof extra !== 'object' || deep) return record;
  const keys =
    s.propertyNames === undefined ? fc.string({ minLength: 1, maxLength: 8 }) : (validValue(s.propertyNames, options, depth + 1) as fc.Arbitrary<string>);
  const dictionary = fc.dictionary(
    keys.filter((k) => !(k in properties) && k !== '__proto__'),
    validValue(extra, options, depth + 1),
    { maxKeys: 4 },
  );
  return fc.tuple(record, dictionary).map(([fixed, more]) => ({ ...more, ...fixed }));
}

/** `allOf` of object schemas as one object schema (zod emits it for intersections). */
function mergeAllOf(s: JsonSchema, options: SchemaArbitraryOptions): JsonSchema {
  const parts = (s.allOf ?? []).map((p) => normalise(p, options));
  const { allOf: _allOf, ...outer } = s;
  return parts.reduce<JsonSchema>(
    (merged, part) => ({
      // biome-ignore lint/performance/noAccumulatingSpread: an allOf has a handful of parts; copying leaves each part unchanged
      ...merged,
      ...part,
      properties: { ...merged.properties, ...part.properties },
      required: [...(merged.required ?? []), ...(part.required ?? [])],
      // Several parts may each state a pattern: all of them hold.
      patterns: [
        ...((merged.patterns as string[] | undefined) ?? []),
        ...(merged.pattern === undefined ? [] : [merged.pattern]),
        ...(part.pattern === undefined ? [] : [part.pattern]),
      ],
    }),
    outer,
  );
}

/** A JSON value of another type than the schema allows, or null when it allows every type. */
function wrongType(schema: JsonSchema, options: SchemaArbitraryOptions): fc.Arbitrary<unknown> | null {
  const allowed = allowedTypes(schema, options);
  if (allowed === null) return null;
  const samples: Record<(typeof JSON_TYPES)[number], fc.Arbitrary<unknown>> = {
    string: fc.oneof(fc.constantFrom('', 'tekst', '12', 'true', 'null'), oddString),
    number: fc.constantFrom(1.5, -0.25, 2.5e-7), // never integers: those pass as `integer`
    integer: fc.constantFrom(0, 7, -1, 2 ** 53),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.constantFrom([], [1, 'a'], [[]]),
    object: fc.constantFrom({}, { a: 1 }, { __proto__x: null }),
  };
  const choices = JSON_TYPES.filter((t) => !allowed.has(t) && !(t === 'integer' && allowed.has('number')));
  return choices.length === 0 ? null : fc.oneof(...choices.map((t) => samples[t]));
}

/**
 * Mutations of one level that make a value of `s` invalid; empty when none applies. Within
 * a union a branch's wrong type may be another branch's right one, so it can be left out.
 */
function brokenHere(s: JsonSchema, options: SchemaArbitraryOptions, depth: number, { withWrongType = true } = {}): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  const wrong = withWrongType ? wrongType(s, options) : null;
  if (wrong !== null) out.push(wrong);
  if (s.enum !== undefined || s.const !== undefined) {
    const allowed = s.enum ?? [s.const];
    out.push(fc.constantFrom('x-onbekend', 'ONBEKEND', `${String(allowed[0])}x`).filter((v) => !allowed.includes(v)));
  }
  const types = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
  if (types.includes('string')) {
    if (s.maxLength !== undefined) out.push(fc.integer({ min: 1, max: 50 }).map((extra) => 'x'.repeat(s.maxLength! + extra)));
    if (s.minLength !== undefined && s.minLength > 0) out.push(fc.constant('x'.repeat(s.minLength - 1)));
    if (s.pattern !== undefined) {
      const pattern = new RegExp(s.pattern, 'u');
      out.push(oddString.filter((v) => v === v.trim() && !pattern.test(v)));
    }
  }
  if (types.includes('integer')) out.push(fc.constantFrom(0.5, 1.25, -7.75));
  if (types.includes('number') || types.includes('integer')) {
    if (s.minimum !== undefined) out.push(fc.constant(s.minimum - 1));
    if (s.maximum !== undefined) out.push(fc.constant(s.maximum + 1));
    if (s.exclusiveMinimum !== undefined) out.push(fc.constant(s.exclusiveMinimum));
    if (s.exclusiveMaximum !== undefined) out.push(fc.constant(s.exclusiveMaximum));
  }
  if (types.includes('array')) {
    const item = validValue(s.items ?? {}, options, depth + 1);
    if (s.minItems !== undefined && s.minItems > 0) out.push(fc.array(item, { minLength: s.minItems - 1, maxLength: s.minItems - 1 }));
    if (s.maxItems !== undefined) out.push(fc.array(item, { minLength: s.maxItems + 1, maxLength: s.maxItems + 3 }));
    if (s.uniqueItems === true) out.push(item.map((v) => [v, v]));
    if (s.items !== undefined && depth < depthOf(options)) {
      out.push(fc.tuple(fc.array(item, { maxLength: 2 }), brokenValue(s.items, options, depth + 1)).map(([items, bad]) => [...items, bad]));
    }
  }
  if (types.includes('object')) {
    const valid = objectArbitrary(s, options, depth) as fc.Arbitrary<Record<string, unknown>>;
    const required = s.required ?? [];
    if (required.length > 0) {
      out.push(fc.tuple(valid, fc.constantFrom(...required)).map(([value, drop]) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== drop))));
    }
    if (s.additionalProperties === false) {
      const unknown = fc.constantFrom('onbekendVeld', 'extra', '__proto__', 'constructor', 'id ', 'Id').filter((k) => !(k in (s.properties ?? {})));
      out.push(
        fc.tuple(valid, unknown, fc.jsonValue({ maxDepth: 1 })).map(([value, key, extra]) => {
          const copy: Record<string, unknown> = { ...value };
          Object.defineProperty(copy, key, { value: extra, enumerable: true, configurable: true, writable: true });
          return copy;
        }),
      );
    }
    const properties = Object.entries(s.properties ?? {}).filter(([, p]) => (p as unknown) !== false);
    if (properties.length > 0 && depth < depthOf(options)) {
      out.push(
        fc
          .tuple(valid, fc.constantFrom(...properties))
          .chain(([value, [name, propertySchema]]) => brokenValue(propertySchema, options, depth + 1).map((bad) => ({ ...value, [name]: bad }))),
      );
    }
  }
  return out;
}

/**
 * Values the schema rejects (aimed at; confirm with a validator where it matters).
 * @example fc.sample(brokenValue({ type: 'object', required: ['a'], properties: { a: { type: 'string' } } }, { resolve }), 3)
 */
export function brokenValue(schema: JsonSchema, options: SchemaArbitraryOptions, depth = 0): fc.Arbitrary<unknown> {
  const s = normalise(schema, options);
  const branches = s.anyOf ?? s.oneOf;
  if (branches !== undefined) {
    // Broken for every branch at once is not generic; a wrong type for the union is, and
    // one branch's mutation often is too (the caller's validator decides).
    const candidates = [wrongType(s, options), ...branches.flatMap((b) => brokenHere(normalise(b, options), options, depth, { withWrongType: false }))].filter(
      (a): a is fc.Arbitrary<unknown> => a !== null,
    );
    return candidates.length === 0 ? fc.constant(Symbol.for('unbreakable')) : fc.oneof(...candidates);
  }
  const merged = s.allOf !== undefined ? mergeAllOf(s, options) : s;
  const candidates = brokenHere(merged, options, depth);
  return candidates.length === 0 ? fc.constant(Symbol.for('unbreakable')) : fc.oneof(...candidates);
}

/** Whether `brokenValue` found nothing to break (a schema that accepts anything). */
export const isUnbreakable = (value: unknown): boolean => value === Symbol.for('unbreakable');
