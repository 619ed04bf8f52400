/**
 * The response schemas of `/openapi.json` hold for real answers. The demo world
 * (scripts/demo: a regio with four gemeenten, three years of tenders with panels, art. 2.116
 * reviews, award decisions and awards) is walked operation by operation, as each kind of user,
 * and every answer is held against what its operation documents for that status: the status
 * is documented, the media type is, and the body matches the schema (Ajv, JSON Schema
 * 2020-12 with formats). Object schemas are read strictly here: a property the document does
 * not name fails, so a response cannot carry more than its schema says.
 *
 * Generic: whatever the document holds is walked, routes added later included.
 * 1. every GET, on every tender (and its bids and criteria), region, report and user of the
 *    world, as each user;
 * 2. every write with a JSON body, with requests generated from its own request schema (valid
 *    ones) until one succeeds, as rotating users on rotating ids;
 * 3. every GET again, now that the writes added reports, tokens and audit events;
 * 4. every upload (a PDF) with a report the walk fetched.
 * Each GET operation must have succeeded at least once, and most writes.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, DEMO_PASSWORD, USERS } from '../../scripts/demo/demo-world.js';
import { createDemoApp, type DemoApp } from '../helpers/demo-app.js';
import { validValue, type JsonSchema } from '../fuzz/json-schema-arbitrary.js';
import { createValidators, listOperations, type OpenApiDocument, type Operation } from '../fuzz/openapi-operations.js';

let demo: DemoApp;
let operations: Operation[];
/** Validators of the document as published (to generate requests) and read strictly (to check answers). */
let published: ReturnType<typeof createValidators>;
let strict: ReturnType<typeof createValidators>;
const cookies = new Map<string, string>();
const problems: string[] = [];
/** Per operation, the statuses it answered. */
const seen = new Map<string, Set<number>>();
let pdf: Uint8Array | undefined;
/** JSON bodies held against a schema, per operation. */
const validated = new Map<string, number>();

/** Every object schema that names its properties gets `additionalProperties: false`, unless it says otherwise. */
export function strictly(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictly);
  if (typeof node !== 'object' || node === null) return node;
  const schema = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, strictly(s)])) : strictly(v)])) as JsonSchema;
  const types = [schema.type].flat();
  if (types.includes('object') && typeof schema.properties === 'object' && schema.additionalProperties === undefined && schema.allOf === undefined) {
    return { ...schema, additionalProperties: false };
  }
  return schema;
}

const sql = <T>(query: string, ...params: unknown[]) => demo.db.sqlite.prepare(query).all(...params) as T[];

const ACTORS = ['inkoper@regio-ijsselland.demo', 'inkoper@zwolle.demo', 'inkoper@kampen.demo', 'auditor@ijsselland.demo', 'beoordelaar@zwolle.demo', 'admin@zwolle.demo', ADMIN_EMAIL];

async function login(email: string): Promise<void> {
  const response = await demo.app.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status, email).toBe(200);
  cookies.set(email, response.headers.get('set-cookie')!.split(';')[0]!);
}

const mediaType = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** Sends as `actor` and holds the answer against the operation's documented response. */
async function call(op: Operation, actor: string, url: string, body?: { json: unknown } | { bytes: Uint8Array; type: string }): Promise<{ status: number; contentType: string; bytes: Uint8Array }> {
  const headers: Record<string, string> = { cookie: cookies.get(actor)! };
  let payload: RequestInit['body'] | undefined;
  if (body !== undefined && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body !== undefined) {
    headers['content-type'] = body.type;
    payload = body.bytes;
  }
  const response = await demo.app.app.request(url, { method: op.method, headers, ...(payload === undefined ? {} : { body: payload }) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const contentType = mediaType(response.headers.get('content-type'));
  const what = `${actor}: ${op.method} ${url}`;
  seen.set(`${op.method} ${op.path}`, (seen.get(`${op.method} ${op.path}`) ?? new Set()).add(response.status));
  const documented = op.responses[String(response.status)];
  if (documented === undefined) problems.push(`${what}: ${response.status} is not documented`);
  else if (Object.keys(documented).length > 0 && documented[contentType] === undefined) problems.push(`${what}: ${response.status} as ${contentType} is not documented`);
  else if (documented[contentType] !== undefined && contentType.endsWith('json')) {
    const text = new TextDecoder().decode(bytes);
    const schema = documented[contentType]!;
    const value = JSON.parse(text) as unknown;
    if (!strict.validator(schema)(value)) problems.push(`${what}: the ${response.status} body does not match its schema (${strict.explain(schema, value)}): ${text.slice(0, 300)}`);
    validated.set(`${op.method} ${op.path}`, (validated.get(`${op.method} ${op.path}`) ?? 0) + 1);
  }
  if (url.startsWith('/api/v1/auth/logout') && response.status < 300) await login(actor);
  return { status: response.status, contentType, bytes };
}

/** The ids a path parameter takes in the world: by the resource the path is about. */
function valuesOf(op: Operation, name: string, tenderId: string | undefined): string[] {
  const resource = op.path.split('/')[3] ?? '';
  if (name === 'bidId') return sql<{ id: string }>('SELECT id FROM bids WHERE tender_id = ? ORDER BY position LIMIT 3', tenderId).map((r) => r.id);
  if (name === 'criterionId') return sql<{ id: string }>('SELECT id FROM criteria WHERE tender_id = ? LIMIT 2', tenderId).map((r) => r.id);
  if (name === 'tokenId') return sql<{ id: string }>('SELECT id FROM api_tokens').map((r) => r.id);
  if (name !== 'id') return ['onbekend'];
  if (resource === 'tenders') return sql<{ id: string }>('SELECT id FROM tenders ORDER BY created_at').map((r) => r.id);
  if (resource === 'regions') return sql<{ id: string }>("SELECT id FROM organisations ORDER BY kind = 'regio' DESC LIMIT 2").map((r) => r.id);
  // The users the walk logs in as stay enabled: a disabled one would end the walk's sessions.
  if (resource === 'users') return sql<{ id: string; email: string }>('SELECT id, email FROM users').filter((u) => !ACTORS.includes(u.email)).map((u) => u.id);
  const table = resource.replace(/-/g, '_');
  const exists = sql<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", table).length > 0;
  return exists ? sql<{ id: string }>(`SELECT id FROM "${table}" LIMIT 5`).map((r) => r.id) : ['onbekend'];
}

/** Every URL of an operation in the world: its path parameters filled with each id they take. */
function urlsOf(op: Operation): string[] {
  const tenderIds = op.pathParams.some((p) => p.name === 'id') && op.path.startsWith('/api/v1/tenders/') ? valuesOf(op, 'id', undefined) : [undefined];
  return tenderIds.flatMap((tenderId) => {
    let urls = [op.path];
    for (const param of op.pathParams) {
      const values = param.name === 'id' && tenderId !== undefined ? [tenderId] : valuesOf(op, param.name, tenderId);
      urls = urls.flatMap((url) => values.map((v) => url.replace(`{${param.name}}`, encodeURIComponent(v))));
    }
    return urls;
  });
}

async function walkReads(actors: readonly string[]): Promise<void> {
  for (const op of operations.filter((o) => o.method === 'GET')) {
    for (const url of urlsOf(op)) {
      for (const actor of actors) {
        const answer = await call(op, actor, url);
        if (answer.status === 200 && answer.contentType === 'application/pdf') pdf ??= answer.bytes;
      }
    }
  }
}

/** Values worth trying for a request property of this name: the world's own. */
function hint(name: string): fc.Arbitrary<unknown> | undefined {
  const organisations = sql<{ id: string }>('SELECT id FROM organisations').map((r) => r.id);
  switch (name) {
    case 'organisationId':
      return fc.constantFrom(...organisations);
    case 'memberIds':
      return fc.array(fc.constantFrom(...organisations), { maxLength: 2 });
    case 'userId':
      return fc.constantFrom(...sql<{ id: string }>('SELECT id FROM users').map((r) => r.id));
    case 'winner':
    case 'bidId':
      return fc.constantFrom(...new Set(sql<{ id: string }>('SELECT id FROM bids').map((r) => r.id)));
    case 'template':
      return fc.constantFrom('b1-route', 'z-route', 'onderwijsroute', 'module-map');
    default:
      return undefined;
  }
}

/** Requests per write at most; a write stops at its first success. */
const ATTEMPTS = 40;

async function walkWrites(kind: 'json' | 'upload'): Promise<void> {
  for (const [index, op] of operations.entries()) {
    if (op.method === 'GET' || op.method === 'HEAD') continue;
    const upload = op.body !== null && op.body.contentType !== 'application/json';
    if ((kind === 'upload') !== upload) continue;
    const urls = urlsOf(op);
    const bodies =
      op.body === null || upload
        ? Array.from({ length: ATTEMPTS }, () => undefined)
        : fc.sample(
            validValue(op.body.schema, { resolve: published.resolve, hint, maxDepth: 5, maxItems: 2 }).filter((v) => published.validator(op.body!.schema)(v)),
            { numRuns: ATTEMPTS, seed: 4242 + index },
          );
    for (const [attempt, json] of bodies.entries()) {
      // Each user in turn on every id: the one whose tender (or role) it is gets there.
      const actor = ACTORS[Math.floor(attempt / urls.length) % ACTORS.length]!;
      const url = urls[attempt % urls.length]!;
      const body = upload ? (pdf === undefined ? undefined : { bytes: pdf, type: op.body!.contentType }) : json === undefined ? undefined : { json };
      const answer = await call(op, actor, url, body);
      if (answer.status < 300) break;
    }
  }
}

beforeAll(async () => {
  demo = await createDemoApp();
  const doc = (await (await demo.app.app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
  operations = listOperations(doc);
  published = createValidators(doc);
  strict = createValidators(strictly(doc) as OpenApiDocument);
  for (const email of ACTORS) await login(email);
}, 60_000);
afterAll(() => demo.close());

describe('every answer of the demo world matches the response its operation documents', () => {
  it('holds for every read, every write and every upload', async () => {
    await walkReads(ACTORS);
    await walkWrites('json');
    // Again as the users who read every tender: the writes added reports, tokens and audit events.
    await walkReads(['inkoper@regio-ijsselland.demo', 'auditor@ijsselland.demo']);
    await walkWrites('upload');
    expect(problems).toEqual([]);
  }, 120_000);

  it('reached a success of every read and of most writes', () => {
    const succeeded = (op: Operation) => [...(seen.get(`${op.method} ${op.path}`) ?? [])].some((s) => s < 300);
    expect(operations.filter((op) => op.method === 'GET' && !succeeded(op)).map((op) => `${op.method} ${op.path}`)).toEqual([]);
    const writes = operations.filter((op) => op.method !== 'GET');
    if (process.env.WALK_REPORT !== undefined) for (const op of operations) console.log(op.method, op.path, [...(seen.get(`${op.method} ${op.path}`) ?? [])], validated.get(`${op.method} ${op.path}`));
    expect(writes.filter(succeeded).length).toBeGreaterThanOrEqual(Math.ceil(writes.length / 2));
  });

  it('reads object schemas strictly: a property the document does not name fails', async () => {
    const tenders = operations.find((op) => op.method === 'GET' && op.path === '/api/v1/tenders')!;
    const schema = tenders.responses['200']!['application/json']!;
    const cookie = cookies.get('inkoper@regio-ijsselland.demo')!;
    const list = (await (await demo.app.app.request('/api/v1/tenders', { headers: { cookie } })).json()) as Record<string, unknown>[];
    expect(list.length).toBeGreaterThan(0);
    expect(strict.validator(schema)(list)).toBe(true);
    expect(strict.validator(schema)([{ ...list[0], extra: 1 }])).toBe(false);
    expect(strict.validator(schema)([{ ...list[0], tender: { ...(list[0]!.tender as object), extra: 1 } }])).toBe(false);
    expect(published.validator(schema)([{ ...list[0], extra: 1 }])).toBe(true);
  });

  it('walked every kind of user of the world', () => {
    expect(USERS.map((u) => u.email)).toEqual(expect.arrayContaining(ACTORS.filter((a) => a !== ADMIN_EMAIL)));
  });
});
