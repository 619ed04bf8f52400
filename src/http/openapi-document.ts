/**
 * @module
 * The OpenAPI document of the API, in the form the NL API Design Rules ask (how each rule is
 * met: docs/api-design-rules.md; the official linter runs on it in
 * tests/api/api-design-rules.test.ts):
 * - the routes' zod contracts give the paths and schemas; the paths are written relative to
 *   the one server entry, the base path with the major version (`/api/v1`, /core/uri-version),
 *   which is relative to where the document is served, so it is right behind any proxy;
 * - `info.version` is the full semantic version (/core/semver) and every response documents
 *   the `API-Version` header that every response carries (/core/version-header);
 * - `info.contact` names who answers for this server's API (/core/doc-openapi-contact);
 * - "X or null" of a referenced schema is written so that JSON Schema reads it so
 *   (`rewriteNullableReferences`), and a digit in a pattern as `[0-9]` (`asciiDigits`);
 * - it is served at `/api/v1/openapi.json` (and, as before, at `/openapi.json`), without login
 *   and readable from any origin (/core/publish-openapi).
 * The document is built once, on its first request, when every route is registered.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { API_BASE_PATH, API_VERSION, API_VERSION_HEADER } from './api-version.js';
import type { ApiContact, AppEnv } from './types.js';

type JsonObject = { [key: string]: unknown };

/** Where the document is served: the standard location within the base path, and the old one. */
export const OPENAPI_PATHS = [`${API_BASE_PATH}/openapi.json`, '/openapi.json'] as const;

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

const VERSION_HEADER_REF = { $ref: `#/components/headers/${API_VERSION_HEADER}` };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every response of every operation (and of `components.responses`) gets the `API-Version` header. */
function withVersionHeader(responses: unknown): unknown {
  if (!isObject(responses)) return responses;
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => {
      if (!isObject(response) || typeof response.$ref === 'string') return [status, response];
      const headers = isObject(response.headers) ? response.headers : {};
      return [status, { ...response, headers: { ...headers, [API_VERSION_HEADER]: VERSION_HEADER_REF } }];
    }),
  );
}

/**
 * The generator writes "X or null" for a referenced schema as `allOf: [{ $ref: X }, { type:
 * [..., 'null'] }]`, which JSON Schema reads as "X and (object or null)": never null, so the
 * document would refuse the null the server sends. Written as `anyOf: [X, { type: 'null' }]`.
 */
export function rewriteNullableReferences(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteNullableReferences);
  if (!isObject(node)) return node;
  const schema = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, rewriteNullableReferences(value)]));
  const allOf = schema.allOf;
  if (Array.isArray(allOf) && allOf.length === 2) {
    // The part the generator adds holds the type and, with `.openapi({ description })` on the
    // nullable field, its description, which belongs to the field itself.
    const typeOnly = allOf.find((part) => isObject(part) && 'type' in part && Object.keys(part).every((key) => key === 'type' || key === 'description'));
    const other = allOf.find((part) => part !== typeOnly);
    const types = isObject(typeOnly) ? [typeOnly.type].flat() : [];
    if (isObject(typeOnly) && other !== undefined && types.includes('null')) {
      const { allOf: _allOf, ...rest } = schema;
      const description = typeof typeOnly.description === 'string' && rest.description === undefined ? { description: typeOnly.description } : {};
      return { ...rest, ...description, anyOf: [other, { type: 'null' }] };
    }
  }
  return schema;
}

/**
 * A pattern as every regular-expression dialect reads it alike: `\\d` is any Unicode digit to
 * Python and .NET but only 0-9 to ECMA-262, so a tool in another language would generate
 * "٣" for a KvK number that the server refuses. Written as `[0-9]` (inside a class: `0-9`).
 * @example asciiDigits('^\\d{8}$') // '^[0-9]{8}$'
 */
export function asciiDigits(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern.charAt(i);
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      out += next === 'd' ? (inClass ? '0-9' : '[0-9]') : ch + next;
      i += 1;
    } else {
      if (ch === '[' && !inClass) inClass = true;
      else if (ch === ']' && inClass) inClass = false;
      out += ch;
    }
  }
  return out;
}

/** Every `pattern` of the document through `asciiDigits`. */
function withAsciiDigits(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withAsciiDigits);
  if (!isObject(node)) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === 'pattern' && typeof value === 'string' ? asciiDigits(value) : withAsciiDigits(value)]),
  );
}

/**
 * The generated document rewritten to the design rules. Throws on a documented path outside
 * the base path: such a route would not be part of this version of the API.
 * @example applyDesignRules(app.getOpenAPI31Document({ openapi: '3.1.0', info }), contact)
 */
export function applyDesignRules(generated: JsonObject, contact: ApiContact): JsonObject {
  const paths: JsonObject = {};
  for (const [path, item] of Object.entries(isObject(generated.paths) ? generated.paths : {})) {
    if (!path.startsWith(`${API_BASE_PATH}/`)) throw new Error(`${path} is documented but lies outside ${API_BASE_PATH}`);
    const operations = isObject(item) ? item : {};
    paths[path.slice(API_BASE_PATH.length)] = Object.fromEntries(
      Object.entries(operations).map(([key, operation]) =>
        HTTP_METHODS.has(key) && isObject(operation)
          ? [key, withAsciiDigits(rewriteNullableReferences({ ...operation, responses: withVersionHeader(operation.responses) }))]
          : [key, operation],
      ),
    );
  }
  const components = (isObject(generated.components) ? withAsciiDigits(rewriteNullableReferences(generated.components)) : {}) as JsonObject;
  const info = isObject(generated.info) ? generated.info : {};
  return {
    ...generated,
    info: { ...info, version: API_VERSION, contact: { ...contact } },
    servers: [{ url: API_BASE_PATH, description: `Versie ${API_VERSION.split('.')[0]} van de API op deze server (relatief aan het adres van dit document)` }],
    paths,
    components: {
      ...components,
      ...(components.responses === undefined ? {} : { responses: withVersionHeader(components.responses) }),
      headers: {
        ...(isObject(components.headers) ? components.headers : {}),
        [API_VERSION_HEADER]: {
          description: 'De volledige versie (semver) van de API die antwoordde; op elk antwoord, ook bij een fout.',
          required: true,
          schema: { type: 'string', example: API_VERSION },
        },
      },
    },
  };
}

/**
 * Serves the document at `OPENAPI_PATHS`. `authenticate` lets these paths through without login.
 * @example serveOpenApiDocument(app, ctx.config.apiContact);
 */
export function serveOpenApiDocument(app: OpenAPIHono<AppEnv>, contact: ApiContact): void {
  let document: string | undefined;
  const handler = (c: Context<AppEnv>) => {
    document ??= JSON.stringify(
      applyDesignRules(
        app.getOpenAPI31Document({
          openapi: '3.1.0',
          info: {
            title: 'Gunningswijzer API',
            version: API_VERSION,
            description:
              'Beoordelen en gunnen van aanbestedingen voor inburgering. Fouten zijn probleemdetails volgens ' +
              'RFC 9457 (application/problem+json); elk antwoord draagt de volledige versie in de header API-Version.\n\n' +
              'Het schema van een verzoek is het contract: een verzoek dat eraan voldoet krijgt alleen 400 om een regel die de ' +
              'operatie bij haar 400-antwoord noemt (`x-validation-rules`, met het veld dat het antwoord aanwijst). Lengtes tellen ' +
              'tekens (Unicode-codepunten), zoals JSON Schema. Voor elk verzoek geldt daarnaast: tekst is welgevormde Unicode; ' +
              'een losse UTF-16-surrogaat (bijvoorbeeld "\\uD800" zonder partner) in een JSON-body geeft 400 bij het veld waarin hij staat.',
          },
        }) as unknown as JsonObject,
        contact,
      ),
    );
    // Readable from any origin, so that tools such as Swagger UI elsewhere can load it (/core/publish-openapi).
    return c.body(document, 200, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
  };
  for (const path of OPENAPI_PATHS) app.get(path, handler);
}
