/**
 * @module
 * Validators for the OCDS tests, on the official OCDS 1.1.5 release package and release
 * schemas that sit beside the checkout in `../shared/ocds/` (read from there, never copied):
 * - `official`: the two schemas as published, the release schema registered under its id so
 *   the package schema's `$ref` to it resolves;
 * - `extended`: the release schema patched (JSON merge patch, as OCDS tooling does) with the
 *   fields of the declared extensions (extension-schemas.ts), so their enums and types count;
 * - `closed`: `extended` with `additionalProperties: false` on every object, so a field that is
 *   in neither core nor a declared extension (a typo, a field of an undeclared extension) fails.
 */
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsPlugin from 'ajv-formats';
import { EXTENSION_PATCHES } from './extension-schemas.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SHARED = new URL('../../../../shared/ocds/', import.meta.url);

function readSchema(name: string): JsonObject {
  return JSON.parse(readFileSync(new URL(name, SHARED), 'utf8')) as JsonObject;
}

export const releasePackageSchema = readSchema('release-package-schema.json');
export const releaseSchema = readSchema('release-schema.json');

// CommonJS packages: under NodeNext the default import is `module.exports`, whose `default`
// is the class (plugin) itself.
const Ajv = AjvDraft04.default;
const addFormats = addFormatsPlugin.default;

/** OCDS's own annotation keywords: metadata for tools, no validation meaning. */
const OCDS_KEYWORDS = ['codelist', 'openCodelist', 'deprecated', 'omitWhenMerged', 'wholeListMerge', 'versionId'];

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 7396 JSON merge patch. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key] ?? null, value);
  }
  return result;
}

/** Sets `additionalProperties: false` on every schema object that lists `properties`. */
function closeSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(closeSchema);
  if (!isObject(schema)) return schema;
  const closed: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    // The names under `properties` and `definitions` are not schemas; their values are.
    closed[key] =
      (key === 'properties' || key === 'definitions') && isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, closeSchema(sub)]))
        : closeSchema(value);
  }
  if (isObject(schema.properties) && schema.additionalProperties === undefined) closed.additionalProperties = false;
  return closed;
}

function createValidator(release: JsonObject, pkg: JsonObject) {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const keyword of OCDS_KEYWORDS) ajv.addKeyword(keyword);
  ajv.addSchema(release);
  const validatePackage = ajv.compile(pkg);
  const validateRelease = ajv.getSchema(String(release.id));
  if (validateRelease === undefined) throw new Error('release schema not registered');
  const errorsOf = (validate: typeof validatePackage) =>
    (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  return {
    validatePackage(data: unknown): string[] {
      return validatePackage(data) ? [] : errorsOf(validatePackage);
    },
    validateRelease(data: unknown): string[] {
      return validateRelease(data) ? [] : errorsOf(validateRelease as typeof validatePackage);
    },
  };
}

export type OcdsValidator = ReturnType<typeof createValidator>;

const extendedRelease = mergePatch(releaseSchema, EXTENSION_PATCHES as Json) as JsonObject;

export const validators = {
  official: createValidator(releaseSchema, releasePackageSchema),
  extended: createValidator(extendedRelease, releasePackageSchema),
  closed: createValidator(closeSchema(extendedRelease) as JsonObject, closeSchema(releasePackageSchema) as JsonObject),
};
