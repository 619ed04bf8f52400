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

type OpenApiOperation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
};

export type Parameter = { name: string; required: boolean; schema: JsonSchema };

export type Operation = {
  method: string;
  /** The request path with its parameters in braces: the server URL and the document's path, `/api/v1/tenders/{id}`. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** A JSON body (`contentType` application/json) or another kind (a PDF upload): its media type and schema. */
  body: { required: boolean; schema: JsonSchema; contentType: string } | null;
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
 * A validator factory for schemas of the document; `$ref`s into `#/components/schemas` resolve.
 * String lengths count UTF-16 code units, as JavaScript (and so zod) does.
 */
export function createValidators(doc: OpenApiDocument): { validator: (schema: JsonSchema) => SchemaValidator; resolve: (ref: string) => JsonSchema } {
  const components = rewriteNullableIdiom(doc.components ?? {}) as { schemas?: Record<string, JsonSchema> };
  // `unicode: false`: count string length as JavaScript does (Ajv warns that the option is
  // deprecated; it still works, and zod counts code units, so the oracle must too).
  const ajv = new Ajv2020({ strict: false, unicode: false, allowUnionTypes: true, logger: false });
  addFormats(ajv);
  const cache = new Map<JsonSchema, SchemaValidator>();
  return {
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
