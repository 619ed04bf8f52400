/**
 * Fuzzes every operation of the app's own `/openapi.json` with requests generated from the
 * document's schemas (path parameters, query, body), both shaped as the schema says and
 * deliberately broken, with odd Unicode throughout, as several users of Almere and of another
 * organisation, with that organisation's ids among the values. For every answer the checks of
 * `fuzz-world.ts` hold (never a 5xx, never internals, problem details for errors, a rejected
 * request changes no row and so not the audit chain head), and moreover:
 * - a body or path the published contract rejects is never accepted (2xx);
 * - another organisation's tender or report answers 404;
 * - a body naming another organisation is never accepted for Almere's inkoper.
 * Afterwards the audit chain verifies and the database passes `integrity_check`. Malformed
 * JSON, content types, huge and deep bodies are in `malformed-input.test.ts`.
 *
 * `FUZZ_RUNS` (per operation, default 25) deepens a run. Every operation's seed derives from
 * one seed for the file, printed with any failure: `FUZZ_SEED=<seed> npx vitest run
 * tests/fuzz/openapi-fuzz.test.ts` replays the same requests in the same order (the
 * operations share one database, so a failure is replayed with the file, not alone).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { assertWithFileSeed, createFuzzWorld, RUNS, seedFor, type ActorName } from './fuzz-world.js';
import { brokenValue, isUnbreakable, validValue, type JsonSchema, type SchemaArbitraryOptions } from './json-schema-arbitrary.js';
import { oddPathSegment, oddString } from './odd-strings.js';
import type { Operation } from './openapi-operations.js';

const f = await createFuzzWorld();
const { w, ids, operations, validator, resolve, hint } = f;
afterAll(() => f.close());

/** Actors by weight: mostly Almere's inkoper, as the issue asks; the others reach other branches. */
const actorArbitrary: fc.Arbitrary<ActorName> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('inkoper' as const) },
  ...(['beoordelaar', 'auditor', 'platformAdmin', 'otherInkoper', 'anonymous'] as const).map((a) => ({ weight: 1, arbitrary: fc.constant(a) })),
);

const schemaOptions: SchemaArbitraryOptions = { resolve, hint, maxDepth: 5, maxItems: 4 };

/** Real ids for a path parameter: Almere's, another organisation's, and none. */
function knownIds(path: string, name: string): { own: string[]; other: string[]; none: string[] } {
  if (name === 'bidId') return { own: ['B1', 'B2', 'B4'], other: [], none: ['B99'] };
  if (name === 'criterionId') return { own: ['K1', 'K2', 'K4'], other: [], none: ['K99'] };
  if (name !== 'id') return { own: [], other: [], none: [] };
  if (path.startsWith('/api/v1/tenders/'))
    return {
      own: [ids.draftTender, ids.openTender, ids.openTender, ids.panelTender, ids.panelTender],
      other: [ids.otherTender],
      none: ['tender-bestaat-niet'],
    };
  if (path.startsWith('/api/v1/reports/')) return { own: [ids.report, ids.report], other: [ids.otherReport], none: ['rapport-bestaat-niet'] };
  if (path.startsWith('/api/v1/regions/')) return { own: [w.orgs.regio, w.orgs.regio], other: [ids.otherRegion], none: ['regio-bestaat-niet'] };
  if (path.startsWith('/api/v1/procedures/')) return { own: [ids.procedure, ids.procedure], other: [], none: ['procedure-bestaat-niet'] };
  return { own: [], other: [], none: ['bestaat-niet'] };
}

/** Path parameter values: real ids of ours and another organisation's, schema-shaped and odd. */
function pathValue(path: string, name: string, schema: JsonSchema): fc.Arbitrary<{ raw: string; decoded: string | null }> {
  const { own, other, none } = knownIds(path, name);
  const known = [...own, ...other, ...none];
  const clean = (v: string) => ({ raw: encodeURIComponent(v), decoded: v });
  return fc.oneof(
    ...(known.length > 0 ? [{ weight: 12, arbitrary: fc.constantFrom(...known).map(clean) }] : []),
    {
      weight: 2,
      arbitrary: (validValue(schema, schemaOptions) as fc.Arbitrary<unknown>)
        .filter((v): v is string => typeof v === 'string' && v !== '' && !/[\uD800-\uDFFF]/.test(v))
        .map(clean),
    },
    { weight: 2, arbitrary: oddPathSegment.map((raw) => ({ raw, decoded: null })) },
  );
}

/** A JSON body, raw bytes with their media type (a PDF upload), or none. */
type FuzzBody = { json: unknown } | { bytes: Uint8Array; contentType: string } | undefined;

/** Uploads: random bytes, something that starts like a PDF, and a real signed report damaged a little. */
function binaryBody(contentType: string): fc.Arbitrary<FuzzBody> {
  const flip = (at: number) => {
    const copy = f.reportPdf.slice();
    const index = at % copy.length;
    copy[index] = copy[index]! ^ 0xff;
    return copy;
  };
  return fc
    .oneof(
      fc.uint8Array({ maxLength: 2048 }),
      fc.uint8Array({ maxLength: 512 }).map((tail) => new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...tail])),
      fc.constant(null).map(() => f.reportPdf),
      fc.nat().map(flip),
      fc.nat().map((n) => f.reportPdf.slice(0, n % f.reportPdf.length)),
    )
    .map((bytes) => ({ bytes, contentType }));
}

type FuzzRequest = {
  actor: ActorName;
  method: string;
  url: string;
  body: FuzzBody;
  /** Whether the request matches the published contract; null when it cannot be told (raw odd path bytes). */
  contractValid: boolean | null;
  /** The path names a resource of another organisation. */
  otherOrganisation: boolean;
  /**
   * A path value is a dot segment (`.`, `..`, `%2e`): the URL parser removes it (RFC 3986
   * §5.2.4, WHATWG URL), so the request reaches another path than the operation's.
   */
  dotSegment: boolean;
};

/** A segment the URL parser removes or climbs with, in any spelling it decodes. */
const isDotSegment = (raw: string) => /^(\.|%2e){1,2}$/i.test(raw);

function requestFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParams = fc.tuple(...op.pathParams.map((p) => pathValue(op.path, p.name, p.schema)));
  const queryParams = fc.tuple(
    ...op.queryParams.map((p) => fc.option(fc.oneof(validValue(p.schema, schemaOptions, 0, p.name), oddString), { nil: undefined })),
  );
  const body = op.body;
  const bodyArbitrary: fc.Arbitrary<FuzzBody> =
    body === null
      ? fc.constant(undefined)
      : body.contentType !== 'application/json'
        ? binaryBody(body.contentType)
        : fc.oneof(
            { weight: 5, arbitrary: validValue(body.schema, schemaOptions).map((value) => ({ json: value })) },
            {
              weight: 4,
              arbitrary: brokenValue(body.schema, schemaOptions)
                .filter((v) => !isUnbreakable(v))
                .map((value) => ({ json: value })),
            },
            { weight: 1, arbitrary: fc.constant(undefined) },
          );
  return fc
    .record({ actor: actorArbitrary, pathValues: pathParams, queryValues: queryParams, body: bodyArbitrary })
    .map(({ actor, pathValues, queryValues, body }) => {
      let path = op.path;
      let contractValid: boolean | null = true;
      op.pathParams.forEach((p, i) => {
        const value = pathValues[i]!;
        path = path.replace(`{${p.name}}`, value.raw);
        if (value.decoded === null) contractValid = null;
        else if (contractValid !== null && !validator(p.schema)(value.decoded)) contractValid = false;
      });
      const query = op.queryParams
        .map((p, i) => [p.name, queryValues[i]] as const)
        .filter(([, v]) => v !== undefined)
        .map(([name, v]) => `${encodeURIComponent(name)}=${encodeURIComponent(typeof v === 'string' ? v.replace(/[\uD800-\uDFFF]/g, '') : JSON.stringify(v))}`);
      if (op.body !== null && contractValid !== null) {
        // Hono validates a request without a body (and without a content type) as `{}`.
        if (body === undefined) contractValid = op.body.contentType === 'application/json' ? validator(op.body.schema)({}) : null;
        else if ('bytes' in body)
          contractValid = null; // `format: binary` says nothing to check
        else if (!validator(op.body.schema)(body.json)) contractValid = false;
      }
      return {
        actor,
        method: op.method,
        url: query.length === 0 ? path : `${path}?${query.join('&')}`,
        body,
        contractValid,
        otherOrganisation: op.pathParams.some((p, i) => knownIds(op.path, p.name).other.includes(pathValues[i]!.decoded ?? '')),
        dotSegment: pathValues.some((value) => isDotSegment(value.raw)),
      };
    });
}

/** Statuses seen per operation, to show the run reached past authentication and validation. */
const statusesByOperation = new Map<string, Map<number, number>>();
let contractInvalid = 0;

function fuzzParameters(index: number): fc.Parameters<[FuzzRequest]> {
  return { numRuns: RUNS, seed: seedFor(index), endOnFailure: true };
}

describe('fuzzing every operation of /openapi.json', () => {
  it('finds the operations of the app in its document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    expect(operations.filter((op) => op.body !== null).length).toBeGreaterThanOrEqual(15);
  });

  for (const [index, op] of operations.entries()) {
    it(`${op.method} ${op.path}`, async () => {
      f.resetFingerprint();
      await assertWithFileSeed(
        fc.asyncProperty(requestFor(op), async (request) => {
          const body = request.body;
          const what = `${request.actor}: ${request.method} ${request.url.slice(0, 200)} ${body === undefined ? '' : 'json' in body ? (JSON.stringify(body.json) ?? '').slice(0, 300) : `${body.bytes.length} bytes`}`;
          const answer = await f.send(request.actor, request.method, request.url, {
            ...(body === undefined
              ? {}
              : 'json' in body
                ? { body: JSON.stringify(body.json), headers: { 'content-type': 'application/json' } }
                : { body: body.bytes, headers: { 'content-type': body.contentType } }),
          });
          const problems = f.checkAnswer(what, answer);
          const seen = statusesByOperation.get(`${op.method} ${op.path}`) ?? new Map<number, number>();
          seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
          statusesByOperation.set(`${op.method} ${op.path}`, seen);
          if (request.contractValid === false) contractInvalid += 1;
          if (request.contractValid === false && answer.status < 300)
            problems.push(`${what}: accepted (${answer.status}) though the published contract rejects it`);
          // Another organisation's id must answer as an absent one. Tenders and reports are
          // scoped before validation (exactly 404); elsewhere a validation error that does not
          // depend on the id may come first, but never an answer that shows the id exists.
          if (request.otherOrganisation && request.actor !== 'otherInkoper' && request.actor !== 'anonymous') {
            // A dot segment moves the request to another path, where the route table (405, or
            // a route with no id) may answer before any tender is looked up.
            const scopedFirst = /^\/api\/v1\/(tenders|reports)\//.test(op.path) && !request.dotSegment;
            const leaks = scopedFirst ? answer.status !== 404 : answer.status < 300 || answer.status === 403 || answer.status === 409;
            if (leaks) problems.push(`${what}: another organisation's resource answered ${answer.status}, as if it exists`);
          }
          const json = body !== undefined && 'json' in body ? (body.json as { organisationId?: unknown } | null) : undefined;
          if (request.actor === 'inkoper' && json?.organisationId === w.orgs.utrecht && answer.status < 300) {
            problems.push(`${what}: acted for another organisation (${answer.status})`);
          }
          expect(problems).toEqual([]);
        }),
        fuzzParameters(index),
      );
    }, 60_000);
  }
});

describe('after all of it', () => {
  it('reached past authentication, scoping and validation', () => {
    const all = new Set<number>();
    for (const seen of statusesByOperation.values()) for (const status of seen.keys()) all.add(status);
    expect([...all]).toEqual(expect.arrayContaining([200, 201, 400, 401, 403, 404, 409]));
    // Most operations answered something other than "not logged in" or "not found" at least once.
    const reached = [...statusesByOperation.values()].filter((seen) => [...seen.keys()].some((s) => s !== 401 && s !== 404));
    expect(reached.length).toBeGreaterThanOrEqual(Math.floor(operations.length * (RUNS >= 20 ? 0.8 : 0.3)));
    // And a good share of the requests broke the published contract on purpose.
    expect(contractInvalid).toBeGreaterThan(operations.length * RUNS * 0.05);
  });

  it('the audit chain verifies and the database is intact', async () => {
    const verify = await f.send('inkoper', 'GET', '/api/v1/audit/verify');
    expect(verify.status).toBe(200);
    expect(JSON.parse(verify.text)).toMatchObject({ valid: true, firstBroken: null });
    expect(f.t.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(f.t.db.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
