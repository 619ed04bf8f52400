/**
 * Sessions and response headers: the cookie's flags (Secure behind HTTPS, also on the real
 * server started with COOKIE_SECURE=true), logout ending the session server-side, the idle
 * and absolute timeouts of the default configuration on an injected clock, login answering
 * an unknown address as slowly as a wrong password, and the security headers on every route
 * of the app, found by walking `app.routes` (a new page is covered without being listed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/app.js';
import { parseEnv } from '../../src/env.js';
import { sha256Hex } from '../../src/lib/secrets.js';
import { hashPassword } from '../../src/modules/auth/passwords.js';
import { startServerProcess } from '../../scripts/server-process.js';
import { createClient } from '../helpers/client.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { ADMIN_EMAIL, createMember, createOrganisation, loginClient, PASSWORD, seedPlatformAdmin } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function parseSetCookie(header: string | null): { pair: string; attributes: Set<string>; maxAge: string | undefined } {
  const [pair = '', ...rest] = (header ?? '').split(';').map((part) => part.trim());
  const attributes = new Set(rest.map((a) => a.split('=')[0]!.toLowerCase()));
  const maxAge = rest.find((a) => /^max-age=/i.test(a))?.split('=')[1];
  return { pair, attributes, maxAge };
}

async function login(t: TestApp, headers: Record<string, string> = {}) {
  return t.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: PASSWORD }),
  });
}

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, path /, lives as long as the absolute timeout, and not Secure by default', async () => {
    const t = createTestApp();
    await seedPlatformAdmin(t);
    const cookie = parseSetCookie((await login(t)).headers.get('set-cookie'));
    expect(cookie.pair).toMatch(/^gw_session=[A-Za-z0-9_-]{43}$/);
    expect([...cookie.attributes].sort()).toEqual(['httponly', 'max-age', 'path', 'samesite']);
    expect((await login(t)).headers.get('set-cookie')).toMatch(/SameSite=Lax/);
    expect(cookie.maxAge).toBe(String(DEFAULT_CONFIG.sessionAbsoluteMs / 1000));
    t.close();
  });

  it('is Secure when cookieSecure is set, on login and on the logout that clears it', async () => {
    const t = createTestApp({ cookieSecure: true });
    await seedPlatformAdmin(t);
    const response = await login(t);
    const cookie = parseSetCookie(response.headers.get('set-cookie'));
    expect(cookie.attributes).toEqual(new Set(['httponly', 'max-age', 'path', 'samesite', 'secure']));
    const logout = await t.app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie: cookie.pair } });
    expect(logout.status).toBe(204);
    const cleared = parseSetCookie(logout.headers.get('set-cookie'));
    expect(cleared.attributes.has('secure')).toBe(true);
    expect(cleared.maxAge).toBe('0');
    t.close();
  });

  it('reads COOKIE_SECURE from the environment', () => {
    expect(parseEnv({ COOKIE_SECURE: 'true' })).toMatchObject({ ok: true, env: { COOKIE_SECURE: true } });
    expect(parseEnv({ COOKIE_SECURE: 'TRUE' })).toMatchObject({ ok: true, env: { COOKIE_SECURE: true } });
    expect(parseEnv({})).toMatchObject({ ok: true, env: { COOKIE_SECURE: false } });
    expect(parseEnv({ COOKIE_SECURE: 'yes' })).toMatchObject({ ok: false, problems: ['COOKIE_SECURE: moet true of false zijn'] });
  });

  it('is Secure on the real server started with COOKIE_SECURE=true', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-secure-'));
    const admin = { email: 'secure@gunningswijzer.test', password: 'secure cookie password 1' };
    const previous = process.env.COOKIE_SECURE;
    process.env.COOKIE_SECURE = 'true';
    const server = await startServerProcess({ databasePath: join(dir, 'secure.db'), admin }).finally(() => {
      if (previous === undefined) delete process.env.COOKIE_SECURE;
      else process.env.COOKIE_SECURE = previous;
    });
    try {
      const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(admin),
      });
      expect(response.status).toBe(200);
      expect(parseSetCookie(response.headers.get('set-cookie')).attributes.has('secure')).toBe(true);
    } finally {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('session lifetime (default configuration, injected clock)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = createTestApp({ sessionIdleMs: DEFAULT_CONFIG.sessionIdleMs, sessionAbsoluteMs: DEFAULT_CONFIG.sessionAbsoluteMs });
    await seedPlatformAdmin(t);
  });
  afterAll(() => t.close());

  const storedSessions = () => (t.db.sqlite.prepare('SELECT token_hash AS h FROM sessions').all() as { h: string }[]).map((r) => r.h);

  it('logout ends the session server-side: the old cookie no longer works, other sessions do', async () => {
    const client = await loginClient(t, ADMIN_EMAIL);
    const other = await loginClient(t, ADMIN_EMAIL);
    const oldCookie = client.cookie!;
    expect(storedSessions()).toContain(sha256Hex(oldCookie.split('=')[1]!));
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect(storedSessions()).not.toContain(sha256Hex(oldCookie.split('=')[1]!));
    const replay = await createClient(t, { cookie: oldCookie }).get('/api/v1/auth/me');
    expect(replay.status).toBe(401);
    expect(replay.body.type).toBe('/problems/unauthenticated');
    // A write with the old cookie is refused too, not just reads.
    expect((await createClient(t, { cookie: oldCookie }).post('/api/v1/organisations', { name: 'Gemeente X', kind: 'gemeente' })).status).toBe(401);
    expect((await other.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('ends a session 30 minutes after its last use, and not before', async () => {
    const client = await loginClient(t, ADMIN_EMAIL);
    for (let i = 0; i < 4; i += 1) {
      t.clock.advance(29 * MINUTE);
      expect((await client.get('/api/v1/auth/me')).status, `after ${(i + 1) * 29} minutes of use`).toBe(200);
    }
    t.clock.advance(30 * MINUTE);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('ends an active session 12 hours after login, however active', async () => {
    const client = await loginClient(t, ADMIN_EMAIL);
    let elapsed = 0;
    while (elapsed + 25 * MINUTE < 12 * HOUR) {
      t.clock.advance(25 * MINUTE);
      elapsed += 25 * MINUTE;
      expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    }
    t.clock.advance(12 * HOUR - elapsed);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('login timing', () => {
  it('answers an unknown address as slowly as a wrong password (medians within a factor 2)', async () => {
    // A real scrypt cost (2^14: tens of milliseconds), so that the hash dominates the time.
    const passwordHash = { N: 2 ** 14, r: 8, p: 1 };
    const t = createTestApp({ passwordHash, loginMaxAttempts: 1000 });
    await seedPlatformAdmin(t);
    // The admin was made with the test's cheap default cost; give it the real one.
    t.db.sqlite.prepare('UPDATE users SET password_hash = ? WHERE email = ?').run(await hashPassword(PASSWORD, passwordHash), ADMIN_EMAIL);
    const attempt = async (email: string) => {
      const started = performance.now();
      const response = await t.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'not the password at all' }),
      });
      const elapsed = performance.now() - started;
      expect(response.status).toBe(401);
      return elapsed;
    };
    await attempt('warm-up@nergens.nl'); // the dummy hash is made on first use
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      // Interleaved, so that a slow moment of the machine hits both alike.
      unknown.push(await attempt(`niemand-${i}@nergens.nl`));
      wrong.push(await attempt(ADMIN_EMAIL));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratio = median(unknown) / median(wrong);
    expect(ratio, `unknown ${median(unknown).toFixed(1)} ms, wrong password ${median(wrong).toFixed(1)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    // And both do the hashing work: each takes at least half of one scrypt hash.
    const hashTimes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      await hashPassword('x', passwordHash);
      hashTimes.push(performance.now() - started);
    }
    expect(median(unknown)).toBeGreaterThan(median(hashTimes) / 2);
    t.close();
  }, 60_000);
});

describe('security headers on every route', () => {
  let t: TestApp;
  let tenderId: string;
  let inkoper: Awaited<ReturnType<typeof createMember>>;
  beforeAll(async () => {
    t = createTestApp();
    const admin = await seedPlatformAdmin(t);
    const almere = await createOrganisation(admin, { name: 'Gemeente Almere', kind: 'gemeente' });
    inkoper = await createMember(t, admin, { organisationId: almere, role: 'inkoper' });
    tenderId = (await inkoper.post('/api/v1/tenders/import', { organisationId: almere, dossier: exampleDossier() })).body.id;
  });
  afterAll(() => t.close());

  /** Every concrete route of the app once per method, params filled with real ids where there are any. */
  function routes(): { method: string; path: string }[] {
    const seen = new Map<string, { method: string; path: string }>();
    for (const route of t.app.routes) {
      if (route.method === 'ALL') continue; // middleware
      const path = route.path
        .replace(':id', tenderId)
        .replace(':bidId', 'B1')
        .replace(':criterionId', 'K1')
        .replace(/:[A-Za-z]+/g, 'x')
        .replace(/\*/g, 'x');
      seen.set(`${route.method} ${path}`, { method: route.method, path });
    }
    return [...seen.values()];
  }

  function missingHeaders(path: string, headers: Headers): string[] {
    const missing: string[] = [];
    if (headers.get('x-content-type-options') !== 'nosniff') missing.push('X-Content-Type-Options');
    const csp = headers.get('content-security-policy') ?? '';
    if (headers.get('x-frame-options') === null && !/frame-ancestors/.test(csp)) missing.push('X-Frame-Options or frame-ancestors');
    if (headers.get('referrer-policy') === null) missing.push('Referrer-Policy');
    if (path.startsWith('/api/') && !(/default-src 'none'/.test(csp) && /frame-ancestors 'none'/.test(csp)))
      missing.push("CSP default-src 'none'; frame-ancestors 'none'");
    return missing;
  }

  it('sets them on every route, logged in or not, whatever the status', async () => {
    const problems: string[] = [];
    const statuses = new Set<number>();
    const all = routes();
    expect(all.length).toBeGreaterThan(40);
    for (const { method, path } of all) {
      for (const cookie of [null, inkoper.cookie]) {
        if (cookie !== null && method !== 'GET') continue; // only reads as the user: this test must not change the tender
        const headers: Record<string, string> = cookie === null ? {} : { cookie };
        const init = method === 'GET' ? { method, headers } : { method, headers: { ...headers, 'content-type': 'application/json' }, body: '{}' };
        const response = await t.app.request(path, init);
        statuses.add(response.status);
        const missing = missingHeaders(path, response.headers);
        if (missing.length > 0) problems.push(`${method} ${path} (${response.status}${cookie === null ? '' : ', logged in'}): ${missing.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
    // Successes and errors were both among the answers checked.
    expect([...statuses].some((s) => s === 200)).toBe(true);
    expect([...statuses].some((s) => s >= 400)).toBe(true);
  });

  it('sets them on errors the app answers before any route: unknown paths and oversized bodies', async () => {
    const unknown = await t.app.request('/api/v1/bestaat-niet', { headers: { cookie: inkoper.cookie! } });
    expect(unknown.status).toBe(404);
    const anonymous = await t.app.request('/api/v1/bestaat-niet');
    // A path no route has is a 404 before authentication (src/http/route-table.ts).
    expect(anonymous.status).toBe(404);
    expect(missingHeaders('/api/v1/bestaat-niet', anonymous.headers)).toEqual([]);
    expect(missingHeaders('/api/v1/bestaat-niet', unknown.headers)).toEqual([]);
    const page = await t.app.request('/bestaat-niet');
    expect(missingHeaders('/bestaat-niet', page.headers)).toEqual([]);
    const huge = await t.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x', password: 'y'.repeat(DEFAULT_CONFIG.bodyLimitBytes) }),
    });
    expect(huge.status).toBe(413);
    expect(missingHeaders('/api/v1/auth/login', huge.headers)).toEqual([]);
  });
});
