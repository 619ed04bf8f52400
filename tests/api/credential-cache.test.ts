/**
 * Bearer tokens are resolved from a cache while no user, membership or token changed (the
 * newest audit event of no tender): the holder comes from the database once, a change to
 * users drops the entry, and expiry is still checked on every request. Revoking a token,
 * disabling its user and changing the password end it at the very next request.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createClient } from '../helpers/client.js';
import { createMember, PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
/** Reads of a token's holder from the database. */
let holderReads: MockInstance;
beforeEach(async () => {
  t = createTestApp({ tokenLifetimeMs: 60 * 60_000 });
  w = await seedWorld(t);
  holderReads = vi.spyOn(t.ctx.queries.auth, 'findTokenHolder');
});
afterEach(() => t.close());

async function tokenClient(member: World['almereInkoper']) {
  const token = (await member.post('/api/v1/auth/tokens', { name: 'script' })).body.token as string;
  return createClient(t, { bearer: token });
}

describe('the bearer token cache', () => {
  it('reads the holder once while nothing outside the tenders changes, tender writes included', async () => {
    const script = await tokenClient(w.almereInkoper);
    const me = await script.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.memberships).toEqual([{ organisationId: w.orgs.almere, role: 'inkoper' }]);
    const created = await script.post('/api/v1/tenders', {
      organisationId: w.orgs.almere,
      template: 'b1-route',
      reference: 'ALM-2027-01',
      title: 'Inburgering B1-route Almere',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await script.get('/api/v1/auth/me')).body).toEqual(me.body);
    expect(holderReads).toHaveBeenCalledTimes(1);
  });

  it('reads the holder again after a change to users, and keeps tokens apart', async () => {
    const inkoper = await tokenClient(w.almereInkoper);
    const auditor = await tokenClient(w.almereAuditor);
    expect((await inkoper.get('/api/v1/auth/me')).body.id).toBe(w.almereInkoper.userId);
    expect((await auditor.get('/api/v1/auth/me')).body.id).toBe(w.almereAuditor.userId);
    expect(holderReads).toHaveBeenCalledTimes(2);
    await createMember(t, w.admin, { organisationId: w.orgs.lelystad, role: 'inkoper' });
    expect((await inkoper.get('/api/v1/auth/me')).body.id).toBe(w.almereInkoper.userId);
    expect(holderReads).toHaveBeenCalledTimes(3);
  });

  it('still refuses a cached token once it has expired', async () => {
    const script = await tokenClient(w.almereInkoper);
    expect((await script.get('/api/v1/auth/me')).status).toBe(200);
    t.clock.advance(60 * 60_000);
    const expired = await script.get('/api/v1/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toBe('De API-sleutel is ongeldig of verlopen.');
    expect(holderReads).toHaveBeenCalledTimes(1);
  });

  it('refuses a cached token at the very next request after it is revoked', async () => {
    const issued = await w.almereInkoper.post('/api/v1/auth/tokens', { name: 'script' });
    const script = createClient(t, { bearer: issued.body.token });
    expect((await script.get('/api/v1/auth/me')).status).toBe(200);
    expect((await script.get('/api/v1/auth/me')).status).toBe(200);
    expect(holderReads).toHaveBeenCalledTimes(1);
    expect((await w.almereInkoper.request('DELETE', `/api/v1/auth/tokens/${issued.body.id}`)).status).toBe(204);
    expect((await script.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses a cached token at the very next request after its user is disabled, or changes the password', async () => {
    const inkoper = await tokenClient(w.almereInkoper);
    const auditor = await tokenClient(w.almereAuditor);
    for (const script of [inkoper, auditor, inkoper, auditor]) expect((await script.get('/api/v1/auth/me')).status).toBe(200);
    expect(holderReads).toHaveBeenCalledTimes(2);
    expect((await w.admin.post(`/api/v1/users/${w.almereInkoper.userId}/disable`)).status).toBe(200);
    expect((await inkoper.get('/api/v1/auth/me')).status).toBe(401);
    expect((await auditor.get('/api/v1/auth/me')).status).toBe(200);
    const changed = await w.almereAuditor.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'een nieuw wachtwoord 3' });
    expect(changed.status).toBe(200);
    expect((await auditor.get('/api/v1/auth/me')).status).toBe(401);
  });
});
