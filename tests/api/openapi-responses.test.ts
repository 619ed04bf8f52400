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
 * 2. every upload (a PDF: a report the walk fetched), and the reads of what it made;
 * 3. every write with a JSON body, with requests generated from its own request schema (valid
 *    ones) until one succeeds, as rotating users on rotating ids;
 * 4. every GET again, now that the writes added reports, tokens and audit events.
 * Each GET operation must have succeeded at least once, and a third of the writes.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, DEMO_PASSWORD, USERS } from '../../scripts/demo/demo-world.js';
import { createDemoApp, type DemoApp } from '../helpers/demo-app.js';
import { exampleProcedure } from '../helpers/procedures.js';
import { validValue } from '../fuzz/json-schema-arbitrary.js';
import { createValidators, listOperations, strictly, type OpenApiDocument, type Operation } from '../fuzz/openapi-operations.js';

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

const sql = <T>(query: string, ...params: unknown[]) => demo.db.sqlite.prepare(query).all(...params) as T[];

const ACTORS = [
  'inkoper@regio-ijsselland.demo',
  'inkoper@zwolle.demo',
  'inkoper@kampen.demo',
  'auditor@ijsselland.demo',
  'beoordelaar@zwolle.demo',
  'admin@zwolle.demo',
  ADMIN_EMAIL,
];

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
async function call(
  op: Operation,
  actor: string,
  url: string,
  body?: { json: unknown } | { bytes: Uint8Array; type: string },
): Promise<{ status: number; contentType: string; bytes: Uint8Array }> {
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
  else if (Object.keys(documented).length > 0 && documented[contentType] === undefined)
    problems.push(`${what}: ${response.status} as ${contentType} is not documented`);
  else if (documented[contentType] !== undefined && contentType.endsWith('json')) {
    const text = new TextDecoder().decode(bytes);
    const schema = documented[contentType]!;
    const value = JSON.parse(text) as unknown;
    if (!strict.validator(schema)(value))
      problems.push(`${what}: the ${response.status} body does not match its schema (${strict.explain(schema, value)}): ${text.slice(0, 300)}`);
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
  if (name === 'documentId') return sql<{ id: string }>('SELECT id FROM bid_documents WHERE tender_id = ? LIMIT 3', tenderId).map((r) => r.id);
  if (name === 'tokenId') return sql<{ id: string }>('SELECT id FROM api_tokens').map((r) => r.id);
  if (name !== 'id') return ['onbekend'];
  if (resource === 'tenders') return sql<{ id: string }>('SELECT id FROM tenders ORDER BY created_at').map((r) => r.id);
  if (resource === 'regions') return sql<{ id: string }>("SELECT id FROM organisations ORDER BY kind = 'regio' DESC LIMIT 2").map((r) => r.id);
  // The users the walk logs in as stay enabled: a disabled one would end the walk's sessions.
  if (resource === 'users')
    return sql<{ id: string; email: string }>('SELECT id, email FROM users')
      .filter((u) => !ACTORS.includes(u.email))
      .map((u) => u.id);
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

async function walkReads(actors: readonly string[], only: (op: Operation) => boolean = () => true): Promise<void> {
  for (const op of operations.filter((o) => o.method === 'GET' && only(o))) {
    for (const url of urlsOf(op)) {
      for (const actor of actors) {
        const answer = await call(op, actor, url);
        if (answer.status === 200 && answer.contentType === 'application/pdf') pdf ??= answer.bytes;
      }
    }
  }
}

/** Values worth trying for a request property of this name, sent by `actor`: the world's own. */
function hintFor(actor: string): (name: string) => fc.Arbitrary<unknown> | undefined {
  return (name) => hint(name, actor);
}

function hint(name: string, actor: string): fc.Arbitrary<unknown> | undefined {
  const organisations = sql<{ id: string }>('SELECT id FROM organisations').map((r) => r.id);
  // The actor's own organisations first: there its step can succeed.
  const own = sql<{ id: string }>('SELECT m.organisation_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?', actor).map(
    (r) => r.id,
  );
  switch (name) {
    case 'organisationId':
      return own.length === 0
        ? fc.constantFrom(...organisations)
        : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: fc.constantFrom(...organisations) });
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

/** The users of the walk, those of the tender's organisation first when the URL names a tender. */
function actorsFor(url: string): string[] {
  const tenderId = /^\/api\/v1\/tenders\/([^/]+)/.exec(url)?.[1];
  if (tenderId === undefined) return ACTORS;
  const own = new Set(
    sql<{ email: string }>(
      'SELECT u.email FROM users u JOIN memberships m ON m.user_id = u.id JOIN tenders t ON t.organisation_id = m.organisation_id WHERE t.id = ?',
      decodeURIComponent(tenderId),
    ).map((r) => r.email),
  );
  return [...ACTORS.filter((a) => own.has(a)), ...ACTORS.filter((a) => !own.has(a))];
}

/** The required query parameters of an upload (a bid document's envelope and file name), generated from their schemas. */
function uploadQuery(op: Operation, seed: number): string {
  const named: Record<string, fc.Arbitrary<unknown>> = { envelope: fc.constant('quality'), name: fc.constant('plan-van-aanpak.pdf') };
  const pairs = op.queryParams
    .filter((param) => param.required)
    .map((param) => {
      const [value] = fc.sample(
        validValue(param.schema, { resolve: published.resolve, hint: (name) => named[name] ?? named[param.name], maxDepth: 1, maxItems: 1 }),
        { numRuns: 1, seed },
      );
      return `${encodeURIComponent(param.name)}=${encodeURIComponent(String(value))}`;
    });
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

/** Requests per write at most; a write stops at its first success. */
const ATTEMPTS = 40;

async function walkWrites(kind: 'json' | 'upload'): Promise<void> {
  for (const [index, op] of operations.entries()) {
    if (op.method === 'GET' || op.method === 'HEAD') continue;
    const upload = op.body !== null && op.body.contentType !== 'application/json';
    if ((kind === 'upload') !== upload) continue;
    // A bid's documents are received while its tender is a draft: those tenders first.
    const drafts = new Set(sql<{ id: string }>("SELECT id FROM tenders WHERE status = 'draft'").map((r) => encodeURIComponent(r.id)));
    const inDraft = (url: string) => drafts.has(/^\/api\/v1\/tenders\/([^/]+)/.exec(url)?.[1] ?? '');
    const urls = upload ? [...urlsOf(op).filter(inDraft), ...urlsOf(op).filter((url) => !inDraft(url))] : urlsOf(op);
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      // Every id in turn, first as the members of the tender's own organisation (whose step it
      // is), then as each user: the one whose tender or role it is gets there.
      const url = urls[attempt % urls.length]!;
      const actor = actorsFor(url)[Math.floor(attempt / urls.length) % ACTORS.length]!;
      const schema = op.body?.schema;
      const [json] =
        schema === undefined || upload
          ? [undefined]
          : fc.sample(
              validValue(schema, { resolve: published.resolve, hint: hintFor(actor), maxDepth: 5, maxItems: 2 }).filter((v) => published.validator(schema)(v)),
              { numRuns: 1, seed: 4242 + index * 1000 + attempt },
            );
      const body = upload ? (pdf === undefined ? undefined : { bytes: pdf, type: op.body!.contentType }) : json === undefined ? undefined : { json };
      const answer = await call(op, actor, `${url}${upload ? uploadQuery(op, index + attempt) : ''}`, body);
      if (answer.status < 300) break;
    }
  }
}

beforeAll(async () => {
  // The walk tries many logins and password changes with generated passwords from one client.
  demo = await createDemoApp({ loginMaxAttempts: 1_000_000, loginMaxFailuresPerClient: 1_000_000 });
  const doc = (await (await demo.app.app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
  operations = listOperations(doc);
  published = createValidators(doc);
  strict = createValidators(strictly(doc) as OpenApiDocument);
  for (const email of ACTORS) await login(email);
  await addDraftWithBid('inkoper@zwolle.demo');
  await addProcedure('inkoper@zwolle.demo');
}, 60_000);

/** The demo world has no procedure with lots (issue 21): the walk imports the three-lot example, as Zwolle's inkoper would. */
async function addProcedure(actor: string): Promise<void> {
  const [organisationId] = sql<{ id: string }>(
    "SELECT m.organisation_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ? AND m.role = 'inkoper'",
    actor,
  ).map((r) => r.id);
  const imported = await demo.app.app.request(`/api/v1/procedures/import?organisationId=${organisationId}`, {
    method: 'POST',
    headers: { cookie: cookies.get(actor)!, 'content-type': 'application/json' },
    body: JSON.stringify(exampleProcedure()),
  });
  expect(imported.status, await imported.clone().text()).toBe(201);
}

/**
 * The demo world's tenders have all opened; a bid's documents are received while its tender is a
 * draft, so the walk adds one draft with a bid, as its inkoper would.
 */
async function addDraftWithBid(actor: string): Promise<void> {
  const [organisationId] = sql<{ id: string }>(
    "SELECT m.organisation_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ? AND m.role = 'inkoper'",
    actor,
  ).map((r) => r.id);
  const send = (url: string, json: unknown) =>
    demo.app.app.request(url, { method: 'POST', headers: { cookie: cookies.get(actor)!, 'content-type': 'application/json' }, body: JSON.stringify(json) });
  const created = await send('/api/v1/tenders', { organisationId, template: 'b1-route', reference: 'WALK-1', title: 'Aanbesteding in voorbereiding' });
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const bid = await send(`/api/v1/tenders/${id}/bids`, { provider: { name: 'Taalschool Voorbereiding', kvk: '30777777', keurmerk: true }, price: 500000 });
  expect(bid.status).toBe(201);
}
afterAll(() => demo.close());

describe('every answer of the demo world matches the response its operation documents', () => {
  it('holds for every read, every write and every upload', async () => {
    await walkReads(ACTORS);
    // Uploads first: a bid's documents are received while its tender is a draft, and the
    // writes below may open or delete the world's drafts.
    await walkWrites('upload');
    const uploaded = new Set(operations.filter((op) => op.body !== null && op.body.contentType !== 'application/json').map((op) => op.path));
    await walkReads(
      ACTORS.filter((a) => a.startsWith('inkoper@')),
      (op) => [...uploaded].some((path) => op.path.startsWith(path)),
    );
    await walkWrites('json');
    // Again as the inkopers and the auditor: the writes added reports, tokens and audit events.
    await walkReads(ACTORS.filter((a) => a.startsWith('inkoper@') || a.startsWith('auditor@')));
    expect(problems).toEqual([]);
  }, 120_000);

  it('reached a success of every read and of a third of the writes', () => {
    const succeeded = (op: Operation) => [...(seen.get(`${op.method} ${op.path}`) ?? [])].some((s) => s < 300);
    if (process.env.WALK_REPORT !== undefined)
      for (const op of operations) console.log(op.method, op.path, [...(seen.get(`${op.method} ${op.path}`) ?? [])], validated.get(`${op.method} ${op.path}`));
    expect(operations.filter((op) => op.method === 'GET' && !succeeded(op)).map((op) => `${op.method} ${op.path}`)).toEqual([]);
    const writes = operations.filter((op) => op.method !== 'GET');
    // Generated bodies meet the state of the world by chance (a score on the scale, a draft to
    // patch); what every write must do, whether it succeeds or not, is answer as documented.
    expect(writes.filter(succeeded).length).toBeGreaterThanOrEqual(Math.ceil(writes.length / 3));
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
