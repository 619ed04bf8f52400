/**
 * @module
 * Validators for the OCDS tests, built the way OCDS tooling (the OCDS data review library,
 * the extension registry's profile builder) builds them, on the copies in `standards/ocds/`
 * (OCDS 1.1.5 and the extensions' own files, see its NOTICE; nothing is read from outside
 * the repository or downloaded):
 * - `patchedReleaseSchema(urls)`: the core release schema with each declared extension's
 *   `release-schema.json` applied in order as a JSON merge patch (RFC 7396);
 * - `unresolvedRefs(schema)`: the `$ref`s of a schema that name no definition: an extension
 *   that refers to a definition of an undeclared one leaves one, and the review library then
 *   cannot build the schema, reports every field as unknown and skips the codelist checks;
 * - validators (ajv, draft-04) that also check every field with a `codelist`: a closed
 *   codelist admits only its codes, an open one its codes and the own codes documented in
 *   `OWN_CODES` (docs/ocds-and-comparison.md), so an undocumented code fails;
 * - `official`: core only; `extended`: core patched with the extensions the export declares;
 *   `closed`: `extended` with `additionalProperties: false` on every object, so a field that is
 *   in neither core nor a declared extension (a typo, a field of an undeclared extension) fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { AnySchemaObject, SchemaValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsPlugin from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { OCDS_EXTENSIONS } from '../../../src/domain/ocds/extensions.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const STANDARD = new URL('../../../standards/ocds/', import.meta.url);

function readJson(url: URL): JsonObject {
  return JSON.parse(readFileSync(url, 'utf8')) as JsonObject;
}

export const releasePackageSchema = readJson(new URL('release-package-schema.json', STANDARD));
export const releaseSchema = readJson(new URL('release-schema.json', STANDARD));

/** The vendored extensions by the URL a package declares them with (their `extension.json` on master). */
export const VENDORED_EXTENSIONS: Readonly<Record<string, string>> = {
  [OCDS_EXTENSIONS.bids]: 'bids',
  [OCDS_EXTENSIONS.lots]: 'lots',
  [OCDS_EXTENSIONS.awardCriteria]: 'awardCriteria',
  [OCDS_EXTENSIONS.submissionTerms]: 'submissionTerms',
};

function extensionFolder(url: string): URL {
  const folder = VENDORED_EXTENSIONS[url];
  if (folder === undefined) throw new Error(`extension ${url} is not vendored under standards/ocds/extensions/`);
  return new URL(`extensions/${folder}/`, STANDARD);
}

/**
 * Codes of our own in open codelists, each documented in docs/ocds-and-comparison.md with
 * why no code of the codelist fits. A closed codelist admits none.
 */
export const OWN_CODES: Readonly<Record<string, readonly string[]>> = {
  'statistic.csv': ['bidsFlaggedAbnormallyLow'],
};

/** OCDS's own annotation keywords: metadata for tools, no validation meaning (`codelist` is checked below). */
const OCDS_KEYWORDS = ['openCodelist', 'deprecated', 'omitWhenMerged', 'wholeListMerge', 'versionId'];

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

/** The core release schema patched with each extension's release schema, in the order given. */
export function patchedReleaseSchema(extensionUrls: readonly string[]): JsonObject {
  return extensionUrls.reduce<JsonObject>(
    (schema, url) => mergePatch(schema, readJson(new URL('release-schema.json', extensionFolder(url)))) as JsonObject,
    releaseSchema,
  );
}

/** Every local `$ref` (`#/definitions/X`) of the schema that names no definition, once each. */
export function unresolvedRefs(schema: JsonObject): string[] {
  const definitions = isObject(schema.definitions) ? schema.definitions : {};
  const missing = new Set<string>();
  const visit = (node: Json): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      const ref = node.$ref;
      if (typeof ref === 'string') {
        const name = /^#\/definitions\/([^/]+)$/.exec(ref)?.[1];
        if (name === undefined || definitions[name] === undefined) missing.add(ref);
      }
      Object.values(node).forEach(visit);
    }
  };
  visit(schema);
  return [...missing].sort();
}

function readCodes(file: URL): string[] {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as { Code: string }[];
  return rows.map((row) => row.Code);
}

/** The codes of each codelist (`name.csv`) of core and of the given extensions. */
export function codelists(extensionUrls: readonly string[]): Map<string, Set<string>> {
  const lists = new Map<string, Set<string>>();
  const folders = [new URL('codelists/', STANDARD), ...extensionUrls.map((url) => new URL('codelists/', extensionFolder(url)))];
  for (const folder of folders) {
    let files: string[];
    try {
      files = readdirSync(folder).filter((name) => name.endsWith('.csv'));
    } catch {
      continue; // an extension without codelists (lots)
    }
    for (const name of files) lists.set(name, new Set(readCodes(new URL(name, folder))));
  }
  return lists;
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

// CommonJS packages: under NodeNext the default import is `module.exports`, whose `default`
// is the class (plugin) itself.
const Ajv = AjvDraft04.default;
const addFormats = addFormatsPlugin.default;

function codelistKeyword(lists: Map<string, Set<string>>): SchemaValidateFunction {
  const check: SchemaValidateFunction = (name: string, data: unknown, parent?: AnySchemaObject) => {
    const codes = lists.get(name);
    if (codes === undefined) {
      check.errors = [{ keyword: 'codelist', message: `codelist ${name} is not available`, params: { codelist: name } }];
      return false;
    }
    const open = parent?.openCodelist === true;
    const own = open ? (OWN_CODES[name] ?? []) : [];
    const values = (Array.isArray(data) ? data : [data]).filter((value): value is string => typeof value === 'string');
    const unknown = values.filter((value) => !codes.has(value) && !own.includes(value));
    if (unknown.length === 0) return true;
    const kind = open ? 'open codelist (and not a documented own code)' : 'closed codelist';
    check.errors = [{ keyword: 'codelist', message: `${unknown.join(', ')} not in the ${kind} ${name}`, params: { codelist: name, unknown } }];
    return false;
  };
  return check;
}

function createValidator(release: JsonObject, pkg: JsonObject, extensionUrls: readonly string[]) {
  const missing = unresolvedRefs(release);
  if (missing.length > 0) throw new Error(`the patched release schema has unresolved references: ${missing.join(', ')}`);
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const keyword of OCDS_KEYWORDS) ajv.addKeyword(keyword);
  ajv.addKeyword({ keyword: 'codelist', schemaType: 'string', errors: true, validate: codelistKeyword(codelists(extensionUrls)) });
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

/** Validators for a package that declares `extensionUrls`; throws on an unresolved `$ref`. */
export function createOcdsValidators(extensionUrls: readonly string[]) {
  const patched = patchedReleaseSchema(extensionUrls);
  return {
    extended: createValidator(patched, releasePackageSchema, extensionUrls),
    closed: createValidator(closeSchema(patched) as JsonObject, closeSchema(releasePackageSchema) as JsonObject, extensionUrls),
  };
}

const declared = createOcdsValidators(Object.values(OCDS_EXTENSIONS));

export const validators = {
  official: createValidator(releaseSchema, releasePackageSchema, []),
  extended: declared.extended,
  closed: declared.closed,
};
