/**
 * The NL API Design Rules (docs/api-design-rules.md): the official Spectral ruleset, copied in
 * standards/nl-api-design-rules/, finds nothing in the document the app serves, and run
 * offline; and the rules the linter cannot see are met by the running app: the API-Version
 * header on every response, the document at /api/v1/openapi.json without login, 404 (never a
 * redirect) for a trailing slash, 405 with Allow for a method a path does not have, problem
 * details for every error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintOpenApiFiles, NO_NETWORK } from '../../scripts/lint-api.js';
import { API_BASE_PATH, API_VERSION } from '../../src/http/api-version.js';
import { createClient } from '../helpers/client.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { importAlmereTender } from '../helpers/tenders.js';

const CONTACT = { name: 'Team Inkoop Regio IJsselland', email: 'api@ijsselland.example.nl', url: 'https://gunningswijzer.ijsselland.example.nl' };

let t: TestApp;
let w: World;
let tenderId: string;
let otherTenderId: string;
let doc: any;
let dir: string;
const anonymous = () => createClient(t);

beforeAll(async () => {
  t = createTestApp({ apiContact: CONTACT });
  w = await seedWorld(t);
  tenderId = await importAlmereTender(w, exampleDossier());
  otherTenderId = (await w.utrechtInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.utrecht, dossier: exampleDossier() })).body.id;
  doc = (await anonymous().get('/api/v1/openapi.json')).body;
  dir = mkdtempSync(join(tmpdir(), 'gw-adr-'));
});
afterAll(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the official NL API Design Rules linter', () => {
  it('finds nothing in the served document, and does find what a document without contact or version header lacks', async () => {
    const served = join(dir, 'openapi.json');
    writeFileSync(served, JSON.stringify(doc));
    // The same document with three rules broken, linted in the same run: the ruleset is really applied.
    const broken = structuredClone(doc);
    delete broken.info.contact;
    delete broken.servers;
    delete broken.paths['/tenders'].get.responses['200'].headers;
    const brokenFile = join(dir, 'broken.json');
    writeFileSync(brokenFile, JSON.stringify(broken));

    const results = await lintOpenApiFiles([served, brokenFile]);
    const findings = (file: string) => results.filter((r) => r.source === file).map((r) => `${r.code} ${r.path.join('.')}`);
    expect(findings(served)).toEqual([]);
    expect(findings(brokenFile).sort()).toEqual(['info-contact info', 'nlgov:missing-header paths./tenders.get.responses.200', 'oas3-api-servers ']);
  }, 120_000);

  it('runs offline: a ruleset that reaches for the network fails the lint instead', async () => {
    const remote = join(dir, 'remote-ruleset.yaml');
    writeFileSync(remote, 'extends:\n  - https://static.developer.overheid.nl/adr/ruleset.yaml\n');
    const served = join(dir, 'openapi.json');
    writeFileSync(served, JSON.stringify(doc));
    await expect(lintOpenApiFiles([served], remote)).rejects.toThrow(/network access is not allowed while linting/);
    // The same guard, on Node's own clients.
    const probe = spawnSync(
      process.execPath,
      ['--require', NO_NETWORK, '-e', "fetch('http://127.0.0.1:9').catch((e) => { console.log(e.message); process.exit(3); })"],
      { encoding: 'utf8' },
    );
    expect(probe.status).toBe(3);
    expect(probe.stdout).toMatch(/network access is not allowed/);
  }, 120_000);
});

describe('the OpenAPI document (/core/publish-openapi, /core/uri-version, /core/semver)', () => {
  it('is served at /api/v1/openapi.json and /openapi.json, without login, readable from any origin', async () => {
    for (const path of ['/api/v1/openapi.json', '/openapi.json']) {
      const response = await t.app.request(path, { headers: { origin: 'https://swagger.example.org' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(await response.json()).toEqual(doc);
    }
  });

  it('names the base path with the major version as its server, and paths relative to it', () => {
    expect(API_BASE_PATH).toBe('/api/v1');
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/api/v1' })]);
    expect(doc.info.version).toBe(API_VERSION);
    expect(doc.info.version).toMatch(/^1\.\d+\.\d+$/);
    expect(Object.keys(doc.paths)).toContain('/tenders/{id}/ocds');
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/api/'))).toEqual([]);
    // Every route of the API lies under the base path; /health and the document itself are the server's, not the API's.
    const outside = t.app.routes.filter((r) => r.method !== 'ALL' && !r.path.startsWith(`${API_BASE_PATH}/`)).map((r) => r.path);
    expect([...new Set(outside)].sort()).toEqual(['/health', '/openapi.json']);
  });

  it('names who answers for the API, from configuration', () => {
    expect(doc.info.contact).toEqual(CONTACT);
  });

  it('documents the API-Version header on every response', () => {
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, { headers?: object }> }>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!response.headers || !('API-Version' in response.headers)) missing.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(doc.components.headers['API-Version']).toMatchObject({ required: true, schema: { type: 'string' } });
  });
});

describe('API-Version on every response (/core/version-header)', () => {
  it('is the full version, on every route, logged in or not, and on errors, 404s and pages', async () => {
    const paths = new Map<string, string>();
    for (const route of t.app.routes) {
      if (route.method === 'ALL') continue;
      const path = route.path
        .replace(':id', tenderId)
        .replace(':bidId', 'B1')
        .replace(':criterionId', 'K1')
        .replace(/:[A-Za-z]+/g, 'x');
      paths.set(`${route.method} ${path}`, path);
    }
    const extra = ['GET /api/v1/bestaat-niet', 'GET /bestaat-niet', 'DELETE /api/v1/tenders/x', 'GET /aanbestedingen', 'GET /inloggen', 'GET /api/v1/tenders/'];
    for (const key of extra) paths.set(key, key.split(' ')[1]!);
    const wrong: string[] = [];
    for (const [key, path] of paths) {
      const method = key.split(' ')[0]!;
      for (const cookie of [null, w.almereInkoper.cookie]) {
        if (cookie !== null && method !== 'GET') continue; // reads only as the user: the tender stays as it is
        const headers: Record<string, string> = cookie === null ? {} : { cookie };
        const init = method === 'GET' ? { method, headers } : { method, headers: { ...headers, 'content-type': 'application/json' }, body: '{}' };
        const response = await t.app.request(path, init);
        if (response.headers.get('api-version') !== API_VERSION) wrong.push(`${key} (${response.status}): ${response.headers.get('api-version')}`);
      }
    }
    expect(paths.size).toBeGreaterThan(45);
    expect(wrong).toEqual([]);
  });
});

describe('no trailing slash (/core/no-trailing-slash): 404, never a redirect', () => {
  it('answers a path with a trailing slash with a 404 problem, logged in or not', async () => {
    for (const client of [anonymous(), w.almereInkoper]) {
      for (const path of ['/api/v1/tenders/', `/api/v1/tenders/${tenderId}/`, `/api/v1/tenders/${tenderId}/bids/`, '/api/v1/openapi.json/']) {
        const response = await client.get(path);
        expect(response.status, path).toBe(404);
        expect(response.headers.get('location'), path).toBeNull();
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(response.body.detail).toMatch(/eindigt nooit op een slash/);
      }
    }
    // Without the slash the same request is answered.
    expect((await w.almereInkoper.get(`/api/v1/tenders/${tenderId}/bids`)).status).toBe(200);
  });
});

describe('405 with Allow for a method the path does not have (RFC 9110 §15.5.6, /core/http-methods)', () => {
  it('answers 405 with the methods the path does have, before asking to log in', async () => {
    for (const client of [anonymous(), w.almereInkoper]) {
      const response = await client.request('PUT', `/api/v1/tenders/${tenderId}`);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('DELETE, GET, HEAD, PATCH');
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body).toMatchObject({ type: '/problems/method-not-allowed', title: 'Method not allowed', status: 405 });
      expect(response.body.detail).toBe(`PUT wordt niet ondersteund op /api/v1/tenders/${tenderId}; wel: DELETE, GET, HEAD, PATCH.`);
    }
    const put = await w.almereInkoper.put('/api/v1/providers', { name: 'x' });
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, HEAD, POST']);
    const post = await anonymous().post('/openapi.json');
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('gives the same answer for another organisation’s tender and for none: the pattern decides, not the tender', async () => {
    for (const id of [otherTenderId, 'bestaat-niet']) {
      const response = await w.almereInkoper.request('PUT', `/api/v1/tenders/${id}`);
      expect([response.status, response.headers.get('allow')]).toEqual([405, 'DELETE, GET, HEAD, PATCH']);
    }
    // With a method the path has, another organisation's tender stays a plain 404.
    expect((await w.almereInkoper.get(`/api/v1/tenders/${otherTenderId}`)).status).toBe(404);
  });

  it('keeps 404 for a path no route has, and 401 for a path and method that exist', async () => {
    const unknown = await anonymous().get('/api/v1/bestaat-niet');
    expect([unknown.status, unknown.body.detail]).toEqual([404, 'no route for GET /api/v1/bestaat-niet']);
    expect((await anonymous().get(`/api/v1/tenders/${tenderId}`)).status).toBe(401);
    expect((await anonymous().request('PATCH', `/api/v1/tenders/${tenderId}`, { json: {} })).status).toBe(401);
  });

  it('lists in Allow exactly the methods the document gives the path', async () => {
    // A concrete path can fit more than one documented path: /tenders/import is also a /tenders/{id}.
    const documentedPaths = Object.entries(doc.paths as Record<string, object>).map(([path, operations]) => ({
      regex: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      methods: Object.keys(operations).map((m) => m.toUpperCase()),
    }));
    const wrong: string[] = [];
    for (const path of Object.keys(doc.paths)) {
      const concrete = path.replace(/\{[^}]+\}/g, 'x');
      const documented = documentedPaths.filter(({ regex }) => regex.test(concrete)).flatMap(({ methods }) => methods);
      const expected = [...new Set([...documented, ...(documented.includes('GET') ? ['HEAD'] : [])])].sort().join(', ');
      const url = `${API_BASE_PATH}${concrete}`;
      const response = await t.app.request(url, { method: 'OPTIONS' });
      if (response.status !== 405 || response.headers.get('allow') !== expected)
        wrong.push(`${url}: ${response.status} ${response.headers.get('allow')} (expected ${expected})`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('security headers on API responses (/core/transport/security-headers)', () => {
  it('forbids caching and framing', async () => {
    const response = await w.almereInkoper.get(`/api/v1/tenders/${tenderId}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
