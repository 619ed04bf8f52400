/**
 * The converse of `openapi-fuzz.test.ts`: a request that the published contract accepts is
 * not refused as invalid. For every operation of the app's own `/openapi.json`, fast-check
 * generates requests from the document's own schemas (path parameters with real ids, query,
 * JSON body), keeps those the schemas accept (Ajv, JSON Schema 2020-12, lengths in code
 * points), and sends them as the users of the fuzz world. Then:
 * - a 400 is allowed only where the operation's 400 answer documents the rule beyond the
 *   schema (`x-validation-rules`), for every field path the problem names;
 * - the status is one the operation documents;
 * - the body matches the schema documented for that status and media type (so every write
 *   that succeeds is checked against its response schema too).
 *
 * Bounded in time: `CONTRACT_RUNS` requests per operation (default 12), and at most
 * `CONTRACT_MS` milliseconds per operation (default 1500). `FUZZ_SEED` replays a run.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { assertWithFileSeed, createFuzzWorld, seedFor, type ActorName } from './fuzz-world.js';
import { validValue, type JsonSchema, type SchemaArbitraryOptions } from './json-schema-arbitrary.js';
import { ruleCovers, type Operation } from './openapi-operations.js';

const RUNS = Number(process.env.CONTRACT_RUNS ?? 12);
const TIME_LIMIT_MS = Number(process.env.CONTRACT_MS ?? 1500);

const f = await createFuzzWorld();
const { w, ids, operations, validator, resolve, hint } = f;
afterAll(() => f.close());

const schemaOptions: SchemaArbitraryOptions = { resolve, hint, maxDepth: 5, maxItems: 3 };

/** Mostly the inkoper; the others reach the routes that are theirs (scores, users, organisations). */
const actorArbitrary: fc.Arbitrary<ActorName> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('inkoper' as const) },
  { weight: 2, arbitrary: fc.constant('beoordelaar' as const) },
  { weight: 1, arbitrary: fc.constant('platformAdmin' as const) },
  { weight: 1, arbitrary: fc.constant('auditor' as const) },
);

/** Real ids of the world for a path parameter, by the path it is in; a schema-shaped value otherwise. */
function pathValue(op: Operation, name: string, schema: JsonSchema): fc.Arbitrary<string> {
  if (name === 'bidId') return fc.constantFrom('B1', 'B2', 'B3', 'B4');
  if (name === 'criterionId') return fc.constantFrom('K1', 'K2', 'K3', 'K4');
  if (name === 'id' && op.path.startsWith('/api/v1/tenders/')) return fc.constantFrom(ids.draftTender, ids.openTender, ids.panelTender);
  if (name === 'id' && op.path.startsWith('/api/v1/reports/')) return fc.constant(ids.report);
  if (name === 'id' && op.path.startsWith('/api/v1/procedures/')) return fc.constant(ids.procedure);
  if (name === 'id' && op.path.startsWith('/api/v1/regions/')) return fc.constant(w.orgs.regio);
  if (name === 'id' && op.path.startsWith('/api/v1/users/')) return fc.constantFrom(w.lelystadInkoper.userId, w.regioInkoper.userId);
  return (validValue(schema, schemaOptions) as fc.Arbitrary<string>).filter((v) => typeof v === 'string' && v !== '' && !/[\uD800-\uDFFF]/.test(v));
}

/**
 * No lone UTF-16 surrogate in any string or key. JSON Schema's strings are sequences of
 * Unicode characters, which a lone surrogate is not; the server refuses one in any body with
 * 400 (`well-formed-text.ts`), as the document's description says.
 */
function isWellFormed(value: unknown): boolean {
  if (typeof value === 'string') return !/\p{Cs}/u.test(value);
  if (Array.isArray(value)) return value.every(isWellFormed);
  if (typeof value === 'object' && value !== null) return Object.entries(value).every(([k, v]) => isWellFormed(k) && isWellFormed(v));
  return true;
}

type ValidRequest = { actor: ActorName; url: string; body: { json: unknown } | undefined };

function requestFor(op: Operation): fc.Arbitrary<ValidRequest> {
  const path = fc.tuple(...op.pathParams.map((p) => pathValue(op, p.name, p.schema)));
  const query = fc.tuple(
    ...op.queryParams.map((p) =>
      (p.required ? validValue(p.schema, schemaOptions, 0, p.name) : fc.option(validValue(p.schema, schemaOptions, 0, p.name), { nil: undefined })).filter(
        (v) => v === undefined || (typeof v === 'string' && !/[\uD800-\uDFFF]/.test(v) && validator(p.schema)(v)),
      ),
    ),
  );
  const body = op.body;
  const bodyArbitrary: fc.Arbitrary<{ json: unknown } | undefined> =
    body === null || body.contentType !== 'application/json'
      ? fc.constant(undefined)
      : validValue(body.schema, schemaOptions)
          .filter((value) => validator(body.schema)(value) && isWellFormed(value))
          .map((json) => ({ json }));
  return fc.record({ actor: actorArbitrary, path, query, body: bodyArbitrary }).map(({ actor, path: pathValues, query: queryValues, body: json }) => {
    let url = op.path;
    op.pathParams.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, encodeURIComponent(pathValues[i]!));
    });
    const pairs = op.queryParams.flatMap((p, i) =>
      queryValues[i] === undefined ? [] : [`${encodeURIComponent(p.name)}=${encodeURIComponent(String(queryValues[i]))}`],
    );
    return { actor, url: pairs.length === 0 ? url : `${url}?${pairs.join('&')}`, body: json };
  });
}

/** The media type without parameters (`application/json; charset=utf-8` -> `application/json`). */
const mediaType = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** What is wrong with an answer to a request the contract accepts; empty when nothing is. */
function contractProblems(op: Operation, what: string, answer: { status: number; contentType: string | null; text: string }): string[] {
  const problems: string[] = [];
  const documented = op.responses[String(answer.status)];
  if (documented === undefined) return [`${what}: answered ${answer.status}, which the operation does not document: ${answer.text.slice(0, 300)}`];
  if (answer.status === 400) {
    const errors = (JSON.parse(answer.text) as { errors: { path: string; message: string }[] }).errors;
    const undocumented = errors.filter((e) => !op.validationRules.some((rule) => ruleCovers(rule.path, e.path)));
    if (errors.length === 0 || undocumented.length > 0) {
      problems.push(
        `${what}: 400 for a request the schema accepts, without a documented rule for ${JSON.stringify(undocumented.length > 0 ? undocumented : errors)}`,
      );
    }
  }
  const schema = documented[mediaType(answer.contentType)];
  if (Object.keys(documented).length > 0 && schema === undefined)
    problems.push(`${what}: ${answer.status} as ${answer.contentType}, not a documented media type`);
  if (schema !== undefined && mediaType(answer.contentType).endsWith('json')) {
    const body = JSON.parse(answer.text) as unknown;
    if (!validator(schema)(body)) problems.push(`${what}: the ${answer.status} body does not match its documented schema: ${answer.text.slice(0, 400)}`);
  }
  return problems;
}

const statuses = new Map<string, Map<number, number>>();

describe('a request the published contract accepts', () => {
  it('is generated for operations with a JSON body', () => {
    expect(operations.filter((op) => op.body?.contentType === 'application/json').length).toBeGreaterThanOrEqual(15);
  });

  for (const [index, op] of operations.entries()) {
    it(`${op.method} ${op.path}`, async () => {
      f.resetFingerprint();
      await assertWithFileSeed(
        fc.asyncProperty(requestFor(op), async (request) => {
          const json = request.body === undefined ? undefined : JSON.stringify(request.body.json);
          const what = `${request.actor}: ${op.method} ${request.url.slice(0, 200)} ${(json ?? '').slice(0, 300)}`;
          const answer = await f.send(
            request.actor,
            op.method,
            request.url,
            json === undefined ? {} : { body: json, headers: { 'content-type': 'application/json' } },
          );
          const seen = statuses.get(`${op.method} ${op.path}`) ?? new Map<number, number>();
          seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
          statuses.set(`${op.method} ${op.path}`, seen);
          expect([...f.checkAnswer(what, answer), ...contractProblems(op, what, answer)]).toEqual([]);
        }),
        { numRuns: RUNS, seed: seedFor(index), endOnFailure: true, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
      );
    }, 30_000);
  }
});

describe('after all of it', () => {
  it('got past validation into the services', () => {
    const all = new Set<number>();
    for (const seen of statuses.values()) for (const status of seen.keys()) all.add(status);
    expect([...all]).toEqual(expect.arrayContaining([200, 201, 403, 404, 409]));
    if (process.env.CONTRACT_REPORT !== undefined) for (const [op, seen] of statuses) console.log(op, JSON.stringify([...seen]));
  });
});
