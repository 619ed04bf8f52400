import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../helpers/client.js';
import { seedPlatformAdmin } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp({ bodyLimitBytes: 2048 });
});
afterEach(() => t.close());

describe('HTTP conventions', () => {
  it('answers /health with status ok', async () => {
    const response = await createClient(t).get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await createClient(t).get('/nope');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toEqual({
      type: '/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'no route for GET /nope',
      errors: [],
    });
  });

  it('answers 401 for an API call without credentials', async () => {
    const response = await createClient(t).get('/api/v1/providers');
    expect(response.status).toBe(401);
    expect(response.body.type).toBe('/problems/unauthenticated');
  });

  it('rejects unknown fields and reports field paths in a.b[2].c form', async () => {
    const admin = await seedPlatformAdmin(t);
    const response = await admin.post('/api/v1/users', {
      email: 'not-an-address',
      name: 'X',
      password: 'long enough password',
      memberships: [
        { organisationId: 'o1', role: 'inkoper' },
        { organisationId: 'o2', role: 'baas' },
      ],
      extra: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('/problems/invalid-input');
    const paths = (response.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['email', 'extra', 'memberships[1].role']);
  });

  it('answers malformed JSON with 400', async () => {
    const admin = await seedPlatformAdmin(t);
    const response = await admin.request('POST', '/api/v1/organisations', {
      raw: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('/problems/malformed-json');
  });

  it('answers a body that is not JSON with 415', async () => {
    const admin = await seedPlatformAdmin(t);
    const response = await admin.request('POST', '/api/v1/organisations', {
      raw: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(415);
  });

  it('answers a body over the limit with 413', async () => {
    const admin = await seedPlatformAdmin(t);
    const response = await admin.post('/api/v1/organisations', { name: 'x'.repeat(4000), kind: 'gemeente' });
    expect(response.status).toBe(413);
    expect(response.body.type).toBe('/problems/payload-too-large');
  });

  it('sets secure headers', async () => {
    const response = await createClient(t).get('/api/v1/providers');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('answers an unexpected failure with a bare 500 problem, no stack or message', async () => {
    const admin = await seedPlatformAdmin(t);
    t.db.sqlite.exec('DROP TABLE audit_events');
    const broken = await admin.post('/api/v1/organisations', { name: 'Gemeente Zwolle', kind: 'gemeente' });
    expect(broken.status).toBe(500);
    expect(broken.body).toEqual({
      type: '/problems/internal',
      title: 'Internal server error',
      status: 500,
      detail: 'Internal server error',
      errors: [],
    });
  });
});
