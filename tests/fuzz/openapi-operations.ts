/**
 * @module
 * The operations of an OpenAPI 3.1 document, with the schemas of their path and query
 * parameters and JSON body, and a validator for each (Ajv, JSON Schema 2020-12) used as the
 * oracle of "this request does not match the published contract".
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { JsonSchema } from './json-schema-arbitrary.js';

// CommonJS packages: under NodeNext the default import is `module.exports`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsPlugin.default;

export type OpenApiDocument = {
  /** The paths are relative to the first server's URL (`/api/v1`). */
  servers?: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

type OpenApiResponse = { description?: string; content?: Record<string, { schema?: JsonSchema }>; [extension: `x-${string}`]: unknown };

type OpenApiOperation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, OpenApiResponse>;
};

/** A rule the server checks beyond the schema, as its 400 answer documents it (`x-validation-rules`). */
export type ValidationRule = { path: string; rule: string };

export type Parameter = { name: string; required: boolean; schema: JsonSchema };

export type Operation = {
  method: string;
  /** The request path with its parameters in braces: the server URL and the document's path, `/api/v1/tenders/{id}`. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** A JSON body (`contentType` application/json) or another kind (a PDF upload): its media type and schema. */
  body: { required: boolean; schema: JsonSchema; contentType: string } | null;
  /** Per documented status: the media types and their schemas. */
  responses: Record<string, Record<string, JsonSchema>>;
  /** The rules beyond the schema that the 400 answer documents (empty when it documents none). */
  validationRules: ValidationRule[];
};

/** Every operation of the document, in document order. */
export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  const base = doc.servers?.[0]?.url ?? '';
  for (const [documentPath, methods] of Object.entries(doc.paths)) {
    const path = `${base}${documentPath}`;
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = (operation.parameters ?? []).map((p) => ({ in: p.in, name: p.name, required: p.required === true, schema: p.schema ?? {} }));
      const content = Object.entries(operation.requestBody?.content ?? {});
      const [contentType, media] = content.find(([type]) => type === 'application/json') ?? content[0] ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body: contentType === undefined ? null : { required: operation.requestBody?.required === true, schema: media?.schema ?? {}, contentType },
        responses: Object.fromEntries(
          Object.entries(operation.responses ?? {}).map(([status, response]) => [
            status,
            Object.fromEntries(Object.entries(response.content ?? {}).map(([type, m]) => [type, m.schema ?? {}])),
          ]),
        ),
        validationRules: (operation.responses?.['400']?.['x-validation-rules'] as ValidationRule[] | undefined) ?? [],
      });
    }
  }
  return operations;
}

/**
 * zod writes "X or null" for a referenced schema as `allOf: [{ $ref: X }, { type: [..., 'null'] }]`,
 * which JSON Schema reads as "X and (object or null)", that is never null. Read it as meant.
 */
export function rewriteNullableIdiom(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteNullableIdiom);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, rewriteNullableIdiom(v)] as const);
  const schema = Object.fromEntries(entries) as JsonSchema;
  const allOf = schema.allOf;
  if (Array.isArray(allOf) && allOf.length === 2) {
    const typeOnly = allOf.find((s) => Object.keys(s).every((k) => k === 'type'));
    const other = allOf.find((s) => s !== typeOnly);
    const types = typeOnly === undefined ? [] : Array.isArray(typeOnly.type) ? typeOnly.type : [typeOnly.type];
    if (typeOnly !== undefined && other !== undefined && types.includes('null')) {
      const { allOf: _allOf, ...rest } = schema;
      return { ...rest, anyOf: [other, { type: 'null' }] };
    }
  }
  return schema;
}

export type SchemaValidator = (value: unknown) => boolean;

/**
 * Whether a documented rule covers a problem's field path: the same path, where `*` in the
 * rule stands for any one index or key (`criteria[*].minimum` covers `criteria[2].minimum`;
 * `scores.*` covers `scores.K1` and `scores["a b"]`, a key written as a JSON string).
 * @example ruleCovers('dossier.bids[*].price', 'dossier.bids[3].price') // true
 */
export function ruleCovers(rulePath: string, errorPath: string): boolean {
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = rulePath
    .split(/(\[\*\]|\.\*|^\*)/)
    .map((part) => {
      if (part === '[*]') return '\\[\\d+\\]';
      if (part === '.*') return '(?:\\.[^.\\[\\]]+|\\["(?:[^"\\\\]|\\\\.)*"\\])';
      if (part === '*') return '(?:[^.\\[\\]]+|\\["(?:[^"\\\\]|\\\\.)*"\\])';
      return escapeRegExp(part);
    })
    .join('');
  return new RegExp(`^${pattern}$`).test(errorPath);
}

/**
 * A validator factory for schemas of the document; `$ref`s into `#/components/schemas` resolve.
 * String lengths count Unicode code points, as JSON Schema says and zod does (an emoji is one).
 */
export function createValidators(doc: OpenApiDocument): {
  validator: (schema: JsonSchema) => SchemaValidator;
  resolve: (ref: string) => JsonSchema;
  /** Why a value does not match: Ajv's first errors, with their paths in the value. */
  explain: (schema: JsonSchema, value: unknown) => string;
} {
  const components = rewriteNullableIdiom(doc.components ?? {}) as { schemas?: Record<string, JsonSchema> };
  const ajv = new Ajv2020({ strict: false, allowUnionTypes: true, logger: false });
  addFormats(ajv);
  const cache = new Map<JsonSchema, SchemaValidator>();
  const compiledFor = new Map<JsonSchema, ReturnType<typeof ajv.compile>>();
  return {
    explain: (schema, value) => {
      let compiled = compiledFor.get(schema);
      if (compiled === undefined) {
        compiled = ajv.compile({ ...(rewriteNullableIdiom(schema) as object), components });
        compiledFor.set(schema, compiled);
      }
      compiled(value);
      const errors = compiled.errors ?? [];
      // In a union every branch fails; the deepest path is the branch that got furthest.
      const deepest = [...errors].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length).slice(0, 3);
      return deepest.map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('; ');
    },
    validator: (schema) => {
      let validate = cache.get(schema);
      if (validate === undefined) {
        const compiled = ajv.compile({ ...(rewriteNullableIdiom(schema) as object), components });
        validate = (value) => compiled(value) === true;
        cache.set(schema, validate);
      }
      return validate;
    },
    resolve: (ref) => {
      const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
      const schema = name === undefined ? undefined : components.schemas?.[name];
      if (schema === undefined) throw new Error(`cannot resolve ${ref}`);
      return schema;
    },
  };
}

/** Every object schema that names its properties gets `additionalProperties: false`, unless it says otherwise. */
export function strictly(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictly);
  if (typeof node !== 'object' || node === null) return node;
  const schema = Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, strictly(s)])) : strictly(v),
    ]),
  ) as JsonSchema;
  const types = [schema.type].flat();
  if (types.includes('object') && typeof schema.properties === 'object' && schema.additionalProperties === undefined && schema.allOf === undefined) {
    return { ...schema, additionalProperties: false };
  }
  return schema;
}
