/**
 * Disabling an account ends all of its sessions and tokens at once and keeps it from
 * logging in until an administrator enables it; who may do that (user-access.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, type TestClient } from '../helpers/client.js';
import { createMember, createOrganisation, loginClient, PASSWORD, seedPlatformAdmin, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPageClient } from '../web/page-client.js';

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
});
afterEach(() => t.close());

async function createUser(email: string, memberships: { organisationId: string; role: string }[]): Promise<string> {
  const response = await w.admin.post('/api/v1/users', { email, name: email.split('@')[0], password: PASSWORD, memberships });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function tokenClient(client: TestClient): Promise<TestClient> {
  const issued = await client.post('/api/v1/auth/tokens', { name: 'script' });
  expect(issued.status).toBe(201);
  return createClient(t, { bearer: issued.body.token });
}

const rowsOf = (table: 'sessions' | 'api_tokens', userId: string) =>
  (t.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?`).get(userId) as { n: number }).n;

const login = (email: string, password = PASSWORD) => createClient(t).post('/api/v1/auth/login', { email, password });

describe('POST /api/v1/users/:id/disable', () => {
  it('ends every session and token of the user at the very next request, and the user cannot log in', async () => {
    const target = w.almereInkoper;
    const secondSession = await loginClient(t, target.email);
    const script = await tokenClient(target);
    // Resolved once: the token's holder is in the credential cache now.
    expect((await script.get('/api/v1/auth/me')).status).toBe(200);
    const response = await w.admin.post(`/api/v1/users/${target.userId}/disable`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ id: target.userId, email: target.email, name: expect.any(String), disabledAt: '2026-03-02T09:00:00.000Z' });
    for (const client of [target, secondSession, script]) {
      const refused = await client.get('/api/v1/auth/me');
      expect(refused.status).toBe(401);
    }
    expect(rowsOf('sessions', target.userId)).toBe(0);
    expect(rowsOf('api_tokens', target.userId)).toBe(0);
    // The right password is answered as a wrong one, on the API and on the form.
    const refused = await login(target.email);
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual((await login(target.email, 'een fout wachtwoord')).body);
    const form = await createPageClient(t).post('/inloggen', { email: target.email, password: PASSWORD });
    expect(form.status).toBe(401);
    expect(form.headers.get('set-cookie')).toBeNull();
  });

  it('resolves no credential of a disabled account, even one whose row is still there', async () => {
    const target = w.almereInkoper;
    const script = await tokenClient(target);
    // Marked disabled behind the service's back: the credentials are not deleted.
    t.db.sqlite.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run('2026-03-02T09:00:00.000Z', target.userId);
    expect(rowsOf('sessions', target.userId)).toBe(1);
    expect((await target.get('/api/v1/auth/me')).status).toBe(401);
    expect((await script.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('writes the audit event with what it ended, once per organisation of the user', async () => {
    const id = await createUser('twee@gemeente.test', [
      { organisationId: w.orgs.almere, role: 'inkoper' },
      { organisationId: w.orgs.lelystad, role: 'auditor' },
    ]);
    const client = await loginClient(t, 'twee@gemeente.test');
    const issued = await client.post('/api/v1/auth/tokens', { name: 'export' });
    expect((await w.admin.post(`/api/v1/users/${id}/disable`)).status).toBe(200);
    const events = t.db.sqlite
      .prepare(
        "SELECT actor_user_id AS actor, organisation_id AS organisationId, entity_id AS entityId, tender_id AS tenderId, change FROM audit_events WHERE action = 'user.disable' ORDER BY organisation_id",
      )
      .all() as { actor: string; organisationId: string; entityId: string; tenderId: string | null; change: string }[];
    const adminId = (await w.admin.get('/api/v1/auth/me')).body.id;
    const change = {
      before: { disabledAt: null },
      after: { disabledAt: '2026-03-02T09:00:00.000Z' },
      sessionsEnded: 1,
      tokensRevoked: [{ id: issued.body.id, name: 'export' }],
    };
    expect(events.map((e) => ({ ...e, change: JSON.parse(e.change) }))).toEqual(
      [w.orgs.almere, w.orgs.lelystad].sort().map((organisationId) => ({ actor: adminId, organisationId, entityId: id, tenderId: null, change })),
    );
    // Disabling again changes nothing and writes nothing.
    const again = await w.admin.post(`/api/v1/users/${id}/disable`);
    expect(again.body.disabledAt).toBe('2026-03-02T09:00:00.000Z');
    expect((t.db.sqlite.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'user.disable'").get() as { n: number }).n).toBe(2);
  });

  it('lets an admin of every organisation of the user do it', async () => {
    expect((await w.almereAdmin.post(`/api/v1/users/${w.almereAuditor.userId}/disable`)).status).toBe(200);
    expect((await w.almereAuditor.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('answers 403 to an admin of only some of the user’s organisations, and to a member who is no admin', async () => {
    const id = await createUser('twee@gemeente.test', [
      { organisationId: w.orgs.almere, role: 'inkoper' },
      { organisationId: w.orgs.lelystad, role: 'inkoper' },
    ]);
    const user = await loginClient(t, 'twee@gemeente.test');
    const partly = await w.almereAdmin.post(`/api/v1/users/${id}/disable`);
    expect(partly.status).toBe(403);
    expect(partly.body.type).toBe('/problems/forbidden');
    expect((await w.almereInkoper.post(`/api/v1/users/${w.almereAuditor.userId}/disable`)).status).toBe(403);
    // An admin of both may.
    await createUser('beheer-beide@gemeente.test', [
      { organisationId: w.orgs.almere, role: 'admin' },
      { organisationId: w.orgs.lelystad, role: 'admin' },
    ]);
    expect((await user.get('/api/v1/auth/me')).status).toBe(200);
    const both = await loginClient(t, 'beheer-beide@gemeente.test');
    expect((await both.post(`/api/v1/users/${id}/disable`)).status).toBe(200);
    expect((await user.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('answers 404 to a caller who shares no organisation with the user, as for an unknown id', async () => {
    await createUser('beheer@utrecht.test', [{ organisationId: w.orgs.utrecht, role: 'admin' }]);
    const utrechtAdmin = await loginClient(t, 'beheer@utrecht.test');
    const unknown = await utrechtAdmin.post('/api/v1/users/bestaat-niet/disable');
    const other = await utrechtAdmin.post(`/api/v1/users/${w.almereInkoper.userId}/disable`);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
    // The platform administrator belongs to no organisation: only another one may disable it.
    const platformAdminId = (await w.admin.get('/api/v1/auth/me')).body.id;
    expect((await w.almereAdmin.post(`/api/v1/users/${platformAdminId}/disable`)).status).toBe(404);
    expect((await w.almereInkoper.get('/api/v1/auth/me')).status).toBe(200);
    expect((await w.admin.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('refuses to disable the caller’s own account', async () => {
    const platformAdminId = (await w.admin.get('/api/v1/auth/me')).body.id;
    const own = await w.admin.post(`/api/v1/users/${platformAdminId}/disable`);
    expect(own.status).toBe(409);
    expect((await w.almereAdmin.post(`/api/v1/users/${w.almereAdmin.userId}/disable`)).status).toBe(409);
    expect((await w.admin.get('/api/v1/auth/me')).status).toBe(200);
  });
});

describe('POST /api/v1/users/:id/enable', () => {
  it('lets the user log in again; its old sessions and tokens stay ended', async () => {
    const target = w.almereInkoper;
    const script = await tokenClient(target);
    expect((await w.almereAdmin.post(`/api/v1/users/${target.userId}/disable`)).status).toBe(200);
    expect((await login(target.email)).status).toBe(401);
    const enabled = await w.almereAdmin.post(`/api/v1/users/${target.userId}/enable`);
    expect(enabled.status).toBe(200);
    expect(enabled.body.disabledAt).toBeNull();
    expect((await login(target.email)).status).toBe(200);
    expect((await script.get('/api/v1/auth/me')).status).toBe(401);
    expect((await target.get('/api/v1/auth/me')).status).toBe(401);
    const actions = (
      t.db.sqlite.prepare("SELECT action, change FROM audit_events WHERE action LIKE 'user.%able'").all() as { action: string; change: string }[]
    ).map((e) => [e.action, JSON.parse(e.change).after]);
    expect(actions).toEqual([
      ['user.disable', { disabledAt: '2026-03-02T09:00:00.000Z' }],
      ['user.enable', { disabledAt: null }],
    ]);
  });

  it('follows the same rule as disabling: 404 to an outsider, 403 to a member who is no admin', async () => {
    expect((await w.admin.post(`/api/v1/users/${w.almereInkoper.userId}/disable`)).status).toBe(200);
    expect((await w.utrechtInkoper.post(`/api/v1/users/${w.almereInkoper.userId}/enable`)).status).toBe(404);
    expect((await w.almereAuditor.post(`/api/v1/users/${w.almereInkoper.userId}/enable`)).status).toBe(403);
    expect((await login(w.almereInkoper.email)).status).toBe(401);
  });
});

describe('a login under way when the account is disabled', () => {
  it('opens no session: the disable that committed while the password was hashed wins', async () => {
    // A real scrypt cost, so that the hash takes far longer than the disable request.
    const slow = createTestApp({ passwordHash: { N: 2 ** 14, r: 8, p: 1 } });
    try {
      const admin = await seedPlatformAdmin(slow);
      const org = await createOrganisation(admin, { name: 'Gemeente Kampen', kind: 'gemeente' });
      const member = await createMember(slow, admin, { organisationId: org, role: 'inkoper' });
      // The disable starts right after the login has read the user, while its password hashes.
      const findUser = slow.ctx.queries.auth.findUserByEmail;
      let disabling: Promise<{ status: number }> | undefined;
      vi.spyOn(slow.ctx.queries.auth, 'findUserByEmail').mockImplementation((email) => {
        const found = findUser(email);
        disabling ??= admin.post(`/api/v1/users/${member.userId}/disable`);
        return found;
      });
      const answer = await createClient(slow).post('/api/v1/auth/login', { email: member.email, password: PASSWORD });
      expect((await disabling)?.status).toBe(200);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('set-cookie')).toBeNull();
      expect((slow.db.sqlite.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').get(member.userId) as { n: number }).n).toBe(0);
    } finally {
      slow.close();
    }
  });
});
