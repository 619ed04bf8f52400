/**
 * One login limiter for the API and the form: per account and client, and per client across
 * accounts; `X-Forwarded-For` names the client only with `trustProxy` (TRUST_PROXY=true).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/http/types.js';
import { createLoginLimiter } from '../../src/modules/auth/login-rate-limit.js';
import { createClient } from '../helpers/client.js';
import { ADMIN_EMAIL, PASSWORD, seedPlatformAdmin } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPageClient } from '../web/page-client.js';

let t: TestApp;
afterEach(() => t.close());

async function start(config: Partial<AppConfig> = {}): Promise<void> {
  t = createTestApp(config);
  await seedPlatformAdmin(t);
}

const apiLogin = async (email: string, password: string, headers: Record<string, string> = {}) =>
  (await createClient(t).request('POST', '/api/v1/auth/login', { json: { email, password }, headers })).status;
const formLogin = async (email: string, password: string) => (await createPageClient(t).post('/inloggen', { email, password })).status;

describe('one limiter for the API and the login form', () => {
  it('counts tries on both against one limit (10 by default), not 10 on each', async () => {
    await start();
    for (let i = 0; i < 5; i += 1) {
      expect(await apiLogin(ADMIN_EMAIL, `fout ${i}`)).toBe(401);
      expect(await formLogin(ADMIN_EMAIL, `ook fout ${i}`)).toBe(401);
    }
    expect(await formLogin(ADMIN_EMAIL, PASSWORD)).toBe(429);
    expect(await apiLogin(ADMIN_EMAIL, PASSWORD)).toBe(429);
    const page = await createPageClient(t).post('/inloggen', { email: ADMIN_EMAIL, password: PASSWORD });
    expect(page.html).toContain('Te veel pogingen. Probeer het over 900 seconden opnieuw.');
  });

  it('clears the count of the account once its password is right', async () => {
    await start();
    for (let i = 0; i < 9; i += 1) expect(await formLogin(ADMIN_EMAIL, `fout ${i}`)).toBe(401);
    expect(await apiLogin(ADMIN_EMAIL, PASSWORD)).toBe(200);
    for (let i = 0; i < 9; i += 1) expect(await apiLogin(ADMIN_EMAIL, `fout ${i}`)).toBe(401);
    expect(await formLogin(ADMIN_EMAIL, PASSWORD)).toBe(303);
  });
});

describe('a bound across accounts from one client', () => {
  it('stops one client that tries many addresses, the right password of a real one included', async () => {
    await start({ loginMaxFailuresPerClient: 5 });
    for (let i = 0; i < 5; i += 1) expect(await apiLogin(`iemand-${i}@gemeente.test`, 'welkom123')).toBe(401);
    const limited = await createClient(t).post('/api/v1/auth/login', { email: ADMIN_EMAIL, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect(await formLogin('nog-iemand@gemeente.test', 'welkom123')).toBe(429);
    t.clock.advance(15 * 60_000);
    expect(await apiLogin(ADMIN_EMAIL, PASSWORD)).toBe(200);
  });

  it('counts only wrong passwords: colleagues logging in from one address do not lock each other out', async () => {
    await start({ loginMaxFailuresPerClient: 5 });
    for (let i = 0; i < 4; i += 1) expect(await apiLogin(`iemand-${i}@gemeente.test`, 'welkom123')).toBe(401);
    for (let i = 0; i < 20; i += 1) expect(await apiLogin(ADMIN_EMAIL, PASSWORD)).toBe(200);
    expect(await apiLogin('nummer-vijf@gemeente.test', 'welkom123')).toBe(401);
    expect(await apiLogin(ADMIN_EMAIL, PASSWORD)).toBe(429);
  });
});

describe('which client: X-Forwarded-For only behind a trusted proxy', () => {
  it('ignores X-Forwarded-For by default: a made-up address does not escape the limit', async () => {
    await start({ loginMaxAttempts: 3 });
    for (let i = 0; i < 3; i += 1) expect(await apiLogin(ADMIN_EMAIL, 'fout', { 'x-forwarded-for': `203.0.113.${i}` })).toBe(401);
    expect(await apiLogin(ADMIN_EMAIL, PASSWORD, { 'x-forwarded-for': '198.51.100.9' })).toBe(429);
  });

  it('with trustProxy, counts the address the proxy appended, not what the client wrote before it', async () => {
    await start({ loginMaxAttempts: 3, trustProxy: true });
    for (let i = 0; i < 3; i += 1) {
      // The client writes a new address each time; the proxy appends the real one.
      expect(await apiLogin(ADMIN_EMAIL, 'fout', { 'x-forwarded-for': `10.0.0.${i}, 203.0.113.7` })).toBe(401);
    }
    expect(await apiLogin(ADMIN_EMAIL, PASSWORD, { 'x-forwarded-for': '203.0.113.7' })).toBe(429);
    // Another client behind the same proxy is not affected.
    expect(await apiLogin(ADMIN_EMAIL, PASSWORD, { 'x-forwarded-for': '198.51.100.9' })).toBe(200);
    // A value that is no address counts as the socket's peer.
    expect(await apiLogin(ADMIN_EMAIL, PASSWORD, { 'x-forwarded-for': 'niet-een-adres' })).toBe(200);
  });
});

describe('createLoginLimiter', () => {
  it('answers the seconds left in the window once a limit is reached, and counts nothing then', () => {
    const limiter = createLoginLimiter({ maxAttempts: 2, maxFailuresPerClient: 3, windowMs: 60_000 });
    expect(limiter.takeAttempt('a', 'ip1', 0)).toBeNull();
    expect(limiter.takeAttempt('a', 'ip1', 10_000)).toBeNull();
    expect(limiter.takeAttempt('a', 'ip1', 15_000)).toBe(45);
    // The refused attempt did not count against the client: one more account may still try.
    expect(limiter.takeAttempt('b', 'ip1', 20_000)).toBeNull();
    expect(limiter.takeAttempt('c', 'ip1', 20_000)).toBe(40);
    expect(limiter.takeAttempt('c', 'ip2', 20_000)).toBeNull();
    expect(limiter.takeAttempt('a', 'ip1', 60_000)).toBeNull();
  });
});
