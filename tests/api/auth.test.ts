import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/lib/secrets.js';
import { createClient } from '../helpers/client.js';
import { ADMIN_EMAIL, loginClient, PASSWORD, seedPlatformAdmin } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = createTestApp({ sessionIdleMs: 30 * 60_000, sessionAbsoluteMs: 8 * 60 * 60_000, loginMaxAttempts: 3 });
  await seedPlatformAdmin(t);
});
afterEach(() => t.close());

const sessionRows = () => t.db.sqlite.prepare('SELECT token_hash AS tokenHash FROM sessions').all() as { tokenHash: string }[];
/** Whether the session behind a `gw_session=...` cookie pair is still stored. */
const isStored = (cookie: string) => sessionRows().some((r) => r.tokenHash === sha256Hex(cookie.split('=')[1]!));

describe('login and sessions', () => {
  it('sets an HttpOnly, SameSite=Lax cookie and stores only its hash', async () => {
    const response = await t.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'BEHEER@gunningswijzer.test', password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^gw_session=[A-Za-z0-9_-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax$/);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = sessionRows().map((r) => r.tokenHash);
    expect(stored).toContain(sha256Hex(token));
    expect(stored).not.toContain(token);
    expect(await response.json()).toMatchObject({ email: ADMIN_EMAIL, isPlatformAdmin: true, memberships: [] });
  });

  it('makes a new session at every login', async () => {
    const first = await loginClient(t, ADMIN_EMAIL);
    const second = await loginClient(t, ADMIN_EMAIL);
    expect(first.cookie).not.toBe(second.cookie);
    expect((await first.get('/api/v1/auth/me')).status).toBe(200);
    expect((await second.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('answers a wrong password and an unknown address alike', async () => {
    const client = createClient(t);
    const wrong = await client.post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: 'wrong password!' });
    const unknown = await client.post('/api/v1/auth/login', { email: 'niemand@x.nl', password: 'wrong password!' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(client.cookie).toBeNull();
  });

  it('ends the session server-side at logout', async () => {
    const client = await loginClient(t, ADMIN_EMAIL);
    const cookie = client.cookie!;
    expect(isStored(cookie)).toBe(true);
    const response = await client.post('/api/v1/auth/logout');
    expect(response.status).toBe(204);
    expect(isStored(cookie)).toBe(false);
    expect(client.cookie).toBeNull();
    // Replaying the old cookie does not work.
    const replay = await createClient(t, { cookie }).get('/api/v1/auth/me');
    expect(replay.status).toBe(401);
  });

  it('ends a session after the idle timeout but not while in use', async () => {
    const client = await loginClient(t, ADMIN_EMAIL);
    t.clock.advance(20 * 60_000);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    t.clock.advance(20 * 60_000); // 40 minutes after login, 20 after the last request
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    const cookie = client.cookie!;
    t.clock.advance(30 * 60_000);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
    expect(isStored(cookie)).toBe(false);
  });

  it('ends an active session at the absolute timeout', async () => {
    const client = await loginClient(t, ADMIN_EMAIL);
    for (let i = 0; i < 16; i += 1) {
      t.clock.advance(29 * 60_000);
      expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    }
    t.clock.advance(29 * 60_000); // 8 h 13 min after login
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('rate limiting', () => {
  it('answers 429 after too many attempts for one address and IP, even with the right password', async () => {
    const client = createClient(t);
    for (let i = 0; i < 3; i += 1) {
      expect((await client.post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: 'wrong password!' })).status).toBe(401);
    }
    const limited = await client.post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    // Another address is not affected, and the window passes.
    expect((await client.post('/api/v1/auth/login', { email: 'other@x.nl', password: 'x' })).status).toBe(401);
    t.clock.advance(15 * 60_000);
    expect((await client.post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: PASSWORD })).status).toBe(200);
  });
});

describe('bearer tokens', () => {
  it('issues a token that works without a cookie and is stored hashed', async () => {
    const client = await loginClient(t, ADMIN_EMAIL);
    const issued = await client.post('/api/v1/auth/tokens', { name: 'import script' });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^gwt_[A-Za-z0-9_-]{43}$/);
    const stored = t.db.sqlite.prepare('SELECT token_hash AS h FROM api_tokens').get() as { h: string };
    expect(stored.h).toBe(sha256Hex(issued.body.token));
    const script = createClient(t, { bearer: issued.body.token });
    expect((await script.get('/api/v1/auth/me')).body.email).toBe(ADMIN_EMAIL);
  });

  it('rejects an unknown or malformed bearer token with 401', async () => {
    expect((await createClient(t, { bearer: 'gwt_nope' }).get('/api/v1/auth/me')).status).toBe(401);
    const response = await t.app.request('/api/v1/auth/me', { headers: { authorization: 'Basic abc' } });
    expect(response.status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write from another origin', async () => {
    const client = await loginClient(t, ADMIN_EMAIL);
    const body = { name: 'Gemeente Zwolle', kind: 'gemeente' };
    const crossSite = await client.request('POST', 'http://localhost/api/v1/organisations', {
      json: body,
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.type).toBe('/problems/csrf-rejected');
    const fetchSite = await client.request('POST', '/api/v1/organisations', { json: body, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(fetchSite.status).toBe(403);
    const sameOrigin = await client.request('POST', 'http://localhost/api/v1/organisations', {
      json: body,
      headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(201);
  });

  it('lets bearer-token writes through whatever their origin', async () => {
    const client = await loginClient(t, ADMIN_EMAIL);
    const token = (await client.post('/api/v1/auth/tokens', { name: 'ci' })).body.token as string;
    const response = await createClient(t, { bearer: token }).request('POST', '/api/v1/organisations', {
      json: { name: 'Gemeente Zwolle', kind: 'gemeente' },
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(response.status).toBe(201);
  });
});
